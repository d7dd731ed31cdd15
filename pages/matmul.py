"""C = A·B: the notebook's last example, gradient_A = [[11, 15], [11, 15]]."""

from jaccore.explorer import render_example

render_example("matmul")
