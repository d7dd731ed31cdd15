"""The Streamlit interface: pages call `render_*` here; the only module that imports streamlit.

A page is a list of sections, each a small `render_*` function, in teaching order: question,
inputs, output, Jacobian, from Jacobian to gradient, check, code and downloads, self-check.
"""

import contextlib
import gc
import io
import math
import zlib
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx


def use_router() -> None:
    """Make the router in streamlit_app.py run, even on a deep link that is a server's first visit.

    Streamlit treats a `pages/` folder as the old multipage API (each file run on its own, its
    name listed in the sidebar) until some script calls st.navigation. Call it with the old API's
    pages, hidden, so that the file names leave the sidebar and the URL stays; then rerun: the
    router runs.
    """
    if PagesManager.uses_pages_directory:
        main = Path(get_script_run_ctx().main_script_path)
        pages = [st.Page(path, url_path=path.stem) for path in sorted(main.parent.glob("pages/*.py"))]
        st.navigation([st.Page(main, default=True), *pages], position="hidden")
        st.rerun()


PLOTLY_JS = "plotly-cartesian.min.js"  # in static/: plotly.js's partial bundle with heatmaps


def plotly_url() -> str:
    """Where Streamlit's static file serving puts static/plotly-cartesian.min.js.

    The partial bundle (1.5 MB, from npm's plotly.js-cartesian-dist-min, the plotly.js version
    that the plotly package is built for) starts in ~0.8 s here; the full plotly.js in ~2 s.
    """
    base = st.get_option("server.baseUrlPath").strip("/")
    return f"/{base}/app/static/{PLOTLY_JS}" if base else f"/app/static/{PLOTLY_JS}"


panel_component = st.components.v2.component(
    "jacobian_explorer.panel", js=(Path(__file__).with_name("panel.js")).read_text(), isolate_styles=False
)

# A server's first run imports TensorFlow with the modules below: seconds. On a deep link that
# first run is the page's own file (see use_router), which would leave the page blank meanwhile:
# go to the router, whose spinner says that TensorFlow is loading. And let the browser start
# Plotly.js in the meantime (~0.8 s): the panel component loads it when given no blocks.
use_router()
if get_script_run_ctx(suppress_warning=True) is not None and st.get_option("server.enableStaticServing"):
    with st.sidebar:
        panel_component(data={"plotly": plotly_url()}, key="plotly.preload")

from jaccore import figures  # noqa: E402  (the imports below load TensorFlow)
from jaccore.catalog import (  # noqa: E402
    BATCH_EXAMPLES,
    BEYOND,
    CHAIN_EXAMPLES,
    CHAINS,
    EXAMPLES,
    LESSONS,
    NAVIGATION,
    Example,
    chain_slug,
    page_title,
    tensorflow_code,
)
from jaccore.engine import (  # noqa: E402
    Analysis,
    InputError,
    JacobianSizeError,
    analyze,
    batch_jacobian,
    chain_multiply_adds,
    compose_jacobians,
    max_abs_difference,
    reverse_mode,
)
from jaccore.expression import FUNCTIONS, ExpressionError, parse_expression  # noqa: E402
from jaccore.figures import code_html, element_indices, html_matrix, index_label, prose_html  # noqa: E402
from jaccore.translations import (  # noqa: E402
    BATCH,
    CHAIN,
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    PLAYGROUND,
    UI,
    language_from,
)
from jaccore.translations import LESSON as LESSON_TEXT  # noqa: E402

LANG_KEY = "lang"
UPSTREAM = "@v"  # key prefix of the upstream sliders: '@' cannot start an input's name
MAX_SLIDERS = 12  # per input; a larger input is shown, its values drawn at random

# With TensorFlow's millions of long-lived objects loaded, a full garbage collection costs
# 170–250 ms: Python's own collector runs one now and then, and Streamlit after every rerun unless
# runner.postScriptGC is off (.streamlit/config.toml). Freeze what exists now (imports) out of reach.
# No gc.collect() first: here, on a server's first run, it found nothing to free (0 unreachable
# objects) and cost 0.27 s of the wait for the first page.
gc.freeze()


