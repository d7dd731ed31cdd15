"""The Hessian: the Jacobian of the gradient, and a Hessian-vector product."""

from jaccore.ui import show_page

show_page("hessian")
