"""Pitfalls: the silent wrong answers of the gradient tape, each run beside its fix."""

from jaccore.ui import show_page

show_page("pitfalls")
