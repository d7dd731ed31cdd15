"""y = a·x: scaling by a scalar; with respect to a the contributions of every element add up."""

from jaccore.explorer import render_example

render_example("scale")
