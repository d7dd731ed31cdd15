"""Home: what the explorer teaches and where to start."""

from jaccore.explorer import render_home

render_home()
