"""z = x·yᵀ: a scalar from two vectors; its Jacobian (1, 1, 1, 2) is the gradient itself."""

from jaccore.ui import show_page

show_page("vector_scalar")