# Language ----------------------------------------------------------------------------------


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

    def page(slug: str) -> st.Page:
        return st.Page(f"pages/{slug}.py", title=page_title(slug)(lang), url_path=slug)

    home = st.Page("pages/home.py", title=UI["home"](lang), icon=":material/home:", default=True)
    return {
        UI["app_title"](lang): [home],
        UI["section_examples"](lang): [page(slug) for slug in NAVIGATION],
        UI["section_beyond"](lang): [page(slug) for slug in BEYOND],
    }


# The live panel ----------------------------------------------------------------------------


class Panel:
    """What a fragment shows below its sliders, collected as blocks and sent as one element.

    Each element a fragment draws costs the browser time on every slider move, changed or not
    (~1 ms an HTML element here, a chart more): the panel component (panel.js) draws the text
    and the charts of all the sections, and on a move rewrites only the blocks that changed.
    """

    def __init__(self) -> None:
        self.blocks: list[dict] = []

    def html(self, markup: str) -> None:
        self.blocks.append({"html": markup})

    def figure(self, figure: dict, name: str) -> None:
        """A chart, restyled in place on a slider move; `name` tells it apart from the others."""
        label = UI["heatmap"](language(), panels=", ".join(figures.panel_titles(figure)[:6]))
        self.blocks.append({"figure": figure, "name": name, "label": label})

    def show(self) -> None:
        if st.get_option("server.enableStaticServing"):
            # As one string: Streamlit looks for dataframes in a component's data, and a list there
            # makes it import pandas and pyarrow on a server's first page (~0.5 s).
            panel_component(data={"blocks": figures.plotly_json(self.blocks), "plotly": plotly_url()}, key="panel")
            return
        # Run without the project's .streamlit/config.toml, nothing serves Plotly.js to the component.
        for block in self.blocks:
            if "figure" in block:
                st.plotly_chart(block["figure"], width="content", key=block["name"], theme=None, alt=block["label"])
            else:
                st.html(block["html"])


# Pages -------------------------------------------------------------------------------------


def start_page() -> str:
    """Every page's first step: the router (see use_router) and prose_html's stylesheet; returns
    the reader's language."""
    use_router()
    st.html(figures.PROSE_CSS)
    return language()


def render_home() -> None:
    lang = start_page()
    st.title(UI["app_title"](lang))
    st.markdown(UI["home_intro"](lang))
    st.markdown(UI["home_start"](lang, first=page_title(NAVIGATION[0])(lang)))
    for n, slug in enumerate(NAVIGATION, start=1):
        st.page_link(f"pages/{slug}.py", label=f"{n}. {page_title(slug)(lang)}")
    st.markdown(f"**{UI['section_beyond'](lang)}**")
    for slug in BEYOND:
        st.page_link(f"pages/{slug}.py", label=page_title(slug)(lang))
    st.info(UI["home_layout"](lang))
    with st.expander(UI["glossary"](lang)):
        st.markdown(UI["glossary_rows"](lang))


def render_example(slug: str) -> None:
    """A worked example of the catalog, every section in teaching order."""
    lang = start_page()
    example = EXAMPLES[slug]
    render_question(example, lang)
    render_explorer(example, lang)


def render_explorer(example: Example, lang: str) -> None:
    """The choice of x, the live sections the sliders feed, the downloads, then the self-check.

    What does not follow the sliders stays outside the fragment, the view switches too: each
    element a fragment draws costs the browser time on every slider move, changed or not.
    """
    wrt = choose_wrt(example, lang)
    render_inputs_header(example, lang)
    views = choose_views(lang, "flat", "weights")
    shown: dict[str, object] = {}  # what the fragment last drew: the analysis, the code
    explore_example(example, wrt, views, shown, lang)
    render_downloads(example, wrt, shown, lang)
    render_self_check(example, shown, lang)


