"""y = x ⊙ x: an element-wise square has a diagonal Jacobian, 2·x on the diagonal."""

from jaccore.ui import show_page

show_page("square")
