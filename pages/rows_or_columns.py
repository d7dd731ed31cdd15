"""Row by row or column by column: reverse and forward mode build a Jacobian, pass by pass."""

from jaccore.ui import show_page

show_page("rows_or_columns")