@st.fragment
def explore_example(example: Example, wrt: str, views: dict, shown: dict, lang: str) -> None:
    """Everything the sliders feed; a slider move reruns this fragment, not the whole page.

    `shown` receives the analysis on screen: a fragment rerun is called with the same arguments
    as the page's last run, so the sections below the fragment read what the sliders last made.
    """
    values = render_sliders(example, lang)
    analysis = analyze_or_explain(example, values, wrt, lang)
    if analysis is None:
        return
    upstream = render_upstream(analysis) if views["weights"] else None
    panel = Panel()
    render_output(panel, example, analysis, lang)
    render_jacobian(panel, example, analysis, views["flat"], lang)
    shown["analysis"] = render_gradient(panel, example, values, analysis, upstream, lang)
    render_check(panel, example, values, shown["analysis"], lang)
    shown["code"] = render_code(panel, example, values, shown["analysis"], lang)
    panel.show()


def render_lesson(slug: str) -> None:
    """Ví dụ 3 of the notebook: the flat Jacobian's column sums are the gradient, for any example."""
    lang = start_page()
    st.title(LESSONS[slug](lang))
    st.markdown(LESSON_TEXT["intro"](lang))
    titles = {slug: example.title(lang) for slug, example in EXAMPLES.items()}
    chosen = url_choice(st.selectbox, LESSON_TEXT["pick"](lang), titles, "example", "scale")
    example = EXAMPLES[chosen]
    st.latex(example.formula)
    wrt = choose_wrt(example, lang)
    render_inputs_header(example, lang)
    views = choose_views(lang, "weights")
    shown: dict[str, Analysis] = {}
    explore_lesson(example, wrt, views, shown, lang)
    render_self_check(example, shown, lang)


@st.fragment
def explore_lesson(example: Example, wrt: str, views: dict, shown: dict, lang: str) -> None:
    values = render_sliders(example, lang)
    analysis = analyze(example.fn, values, wrt)
    upstream = render_upstream(analysis) if views["weights"] else None
    panel = Panel()
    render_column_sums(panel, example, analysis, lang)
    shown["analysis"] = render_gradient(panel, example, values, analysis, upstream, lang)
    panel.show()


PLAYGROUND_DEFAULT = "tanh(W @ x + b)"
PLAYGROUND_SHAPES = {"W": "2,3", "x": "3,1", "b": "2,1"}
MAX_AXES, MAX_LENGTH, MAX_ELEMENTS = 3, 8, 64  # per input of the playground


def render_playground(slug: str) -> None:
    """A formula typed by the reader, parsed safely, with every view of an example page."""
    lang = start_page()
    st.title(LESSONS[slug](lang))
    st.markdown(PLAYGROUND["intro"](lang, functions=", ".join(FUNCTIONS)))
    text = st.text_input(PLAYGROUND["expression"](lang), PLAYGROUND_DEFAULT, key="expr", bind="query-params")
    try:
        expression = parse_expression(text)
    except ExpressionError as error:
        st.error(error.message(lang), icon="✋")
        return
    inputs = playground_inputs(expression.names, lang)
    if inputs is not None:
        render_explorer(playground_example(expression, inputs), lang)


def playground_inputs(names: tuple[str, ...], lang: str) -> dict[str, np.ndarray] | None:
    """A shape box per input and a seed; values drawn from the seed (sliders refine them)."""
    columns = st.columns(len(names) + 1)
    shapes = {}
    for column, name in zip(columns, names, strict=False):
        text = column.text_input(
            PLAYGROUND["shape"](lang, name=name),
            PLAYGROUND_SHAPES.get(name, "2,1"),
            key=f"shape.{name}",
            help=PLAYGROUND["shape_help"](lang),
            bind="query-params",
        )
        shapes[name] = parse_shape(text)
        if shapes[name] is None:
            blanks = dict(name=name, text=text[:20], axes=MAX_AXES, most=MAX_LENGTH, elements=MAX_ELEMENTS)
            st.error(PLAYGROUND["bad_shape"](lang, **blanks), icon="✋")
            return None
    # No explicit value: the seed starts at min_value, and "Random fill" may then set it.
    columns[-1].number_input(PLAYGROUND["seed"](lang), 0, 10_000, key="seed", bind="query-params")
    columns[-1].button(
        PLAYGROUND["random"](lang), on_click=reseed, args=(names,), key="random", icon=":material/casino:"
    )
    rng = np.random.default_rng(seed())
    return {name: np.round(rng.uniform(-2, 2, size=shape), 1).astype(np.float32) for name, shape in shapes.items()}


