"""The Streamlit interface: pages call `render_*` here; the only module that imports streamlit.

A page is a list of sections, each a small `render_*` function, in teaching order: question,
inputs, output, Jacobian, from Jacobian to gradient, check, code and downloads, self-check.
"""

import gc
import io
import math
import zlib
from collections.abc import Mapping
from functools import partial

import numpy as np
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from jaccore import figures
from jaccore.catalog import EXAMPLES, LESSONS, NAVIGATION, Example, page_title, tensorflow_code
from jaccore.engine import Analysis, analyze, max_abs_difference
from jaccore.figures import element_indices, index_label
from jaccore.translations import DEFAULT_LANGUAGE, LANGUAGE_NAMES, UI, language_from
from jaccore.translations import LESSON as LESSON_TEXT

LANG_KEY = "lang"
UPSTREAM = "@v"  # key prefix of the upstream sliders: '@' cannot start an input's name

# Streamlit collects garbage after every rerun; with TensorFlow's millions of long-lived objects
# loaded, a full collection costs 170–250 ms. Freeze what exists now (imports) out of its reach.
gc.collect()
gc.freeze()


# Language ----------------------------------------------------------------------------------


def use_router() -> None:
    """Make the router in streamlit_app.py run, even on a deep link that is a server's first visit.

    Streamlit treats a `pages/` folder as the old multipage API (each file run on its own, no
    st.navigation) until some script calls st.navigation; flip that switch and rerun once.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def language() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def choose_language() -> str:
    """The sidebar's language switch: ?lang= first, else the browser's locale, else English."""
    default = language_from(None, st.context.locale)
    label = UI["language"](DEFAULT_LANGUAGE)
    return url_choice(st.sidebar.radio, label, LANGUAGE_NAMES, LANG_KEY, default, horizontal=True)


def url_choice(widget, label: str, options: Mapping[str, str], key: str, default: str, **widget_options) -> str:
    """A radio or selectbox whose choice lives in the URL as ?key=code (never the translated label).

    Streamlit's bind="query-params" would store the label, which changes with the language.
    """
    raw = st.query_params.get(key)
    if st.session_state.get(key) not in options:  # first run, or options changed with the page
        st.session_state[key] = raw if raw in options else default
    if raw is not None and raw not in options:
        st.warning(UI["bad_choice"](language(), key=key, value=raw[:20], options=", ".join(options)), icon="⚠️")
    choice = widget(label, list(options), format_func=options.get, key=key, **widget_options)
    if raw != choice:
        st.query_params[key] = choice
    return choice


def navigation(lang: str) -> dict[str, list]:
    """st.navigation's sections, built from the catalog, titled in the reader's language."""
    pages = [st.Page(f"pages/{slug}.py", title=page_title(slug)(lang), url_path=slug) for slug in NAVIGATION]
    home = st.Page("pages/home.py", title=UI["home"](lang), icon=":material/home:", default=True)
    return {UI["app_title"](lang): [home], UI["section_examples"](lang): pages}


# Pages -------------------------------------------------------------------------------------


def render_home() -> None:
    use_router()
    lang = language()
    st.title(UI["app_title"](lang))
    st.markdown(UI["home_intro"](lang))
    st.markdown(UI["home_start"](lang, first=page_title(NAVIGATION[0])(lang)))
    for n, slug in enumerate(NAVIGATION, start=1):
        st.page_link(f"pages/{slug}.py", label=f"{n}. {page_title(slug)(lang)}")
    st.info(UI["home_layout"](lang))
    with st.expander(UI["glossary"](lang)):
        st.markdown(UI["glossary_rows"](lang))


def render_example(slug: str) -> None:
    """A worked example of the catalog, every section in teaching order."""
    use_router()
    lang = language()
    example = EXAMPLES[slug]
    render_question(example, lang)
    explore_example(example, lang)


@st.fragment
def explore_example(example: Example, lang: str) -> None:
    """Everything the sliders feed; a slider move reruns this fragment, not the whole page."""
    values = render_inputs(example, lang)
    wrt = choose_wrt(example, lang)
    analysis = analyze(example.fn, values, wrt)
    render_output(example, analysis, lang)
    render_jacobian(example, analysis, lang)
    weighted = render_gradient(example, values, analysis, lang)
    render_check(example, values, weighted, lang)
    render_code_and_downloads(example, values, weighted, lang)
    render_self_check(example, analysis, lang)


def render_lesson(slug: str) -> None:
    """Ví dụ 3 of the notebook: the flat Jacobian's column sums are the gradient, for any example."""
    use_router()
    lang = language()
    st.title(LESSONS[slug](lang))
    st.markdown(LESSON_TEXT["intro"](lang))
    titles = {slug: example.title(lang) for slug, example in EXAMPLES.items()}
    chosen = url_choice(st.selectbox, LESSON_TEXT["pick"](lang), titles, "example", "scale")
    explore_lesson(EXAMPLES[chosen], lang)


