"""C = A·B: the notebook's last example, gradient_A = [[11, 15], [11, 15]]."""

from jaccore.ui import show_page

show_page("matmul")