def parse_shape(text: str) -> tuple[int, ...] | None:
    """'3,2' → (3, 2), '' → (); None when it is not a small shape."""
    parts = [part.strip() for part in text.replace("(", "").replace(")", "").split(",") if part.strip()]
    if len(parts) > MAX_AXES or not all(part.isdigit() and len(part) <= 2 for part in parts):
        return None
    shape = tuple(int(part) for part in parts)
    if not all(1 <= n <= MAX_LENGTH for n in shape) or int(np.prod(shape)) > MAX_ELEMENTS:
        return None
    return shape


def seed() -> int:
    return int(st.session_state.get("seed", 0))


def reseed(names: tuple[str, ...]) -> None:
    """New random values: a new seed, and sliders forget theirs so they take the new defaults."""
    st.session_state["seed"] = (seed() + 1) % 10_000
    for key in [k for k in st.session_state if isinstance(k, str) and k.split(".")[0] in names]:
        if not key.startswith("shape."):
            del st.session_state[key]


def playground_example(expression, inputs: dict[str, np.ndarray]) -> Example:
    """The typed formula as an example of the catalog's kind, so that every section can show it."""
    return Example(
        slug="playground",
        output_name="y",
        fn=expression,
        inputs=inputs,
        wrt=expression.names,
        formula=r"y = \texttt{" + expression.text.replace("_", r"\_") + "}",  # parsed text: no braces, no backslashes
        code=expression.code,
        title=LESSONS["playground"],
        question=PLAYGROUND["question"],
        insight=PLAYGROUND["insight"],
        value_range=(-5.0, 5.0),
        step=0.1,
    )


def render_batch(slug: str) -> None:
    """The full Jacobian of a batch against tape.batch_jacobian, with and without coupling."""
    lang = start_page()
    st.title(LESSONS[slug](lang))
    st.markdown(BATCH["intro"](lang))
    coupled = st.toggle(BATCH["couple"](lang), key="coupled", bind="query-params")
    example = BATCH_EXAMPLES["coupled" if coupled else "independent"]
    st.latex(example.formula)
    st.markdown(f"**{example.question(lang)}** {example.insight(lang)}")
    render_inputs_header(example, lang)
    explore_batch(example, lang)
    render_jacobian_sizes(lang)


@st.fragment
def explore_batch(example: Example, lang: str) -> None:
    values = render_sliders(example, lang)
    full = analyze(example.fn, values, "x")
    diagonal = batch_jacobian(example.fn, values, "x")
    shape = UI["jacobian_shape"](lang, y=full.output.shape, x=values["x"].shape, j=full.jacobian.shape,
                                 n=full.jacobian.size)  # fmt: skip
    panel = Panel()
    panel.html(prose_html(f"### {BATCH['full'](lang)}") + prose_html(shape, caption=True))
    panel.figure(figures.block_grid(full.jacobian, "y", "x"), "blocks")
    panel.html(prose_html(f"### {BATCH['diagonal'](lang)}"))
    panel.figure(figures.slice_grid(diagonal, (diagonal.shape[0],), "y", "x"), "diagonal")
    dropped = full.jacobian.copy()  # the off-diagonal blocks: what independence assumes away
    for b in range(dropped.shape[0]):
        dropped[b, :, b, :] = 0
    share = np.linalg.norm(dropped) / max(np.linalg.norm(full.jacobian), 1e-30)
    gap = max_abs_difference(diagonal, np.einsum("bibk->bik", full.jacobian))
    # A list, not three metrics in columns: each element costs the browser time on every move.
    facts = [(BATCH["lost"](lang), f"{share:.0%}"), (BATCH["lost_max"](lang), f"{np.abs(dropped).max():.3g}"),
             (BATCH["gradient_gap"](lang), f"{gap:.3g}")]  # fmt: skip
    listed = "\n".join(f"- {label}: **{value}**" for label, value in facts)
    panel.html(prose_html(listed) + prose_html(BATCH["gap_help"](lang), caption=True))
    panel.show()


