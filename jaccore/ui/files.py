"""The files a page hands a learner, made at the click from what the live section last drew
(sections.OnScreen): the Jacobian and the gradient as CSV and .npy, the script, the notebook. The CSV
writes round-off as 0, as the page does; the .npy keeps the arrays as TensorFlow returned them."""

import streamlit as st

from jaccore.catalog import Example
from jaccore.downloads import array_csv, jacobian_csv, npy_bytes
from jaccore.notation import round_off, settled
from jaccore.takeaway import example_cells, notebook_bytes
from jaccore.ui.sections import OnScreen
from jaccore.ui.state import language, say


def render_downloads(example: Example, wrt: str, on_screen: OnScreen) -> None:
    """The Jacobian and the gradient on screen as CSV and .npy, the script and the notebook, made
    when a reader clicks."""
    y, lang = example.output_name, language()
    files = {
        "jacobian_{}_{}.csv": lambda v: jacobian_csv(
            settled(v.analysis.jacobian, round_off([v.analysis.jacobian])), v.analysis.output.shape, y, v.x
        ),
        "jacobian_{}_{}.npy": lambda v: npy_bytes(v.analysis.jacobian),
        "gradient_{}_{}.csv": lambda v: array_csv(settled(v.analysis.gradient, v.noise), v.x),
        "gradient_{}_{}.npy": lambda v: npy_bytes(v.analysis.gradient),
        # The script on screen, as a file: the code block has no copy button.
        "tensorflow_{}_{}.py": lambda _: on_screen.code.encode(),
        "notebook_{}_{}.ipynb": lambda v: notebook_bytes(
            example_cells(v.example, v.values, v.x, v.analysis.upstream, on_screen.page, lang)
        ),
    }
    st.markdown(f"**{say('example.downloads')}**")
    with st.container(horizontal=True):
        for pattern, write in files.items():
            name = pattern.format(example.slug, wrt)
            at_click = lambda write=write: write(on_screen.view)  # noqa: E731
            st.download_button(name, at_click, file_name=name, key=f"download.{name}", on_click="ignore")


def render_notebook_download(name: str, on_screen: OnScreen) -> None:
    """The notebook of what the live section last drew (the pages beyond the examples)."""
    if on_screen.notebook is None:
        return
    st.markdown(f"**{say('example.downloads')}**")
    at_click = lambda: on_screen.notebook()  # noqa: E731  the latest one, after the sliders' last move
    st.download_button(name, at_click, file_name=name, key=f"download.{name}", on_click="ignore")
