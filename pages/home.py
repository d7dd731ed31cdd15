"""Home: what the explorer teaches and where to start."""

from jaccore.ui import show_page

show_page("home")
