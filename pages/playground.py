"""Playground: a formula typed by the reader, parsed safely, with every view of an example page."""

from jaccore.ui import show_page

show_page("playground")
