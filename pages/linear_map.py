"""The best linear map: f(x + tδ) against f(x) + J·tδ, and its error, falling like t²."""

from jaccore.ui import show_page

show_page("linear_map")
