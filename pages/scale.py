"""y = a·x: scaling by a scalar; with respect to a the contributions of every element add up."""

from jaccore.ui import show_page

show_page("scale")
