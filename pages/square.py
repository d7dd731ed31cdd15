"""y = x ⊙ x: an element-wise square has a diagonal Jacobian, 2·x on the diagonal."""

from jaccore.explorer import render_example

render_example("square")
