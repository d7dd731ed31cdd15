"""The shape rule: W (3, 2) → Y (2, 4) has a Jacobian of shape (2, 4, 3, 2)."""

from jaccore.ui import show_page

show_page("shape_rule")
