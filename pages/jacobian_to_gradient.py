"""From Jacobian to gradient: the flat Jacobian's column sums are what tape.gradient returns."""

from jaccore.explorer import render_lesson

render_lesson("jacobian_to_gradient")
