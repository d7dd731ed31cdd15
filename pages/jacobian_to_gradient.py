"""From Jacobian to gradient: the flat Jacobian's column sums are what tape.gradient returns."""

from jaccore.ui import show_page

show_page("jacobian_to_gradient")