def render_jacobian_sizes(lang: str) -> None:
    st.subheader(BATCH["sizes"](lang))
    columns = st.columns(3)
    batch = columns[0].number_input(BATCH["batch"](lang), 1, 100_000, 128, key="size.N")
    n_in = columns[1].number_input("n_in", 1, 1_000_000, 1024, key="size.in")
    n_out = columns[2].number_input("n_out", 1, 1_000_000, 2048, key="size.out")
    full, gradient = batch * n_out * batch * n_in, batch * n_in
    st.markdown(BATCH["size_table"](lang, full=full, full_bytes=human_bytes(4 * full), grad=gradient,
                                    grad_bytes=human_bytes(4 * gradient)))  # fmt: skip
    st.markdown(BATCH["why_vjp"](lang))


def human_bytes(n: int) -> str:
    """4294967296 → '4.0 GiB'."""
    if n < 1024:
        return f"{n} B"
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        n /= 1024
        if n < 1024 or unit == "TiB":
            return f"{n:,.1f} {unit}"
    raise AssertionError("unreachable")


def render_chain(slug: str) -> None:
    """y = g(f(x)): the Jacobians multiply; reverse mode multiplies from the left and never forms J."""
    lang = start_page()
    st.title(LESSONS[slug](lang))
    st.markdown(CHAIN["intro"](lang))
    pairs = {chain_slug(inner, outer): (inner, outer, via) for inner, outer, via in CHAINS}
    titles = {key: CHAIN_EXAMPLES[key].title(lang) for key in pairs}
    chosen = url_choice(st.selectbox, CHAIN["pick"](lang), titles, "chain", next(iter(pairs)))
    inner_slug, outer_slug, via = pairs[chosen]
    left, right = st.columns(2)
    left.markdown(f"**{CHAIN['inner'](lang)}**")
    left.latex(EXAMPLES[inner_slug].formula)
    right.markdown(f"**{CHAIN['outer'](lang, via=via)}**")
    right.latex(EXAMPLES[outer_slug].formula)
    wrt = choose_wrt(CHAIN_EXAMPLES[chosen], lang)
    render_inputs_header(CHAIN_EXAMPLES[chosen], lang)
    shown: dict[str, dict] = {}
    explore_chain(chosen, inner_slug, outer_slug, via, wrt, shown, lang)
    if "costs" in shown:  # shapes only: outside the fragment, not redrawn on every move
        st.markdown(CHAIN["cost"](lang, **shown["costs"]))


@st.fragment
def explore_chain(chosen: str, inner_slug: str, outer_slug: str, via: str, wrt: str, shown: dict, lang: str) -> None:
    inner, outer, chain = EXAMPLES[inner_slug], EXAMPLES[outer_slug], CHAIN_EXAMPLES[chosen]
    values = render_sliders(chain, lang)
    f = analyze(inner.fn, {name: values[name] for name in inner.inputs}, wrt)
    outer_values = {**{name: values[name] for name in outer.inputs if name != via}, via: f.output}
    g = analyze(outer.fn, outer_values, via)
    whole = analyze(chain.fn, values, wrt)
    composed = compose_jacobians(g.jacobian, f.jacobian, f.output.ndim)
    panel = Panel()
    for label, jacobian, y_shape, y_name, x_name, key in (
        (CHAIN["j_f"](lang, x=wrt, s=f.jacobian.shape), f.jacobian, f.output.shape, "f", wrt, "j_f"),
        (CHAIN["j_g"](lang, s=g.jacobian.shape), g.jacobian, g.output.shape, "y", "f", "j_g"),
        (CHAIN["j"](lang, x=wrt, s=composed.shape), composed, whole.output.shape, "y", wrt, "j"),
    ):
        panel.html(prose_html(f"**{label}**"))
        panel.figure(figures.slice_grid(jacobian, y_shape, y_name, x_name), key)
    reverse = reverse_mode(np.ones_like(g.output), g.jacobian, f.jacobian)
    agree = CHAIN["agree"](lang, err=f"{max_abs_difference(composed, whole.jacobian):.2g}")
    reverse_agrees = CHAIN["reverse"](lang, err=f"{max_abs_difference(reverse, whole.gradient):.2g}")
    panel.html(prose_html(f"{agree}\n\n{reverse_agrees}") + html_matrix("∇", whole.gradient, subscript=wrt))
    panel.show()
    shown["costs"] = chain_multiply_adds(whole.output.size, f.output.size, values[wrt].size)


