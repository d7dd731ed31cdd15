"""Figures of equations between arrays: the slices adding up to the gradient (Σ beside what the tape
returned, or the learner's own grid), and the chain rule's product J_g · J_f = J.

Pure functions from numpy arrays (and labels) to Plotly figure specs, tiled and laid out by the rule of
every chart of matrices (jaccore/tiles.py): an equation wraps only between whole terms, its last terms
(the results) always on one line.
"""

import numpy as np

from jaccore.figures import MAX_SUM_TERMS, Rounding, cell_names, flat_hover, hover, outline, rounding
from jaccore.notation import element_indices, index_label, partial_label, round_off, shape_text
from jaccore.tiles import MAX_LABELLED_CELLS, TITLE_PX, add_notes, add_signs, extent, heatmap, name_cells, own_scale


def sum_equation(
    jacobian: np.ndarray,
    upstream: np.ndarray,
    gradient: np.ndarray,
    y_name: str,
    x_name: str,
    labels: tuple[str, str],
    word: str = "round-off",
    own: str = "own scale",
) -> dict:
    """v₀·∂y[0]/∂x + v₁·∂y[1]/∂x + … = Σ, then what the tape returned (`labels`: its title, and the
    word between Σ and it, in the reader's language): one equation, Σ and the tape's always side by side.
    Where Σ is under a quarter of the slices' size (not round-off: that is drawn as 0), Σ and the tape's
    are drawn on a colour scale of their own, its key named `own`: on the slices' they would look blank.

    Σ is computed here from the slices, independently of the tape's gradient beside it.
    """
    tape_label, versus = labels
    results = [("Σ", weighted_sum(jacobian, upstream)), (tape_label, gradient)]
    spec = slices_equation(jacobian, upstream, results, versus, y_name, x_name, word)
    if own_scale_needed(spec, len(results)):
        own_scale(spec, len(results), own)
    return spec


OWN_SCALE_BELOW = 0.25  # results smaller than this share of the slices' largest get a scale of their own


def own_scale_needed(spec: dict, count: int) -> bool:
    """Whether the last `count` panels of the figure (its results, round-off already drawn as 0) are
    non-zero but under OWN_SCALE_BELOW of the largest of the others."""
    z = np.asarray(spec["data"][0]["z"], np.float64)
    panels = spec["layout"]["meta"]["panels"]

    def largest(group: list[list[int]]) -> float:
        values = np.concatenate([z[r : r + h, c : c + w].ravel() for r, c, h, w in group])
        return float(np.abs(values[np.isfinite(values)]).max(initial=0.0))

    slices, results = largest(panels[:-count]), largest(panels[-count:])
    return 0 < results < OWN_SCALE_BELOW * slices


def assembled_equation(
    jacobian: np.ndarray,
    upstream: np.ndarray,
    typed: np.ndarray,
    wrong: np.ndarray,
    gradient: np.ndarray | None,
    y_name: str,
    x_name: str,
    labels: tuple[str, str, str],
    word: str = "round-off",
) -> dict:
    """v₀·∂y[0]/∂x + … = the learner's grid (`typed`, shaped like x: NaN where a box is empty or not a
    number), its `wrong` cells outlined; then, once it is right (`gradient` given), what the tape returned.
    `labels`: the learner's grid's title, the tape's, and the word between them."""
    yours, tape_label, versus = labels
    results = [(yours, typed)] + ([(tape_label, gradient)] if gradient is not None else [])
    spec = slices_equation(jacobian, upstream, results, versus, y_name, x_name, word, typed=1)
    # One colour scale for the slices (and the tape's answer, once shown): a number typed far off it
    # takes its end colour instead of washing the slices out, and the scale does not give the answer away.
    shown = [np.asarray(upstream[i] * jacobian[i], np.float64) for i in element_indices(upstream.shape)]
    span = extent(np.concatenate([np.ravel(v) for v in [*shown, *([] if gradient is None else [gradient])]]))
    spec["layout"]["coloraxis"].update(cmin=-span, cmax=span)
    masks = [None] * (len(spec["layout"]["meta"]["panels"]) - len(results)) + [wrong] + [None] * (len(results) - 1)
    return outline(spec, masks)


def sum_noise(jacobian: np.ndarray, upstream: np.ndarray, results: list[np.ndarray]) -> float:
    """The round-off of a sum of weighted slices (notation.round_off): measured against every weighted
    slice, drawn or summarised as "…", and the results the computation gave."""
    weights = np.reshape(upstream, np.shape(upstream) + (1,) * (jacobian.ndim - np.ndim(upstream)))
    return round_off([np.asarray(weights * jacobian), *results])


