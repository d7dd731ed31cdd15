"""f = W·x: the Jacobian with respect to x is W; with respect to W it has shape (3, 1, 3, 3)."""

from jaccore.ui import show_page

show_page("matvec")