# Sections ----------------------------------------------------------------------------------


def render_question(example: Example, lang: str) -> None:
    st.title(example.title(lang))
    st.latex(example.formula)
    st.markdown(f"**{example.question(lang)}**")


def slider_key(name: str, index: tuple[int, ...]) -> str:
    """The slider's key and URL parameter: 'A.0.1' for A[0,1], 'a' for a scalar."""
    return ".".join([name, *map(str, index)])


def render_inputs_header(example: Example, lang: str) -> None:
    """The inputs' heading, notes on URL values that could not be used, and the reset button."""
    st.subheader(UI["inputs"](lang))
    st.caption(UI["inputs_hint"](lang))
    defaults = {slider_key(n, i): float(v[i]) for n, v in example.inputs.items() for i in element_indices(v.shape)}
    note_bad_url_values(defaults, example.value_range, lang)
    st.button(UI["reset"](lang), on_click=reset, args=(defaults,), key="reset", icon=":material/restart_alt:")


def render_sliders(example: Example, lang: str) -> dict[str, np.ndarray]:
    """A slider per element of every input, laid out in the input's shape; returns the values."""
    values = {}
    # Columns side by side for several inputs; none for one (each container is sent on every move).
    several = len(example.inputs) > 1
    columns = st.columns(len(example.inputs), gap="large") if several else [contextlib.nullcontext()]
    for column, (name, default) in zip(columns, example.inputs.items(), strict=True):
        with column:
            if default.size > MAX_SLIDERS:
                note = PLAYGROUND["too_many_sliders"](lang, name=name, n=default.size, seed=seed())
                heading = prose_html(f"**{name}** {tuple(default.shape)}")
                st.html(heading + html_matrix(name, default) + prose_html(note, caption=True))
                values[name] = default
            else:
                values[name] = slider_matrix(name, name, default, example.value_range, example.step)
    return values