@st.fragment
def explore_lesson(example: Example, lang: str) -> None:
    st.latex(example.formula)
    values = render_inputs(example, lang)
    wrt = choose_wrt(example, lang)
    analysis = analyze(example.fn, values, wrt)
    render_column_sums(example, analysis, lang)
    render_gradient(example, values, analysis, lang)
    render_self_check(example, analysis, lang)


# Sections ----------------------------------------------------------------------------------


def render_question(example: Example, lang: str) -> None:
    st.title(example.title(lang))
    st.latex(example.formula)
    st.markdown(f"**{example.question(lang)}**")


def slider_key(name: str, index: tuple[int, ...]) -> str:
    """The slider's key and URL parameter: 'A.0.1' for A[0,1], 'a' for a scalar."""
    return ".".join([name, *map(str, index)])


def render_inputs(example: Example, lang: str) -> dict[str, np.ndarray]:
    """A slider per element of every input, laid out in the input's shape; returns the values."""
    st.subheader(UI["inputs"](lang))
    st.caption(UI["inputs_hint"](lang))
    defaults = {slider_key(n, i): float(v[i]) for n, v in example.inputs.items() for i in element_indices(v.shape)}
    note_bad_url_values(defaults, example.value_range, lang)
    st.button(UI["reset"](lang), on_click=reset, args=(defaults,), key="reset", icon=":material/restart_alt:")
    values = {}
    for column, (name, default) in zip(
        st.columns(len(example.inputs), gap="large"), example.inputs.items(), strict=True
    ):
        with column:
            values[name] = slider_matrix(name, name, default, example.value_range, example.step)
    return values


def slider_matrix(name: str, label: str, default: np.ndarray, value_range: tuple, step: float) -> np.ndarray:
    """Sliders arranged as the array is drawn (rows × columns); their values as float32."""
    rows = figures.as_matrix(np.zeros(default.shape)).shape[0]
    indices = element_indices(default.shape)
    per_row = len(indices) // rows
    values = []
    st.markdown(f"**{label}** {tuple(default.shape)}")
    for r in range(rows):
        for column, index in zip(st.columns(per_row), indices[r * per_row : (r + 1) * per_row], strict=True):
            with column:
                values.append(
                    st.slider(
                        index_label(name, index),
                        *value_range,
                        value=float(default[index]),
                        step=step,
                        key=slider_key(name, index),
                        bind="query-params",
                    )
                )
    return np.asarray(values, np.float32).reshape(default.shape)


