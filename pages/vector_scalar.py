"""z = x·yᵀ: a scalar from two vectors; its Jacobian (1, 1, 1, 2) is the gradient itself."""

from jaccore.explorer import render_example

render_example("vector_scalar")