def slider_matrix(name: str, label: str, default: np.ndarray, value_range: tuple, step: float) -> np.ndarray:
    """Sliders arranged as the array is drawn (rows × columns); their values as float32."""
    rows = figures.as_matrix(np.zeros(default.shape)).shape[0]
    indices = element_indices(default.shape)
    per_row = len(indices) // rows
    values = []
    st.html(prose_html(f"**{label}** {tuple(default.shape)}"))
    for r in range(rows):
        # A horizontal container per row of several, not st.columns (and none for a column
        # vector): every container is one more element to send and lay out on each slider move.
        # Not wrapped: a row of the matrix stays a row, its sliders narrower in a narrow column.
        row = st.container(horizontal=True, wrap=False, gap="medium") if per_row > 1 else contextlib.nullcontext()
        with row:
            for index in indices[r * per_row : (r + 1) * per_row]:
                values.append(
                    st.slider(
                        index_label(label, index),
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


VIEWS = {"flat": UI["flatten"], "weights": UI["upstream"]}


def choose_views(lang: str, *keys: str) -> dict[str, bool]:
    """The view switches (flat Jacobian, upstream weights) in a row above the sliders.

    Outside the fragment: a slider move does not redraw them; flipping one reruns the page.
    """
    with st.container(horizontal=True, gap="large"):
        return {key: st.toggle(VIEWS[key](lang), key=key, bind="query-params") for key in keys}


def choose_wrt(example: Example, lang: str) -> str:
    if len(example.wrt) == 1:
        return example.wrt[0]
    options = {w: w for w in example.wrt}
    return url_choice(
        st.radio, UI["wrt"](lang), options, "wrt", example.wrt[0], horizontal=True, help=UI["wrt_help"](lang)
    )


def analyze_or_explain(example: Example, values: dict, wrt: str, lang: str) -> Analysis | None:
    """The analysis, or None after saying in the reader's language why it cannot be made."""
    try:
        return analyze(example.fn, values, wrt)
    except ExpressionError as error:
        st.error(error.message(lang), icon="✋")
    except JacobianSizeError as error:
        st.error(PLAYGROUND["too_large"](lang, size=error.size, limit=error.limit), icon="✋")
    except InputError as error:
        st.error(UI["bad_input"](lang, reason=error), icon="✋")
    return None


def render_upstream(analysis: Analysis) -> np.ndarray:
    """The upstream weights v, one slider per output element, below the inputs' sliders."""
    return slider_matrix(UPSTREAM, "v", np.ones_like(analysis.output), (-3.0, 3.0), 0.5)


def render_output(panel: Panel, example: Example, analysis: Analysis, lang: str) -> None:
    shape = UI["shape_of"](lang, shape=tuple(analysis.output.shape))
    heading = prose_html(f"### {UI['output'](lang)}")
    panel.html(heading + html_matrix(example.output_name, analysis.output) + prose_html(shape, caption=True))
    if analysis.nonfinite:
        st.warning(UI["nonfinite"](lang))  # rare: its own element, above the panel


def render_jacobian(panel: Panel, example: Example, analysis: Analysis, flat: bool, lang: str) -> None:
    y, x = example.output_name, analysis.wrt
    y_shape, x_shape = analysis.output.shape, analysis.jacobian.shape[analysis.output.ndim :]
    shape = UI["jacobian_shape"](
        lang, y=tuple(y_shape), x=tuple(x_shape), j=analysis.jacobian.shape, n=analysis.jacobian.size
    )
    text = prose_html(f"### {UI['jacobian'](lang)}\n\n{shape}\n\n{example.insight(lang)}")
    if flat:
        panel.html(text + prose_html(UI["flat_caption"](lang, y=y, x=x), caption=True))
        panel.figure(figures.flat_matrix(analysis.jacobian, y_shape, y, x), "flat_chart")
    else:
        panel.html(text + prose_html(UI["slices_caption"](lang, y=y, x=x), caption=True))
        panel.figure(figures.slice_grid(analysis.jacobian, y_shape, y, x), "slices")


def render_column_sums(panel: Panel, example: Example, analysis: Analysis, lang: str) -> None:
    """The flat Jacobian, then its column sums beside tape.gradient (the lesson's core)."""
    y, x = example.output_name, analysis.wrt
    panel.html(prose_html(f"### {UI['jacobian'](lang)}") + prose_html(UI["flat_caption"](lang, y=y, x=x), caption=True))
    panel.figure(figures.flat_matrix(analysis.jacobian, analysis.output.shape, y, x), "flat_chart")
    rows = {LESSON_TEXT["column_sums"](lang): analysis.column_sums, UI["tape_gradient"](lang): analysis.gradient}
    panel.html(figures.html_rows(rows, x) + prose_html(LESSON_TEXT["why"](lang, x=x, y=y)))


def render_gradient(
    panel: Panel, example: Example, values: dict, analysis: Analysis, upstream: np.ndarray | None, lang: str
) -> Analysis:
    """Slices + … = gradient, weighted by the upstream v if set; returns the analysis for those weights."""
    y, x = example.output_name, analysis.wrt
    text = f"### {UI['to_gradient'](lang)}\n\n{UI['to_gradient_intro'](lang, y=y, x=x)}"
    if upstream is not None:
        text += "\n\n" + UI["vjp_note"](lang, y=y, x=x, shape=tuple(analysis.output.shape))
    panel.html(prose_html(text))
    plain = upstream is None or np.all(upstream == 1)
    weighted = analysis if plain else analyze(example.fn, values, x, upstream=upstream)
    figure = figures.sum_equation(
        weighted.jacobian, weighted.upstream, weighted.gradient, y, x, UI["tape_gradient"](lang)
    )
    panel.figure(figure, "sum")
    returned = prose_html(UI["tape_returns"](lang)) + html_matrix("∇", weighted.gradient, subscript=x)
    agrees = prose_html(UI["sum_vs_tape"](lang, err=f"{weighted.sum_error:.2g}"))
    panel.html(f'<div class="jx-row"><div>{returned}</div>{agrees}</div>')
    return weighted


def render_check(panel: Panel, example: Example, values: dict, analysis: Analysis, lang: str) -> None:
    """The largest differences from the closed form and from finite differences, as a list."""
    fd = f"- {UI['check_fd'](lang)}: **{analysis.finite_difference_error:.2g}**"
    if example.closed_form is None:
        closed = f"- {PLAYGROUND['no_closed_form'](lang)}"
    else:
        exact = example.closed_form({n: v.astype(np.float64) for n, v in values.items()}, analysis.wrt)
        closed = f"- {UI['check_closed'](lang)}: **{max_abs_difference(analysis.jacobian, exact):.2g}**"
    panel.html(prose_html(f"### {UI['check'](lang)}\n\n{closed}\n{fd}\n\n{UI['check_help'](lang)}"))


def render_code(panel: Panel, example: Example, values: dict, analysis: Analysis, lang: str) -> str:
    """The TensorFlow script that prints what the page shows; returned for its download."""
    code = tensorflow_code(example, values, analysis.wrt, analysis.upstream, lang)
    panel.html(prose_html(f"### {UI['code'](lang)}") + code_html(code))
    return code


def render_downloads(example: Example, wrt: str, shown: Mapping[str, object], lang: str) -> None:
    """The Jacobian and the gradient on screen as CSV and .npy, and the script, made when a reader clicks.

    Below the fragment, so the buttons are not redrawn on every slider move; each file is made
    from `shown`, which the fragment keeps up to date, at the moment of the click.
    """
    if "analysis" not in shown:
        return  # the live section has said why there is nothing to show
    y = example.output_name
    files = {
        "jacobian_{}_{}.csv": lambda a: csv_bytes(figures.jacobian_table(a.jacobian, a.output.shape, y, a.wrt)),
        "jacobian_{}_{}.npy": lambda a: npy_bytes(a.jacobian),
        "gradient_{}_{}.csv": lambda a: csv_bytes(figures.array_table(a.gradient, a.wrt)),
        "gradient_{}_{}.npy": lambda a: npy_bytes(a.gradient),
    }
    if "code" in shown:  # the script on screen, as a file: the code block has no copy button
        files["tensorflow_{}_{}.py"] = lambda _: shown["code"].encode()
    st.markdown(f"**{UI['downloads'](lang)}**")
    with st.container(horizontal=True):
        for pattern, write in files.items():
            name = pattern.format(example.slug, wrt)
            at_click = lambda write=write: write(shown["analysis"])  # noqa: E731
            st.download_button(name, at_click, file_name=name, key=f"download.{name}", on_click="ignore")


def csv_bytes(table) -> bytes:
    return table.to_csv().encode()


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def render_self_check(example: Example, shown: Mapping[str, object], lang: str) -> None:
    """Predict, then reveal: the wrong options are the mistakes learners really make.

    The questions are about shapes and meanings, not values: they hold for any slider position,
    so they stay outside the fragment that a slider move reruns (shapes from its `shown`).
    """
    if "analysis" not in shown:
        return  # the live section has said why there is nothing to ask about
    analysis = shown["analysis"]
    y, x = example.output_name, analysis.wrt
    ys, xs = tuple(analysis.output.shape), tuple(analysis.gradient.shape)
    st.subheader(UI["self_check"](lang))
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
    # An option that means the gradient here is not wrong: with one output element, the whole
    # Jacobian and its only slice are the gradient.
    single = int(np.prod(ys)) == 1
    results = [
        ("gradient", UI["opt_sum"](lang, x=x, xs=xs, y=y)),
        ("gradient" if single else "jacobian", UI["opt_jacobian"](lang, s=ys + xs)),
        ("output", UI["opt_output"](lang, y=y, s=ys)),
        ("gradient" if single else "slice", UI["opt_one_slice"](lang, first=index_label(y, (0,) * len(ys)), x=x)),
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
