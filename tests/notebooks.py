"""Running a take-away notebook and reading back what it prints, as a learner would see it.

Two ways to run one: its code cells in order in a fresh namespace of this process (fast, for many
states), or in a real Jupyter kernel through nbclient (what "Run All" does).
"""

import contextlib
import io
import re

import nbformat
import numpy as np

TENSOR = re.compile(r"tf\.Tensor\((.*?), shape=\(([^)]*)\), dtype=\w+\)", re.DOTALL)
NUMBER = re.compile(r"[-+]?(?:(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?|nan|inf)")  # -inf too


def read(ipynb: bytes) -> nbformat.NotebookNode:
    notebook = nbformat.reads(ipynb.decode(), as_version=4)
    nbformat.validate(notebook)
    return notebook


def printed_in_process(ipynb: bytes) -> dict[str, str]:
    """What each tagged code cell prints, its cells run top to bottom in one fresh namespace."""
    namespace: dict = {}
    printed = {}
    for cell in read(ipynb).cells:
        if cell.cell_type != "code":
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(cell.source, "<notebook cell>", "exec"), namespace)  # our generated code, never a reader's
        printed[tag(cell)] = out.getvalue()
    return printed


def printed_by_kernel(ipynb: bytes) -> dict[str, str]:
    """What each tagged code cell prints when a Jupyter kernel runs the notebook (python3, ipykernel)."""
    from nbclient import NotebookClient

    notebook = read(ipynb)
    NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    printed = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors, errors
            printed[tag(cell)] = "".join(o.text for o in cell.outputs if o.get("name") == "stdout")
    return printed


def tag(cell: nbformat.NotebookNode) -> str:
    tags = cell.metadata.get("tags", [])
    return tags[0] if tags else ""


def tensors(text: str) -> list[np.ndarray]:
    """Every tf.Tensor printed in `text`, as an array of its shape."""
    found = []
    for body, shape in TENSOR.findall(text):
        dims = tuple(int(n) for n in shape.replace(",", " ").split())
        found.append(np.array([float(n) for n in NUMBER.findall(body)], np.float64).reshape(dims))
    return found


def numbers(text: str) -> list[float]:
    """Every number printed in `text` outside the tensors (shapes, differences, tables)."""
    return [float(n) for n in NUMBER.findall(TENSOR.sub("", text))]