def reset(defaults: Mapping[str, float]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value


def note_bad_url_values(defaults: Mapping[str, float], value_range: tuple, lang: str) -> None:
    """Streamlit drops a bound URL value it cannot use; say so, in the reader's language."""
    lo, hi = value_range
    for key, default in defaults.items():
        raw = st.query_params.get(key)
        if raw is not None and not _number_in_range(raw, lo, hi):
            shown = raw[:20] + ("…" if len(raw) > 20 else "")
            st.warning(UI["bad_url"](lang, key=key, value=shown, lo=lo, hi=hi, default=default), icon="⚠️")


def _number_in_range(text: str, lo: float, hi: float) -> bool:
    try:
        number = float(text)
    except ValueError:
        return False
    return math.isfinite(number) and lo <= number <= hi


def choose_wrt(example: Example, lang: str) -> str:
    if len(example.wrt) == 1:
        return example.wrt[0]
    return url_choice(st.radio, UI["wrt"](lang), {w: w for w in example.wrt}, "wrt", example.wrt[0], horizontal=True)


def render_output(example: Example, analysis: Analysis, lang: str) -> None:
    st.subheader(UI["output"](lang))
    y = example.output_name
    st.latex(figures.latex_matrix(y, analysis.output))
    st.caption(UI["shape_of"](lang, shape=tuple(analysis.output.shape)))
    if analysis.nonfinite:
        st.warning(UI["nonfinite"](lang))


def render_jacobian(example: Example, analysis: Analysis, lang: str) -> None:
    st.subheader(UI["jacobian"](lang))
    y, x = example.output_name, analysis.wrt
    y_shape, x_shape = analysis.output.shape, analysis.jacobian.shape[analysis.output.ndim :]
    st.markdown(
        UI["jacobian_shape"](
            lang, y=tuple(y_shape), x=tuple(x_shape), j=analysis.jacobian.shape, n=analysis.jacobian.size
        )
    )
    st.markdown(example.insight(lang))
    if st.toggle(UI["flatten"](lang), key="flat", bind="query-params"):
        st.caption(UI["flat_caption"](lang, y=y, x=x))
        show_figure(figures.flat_matrix(analysis.jacobian, y_shape, y, x), "flat_chart")
    else:
        st.caption(UI["slices_caption"](lang, y=y, x=x))
        show_figure(figures.slice_grid(analysis.jacobian, y_shape, y, x), "slices")


def show_figure(figure, key: str) -> None:
    # theme=None: Streamlit's theme restyles a figure in the browser, one more repaint per move.
    st.plotly_chart(figure, width="stretch", key=key, theme=None)


def render_column_sums(example: Example, analysis: Analysis, lang: str) -> None:
    """The flat Jacobian, then its column sums beside tape.gradient (the lesson's core)."""
    y, x = example.output_name, analysis.wrt
    st.subheader(UI["jacobian"](lang))
    st.caption(UI["flat_caption"](lang, y=y, x=x))
    show_figure(figures.flat_matrix(analysis.jacobian, analysis.output.shape, y, x), "flat_chart")
    rows = {LESSON_TEXT["column_sums"](lang): analysis.column_sums, UI["tape_gradient"](lang): analysis.gradient}
    st.dataframe(figures.rows_table(rows, x))
    st.markdown(LESSON_TEXT["why"](lang, x=x, y=y))


def render_gradient(example: Example, values: dict, analysis: Analysis, lang: str) -> Analysis:
    """Slices + … = gradient, with upstream weights; returns the analysis for those weights."""
    y, x = example.output_name, analysis.wrt
    st.subheader(UI["to_gradient"](lang))
    st.markdown(UI["to_gradient_intro"](lang, y=y, x=x))
    with st.expander(UI["upstream"](lang)):
        st.markdown(UI["vjp_note"](lang, y=y, x=x, shape=tuple(analysis.output.shape)))
        upstream = slider_matrix(UPSTREAM, "v", np.ones_like(analysis.output), (-3.0, 3.0), 0.5)
    weighted = analysis if np.all(upstream == 1) else analyze(example.fn, values, x, upstream=upstream)
    figure = figures.sum_equation(
        weighted.jacobian, weighted.upstream, weighted.gradient, y, x, UI["tape_gradient"](lang)
    )
    show_figure(figure, "sum")
    left, right = st.columns(2)
    left.markdown(UI["tape_returns"](lang))
    left.latex(figures.latex_matrix(rf"\nabla_{{{x}}}", weighted.gradient))
    right.markdown(UI["sum_vs_tape"](lang, err=f"{weighted.sum_error:.2g}"))
    return weighted


def render_check(example: Example, values: dict, analysis: Analysis, lang: str) -> None:
    st.subheader(UI["check"](lang))
    closed = example.closed_form({n: v.astype(np.float64) for n, v in values.items()}, analysis.wrt)
    left, right = st.columns(2)
    left.metric(UI["check_closed"](lang), f"{max_abs_difference(analysis.jacobian, closed):.2g}")
    right.metric(UI["check_fd"](lang), f"{analysis.finite_difference_error:.2g}")
    st.caption(UI["check_help"](lang))


def render_code_and_downloads(example: Example, values: dict, analysis: Analysis, lang: str) -> None:
    st.subheader(UI["code"](lang))
    st.code(tensorflow_code(example, values, analysis.wrt, analysis.upstream, lang), language="python")
    st.markdown(f"**{UI['downloads'](lang)}**")
    y, x = example.output_name, analysis.wrt
    jacobian = figures.jacobian_table(analysis.jacobian, analysis.output.shape, y, x)
    gradient = figures.array_table(analysis.gradient, x)
    # Callables: the bytes are made when a reader clicks, not on every slider move.
    files = {
        f"jacobian_{example.slug}_{x}.csv": partial(csv_bytes, jacobian),
        f"jacobian_{example.slug}_{x}.npy": partial(npy_bytes, analysis.jacobian),
        f"gradient_{example.slug}_{x}.csv": partial(csv_bytes, gradient),
        f"gradient_{example.slug}_{x}.npy": partial(npy_bytes, analysis.gradient),
    }
    for column, (name, data) in zip(st.columns(len(files)), files.items(), strict=True):
        column.download_button(name, data, file_name=name, key=f"download.{name}", on_click="ignore")


def csv_bytes(table) -> bytes:
    return table.to_csv().encode()


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def render_self_check(example: Example, analysis: Analysis, lang: str) -> None:
    """Predict, then reveal: the wrong options are the mistakes learners really make."""
    st.subheader(UI["self_check"](lang))
    y, x = example.output_name, analysis.wrt
    ys, xs = tuple(analysis.output.shape), tuple(analysis.gradient.shape)
    shapes = [
        (ys + xs, UI["opt_full"](lang, s=ys + xs)),
        (xs + ys, UI["opt_transposed"](lang, s=xs + ys)),
        (ys, UI["opt_output_shape"](lang, s=ys)),
        (xs, UI["opt_input_shape"](lang, s=xs)),
    ]
    quiz(
        f"quiz.shape.{example.slug}.{x}",
        UI["q_shape"](lang, y=y, x=x),
        shapes,
        UI["why_shape"](lang, y=y, x=x, ys=ys, xs=xs, js=ys + xs),
        lang,
    )
    first = analysis.jacobian[element_indices(ys)[0]]
    results = [
        (_short(analysis.column_sums), UI["opt_sum"](lang, v=_short(analysis.column_sums))),
        (f"J{ys + xs}", UI["opt_jacobian"](lang, s=ys + xs)),
        (_short(analysis.output), UI["opt_output"](lang, v=_short(analysis.output), y=y)),
        (_short(first), UI["opt_one_slice"](lang, v=_short(first))),
    ]
    quiz(
        f"quiz.gradient.{example.slug}.{x}",
        UI["q_gradient"](lang, y=y, x=x),
        results,
        UI["why_gradient"](lang, y=y, x=x),
        lang,
    )


def quiz(key: str, question: str, options: list[tuple[object, str]], why: str, lang: str) -> None:
    """A question (the first option is right) whose answer is marked and explained once picked.

    A wrong option that happens to equal the right one here (a square matrix's transposed
    shape, say) is dropped: it would not be wrong.
    """
    labels: dict[str, bool] = {}
    seen: set = set()
    for n, (value, label) in enumerate(options):
        if value not in seen:
            seen.add(value)
            labels[label] = n == 0
    order = sorted(labels, key=lambda label: zlib.crc32(f"{key}{label}".encode()))  # shuffled, but stable
    picked = st.radio(question, order, index=None, key=key)
    if picked is None:
        return
    if labels[picked]:
        st.success(f"{UI['right'](lang)} {why}")
    else:
        st.error(f"{UI['wrong'](lang)} {why}")


def _short(array: np.ndarray) -> str:
    return np.array2string(np.asarray(array), precision=3, separator=", ", suppress_small=True)