def weighted_sum(jacobian: np.ndarray, upstream: np.ndarray) -> np.ndarray:
    """Σ_i v[i] ∂y[i]/∂x, added slice by slice: shaped like x."""
    outputs = element_indices(upstream.shape)
    return sum((upstream[i] * jacobian[i] for i in outputs), np.zeros(jacobian.shape[upstream.ndim :]))


def slices_equation(
    jacobian: np.ndarray,
    upstream: np.ndarray,
    results: list[tuple[str, np.ndarray]],
    versus: str,
    y_name: str,
    x_name: str,
    word: str = "round-off",
    typed: int = 0,
) -> dict:
    """v₀·∂y[0]/∂x + v₁·∂y[1]/∂x + … = results[0] `versus` results[1] …: the weighted slices, then each
    (title, array shaped like x) of `results`, all of them on the line that ends the equation. The first
    `typed` results are a learner's numbers: they do not set what counts as the computation's round-off."""
    outputs = element_indices(upstream.shape)
    shown = outputs[:MAX_SUM_TERMS]
    values = [upstream[i] * jacobian[i] for i in shown] + [array for _, array in results]
    titles = [f"{upstream[i]:.3g} ×<br>{partial_label(y_name, i, x_name)}" for i in shown]
    titles += [title for title, _ in results]
    names = [title.replace("<br>", " ") for title in titles]
    computed = [array for _, array in results[typed:]]
    rounded = Rounding(sum_noise(jacobian, upstream, computed), word)
    hovers = [
        hover(np.asarray(v), lambda k, name=name: f"{name} — {index_label(x_name, k)}", rounded)
        for v, name in zip(values, names, strict=True)
    ]
    labelled = sum(np.size(v) for v in values) <= MAX_LABELLED_CELLS
    grid = (1, len(values))
    spec = heatmap(values, hovers, titles, grid, labelled, rounded.noise, arrange="equation", together=len(results))
    layout = spec["layout"]
    layout.update(margin=dict(layout["margin"], t=TITLE_PX + 16), height=layout["height"] + 16)
    name_cells(layout, *cell_names(x_name, jacobian.shape[upstream.ndim :]))
    equals = "+ … =" if len(outputs) > len(shown) else "="
    add_signs(layout, ["+"] * (len(shown) - 1) + [equals] + [versus] * (len(results) - 1))
    return spec


def chain_product(
    j_g: np.ndarray,
    j_f: np.ndarray,
    j: np.ndarray,
    ndims: tuple[int, int],
    x_name: str,
    shape_note: str,
    word: str = "round-off",
) -> dict:
    """J_g · J_f = J as the matrix product it is: each Jacobian flat, (out.size × in.size), side by side,
    its tensor shape under it (`shape_note`: '{shape} → {rows} × {cols}', in the reader's language).

    `ndims`: the number of axes of y and of f (the chain y = g(f(x))), which split each shape in two.
    """
    y_ndim, f_ndim = ndims
    factors = ((j_g, y_ndim, "y", "f"), (j_f, f_ndim, "f", x_name), (j, y_ndim, "y", x_name))
    rounded = rounding([j_g, j_f, j], word)
    flats, hovers, titles, shapes = [], [], [], []
    for jacobian, out_ndim, out, inp in factors:
        rows = [index_label(out, i) for i in element_indices(jacobian.shape[:out_ndim])]
        cols = [index_label(inp, k) for k in element_indices(jacobian.shape[out_ndim:])]
        flat = jacobian.reshape(len(rows), len(cols))
        flats.append(flat)
        hovers.append(flat_hover(flat, rows, cols, rounded))
        shapes.append(shape_note.format(shape=shape_text(jacobian.shape), rows=len(rows), cols=len(cols)))
    titles = ["J<sub>g</sub> = ∂y/∂f", f"J<sub>f</sub> = ∂f/∂{x_name}", f"J = ∂y/∂{x_name}"]
    labelled = sum(f.size for f in flats) <= MAX_LABELLED_CELLS
    spec = heatmap(flats, hovers, titles, (1, 3), labelled, rounded.noise, arrange="equation", together=1)
    add_notes(spec["layout"], shapes)
    add_signs(spec["layout"], ["·", "="])
    return spec
