"""Playground: a formula typed by the reader, parsed safely, with every view of an example page."""

from jaccore.explorer import render_playground

render_playground("playground")
