"""Write the Jacobian yourself: puzzles graded against the tape, slice by slice."""

from jaccore.ui import show_page

show_page("puzzles")
