"""Now you build `tape.gradient`: a box per element of ∇x, laid out as x is (as its sliders are), each
graded on its own at the values on screen, a wrong number told which mistake it is (jaccore/assembly.py),
hints that reveal one slice's term at a time, and the learner's grid drawn as the result of the sum.

While the page asks (predictions on, the gradient not built on this page before, "Show me" not
pressed), the sum, what `tape.gradient` returns and the script stay hidden: the learner assembles the
answer before seeing it. With predictions off (a teacher's ?predict=off, "Just show me") everything
shows at once and the boxes are a self-check. The boxes live in the URL (?build.A.0.1=6): a link
carries an attempt, and what it carries is text like any other a learner types.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import streamlit as st

from jaccore import assembly
from jaccore.assembly import Mark, Sum
from jaccore.engine import analyze
from jaccore.markup import literal, prose_html
from jaccore.notation import array_text, as_matrix, element_indices, index_label
from jaccore.questions import parse_number
from jaccore.translations import SENTENCES
from jaccore.ui.memory import BUILT, earn, progress
from jaccore.ui.panel import Panel
from jaccore.ui.predict import predictions_off
from jaccore.ui.sections import View
from jaccore.ui.state import language, say
from jaccore.ui.widgets import slider_key, text_input

PREFIX = "build"  # the boxes' keys and URL parameters: build.A.0.1 is the box of ∇A[0,1]


def box_key(x: str, index: tuple[int, ...]) -> str:
    return f"{PREFIX}.{slider_key(x, index)}"


def shown_key(slug: str) -> str:
    return f"{PREFIX}.shown.{slug}"  # session state: "Show me" was pressed on the page


def hints_key(slug: str, x: str) -> str:
    return f"{PREFIX}.hints.{slug}.{x}"  # session state: presses of "Hint" per box (its flat index)


@dataclass(frozen=True)
class Attempt:
    """The learner's boxes for one page and x, graded at the values on screen."""

    slug: str  # the page whose progress a complete build earns
    total: Sum
    marks: tuple[Mark, ...]
    hints: Mapping[int, int]
    revealed: bool  # the sum, the tape's answer and the script are on screen

    @property
    def right(self) -> int:
        return sum(mark.right for mark in self.marks)

    @property
    def built(self) -> bool:
        return self.right == len(self.marks)

    @property
    def typed(self) -> np.ndarray:
        """The numbers typed, shaped like x: NaN where a box is empty or holds no number."""
        values = [np.nan if mark.value is None else mark.value for mark in self.marks]
        return np.asarray(values, np.float64).reshape(self.total.value.shape)

    @property
    def wrong(self) -> np.ndarray:
        """The boxes that hold a number (or text) that is not right, shaped like x."""
        return np.asarray([not mark.right and not mark.blank for mark in self.marks]).reshape(self.total.value.shape)


def asking(slug: str) -> bool:
    """Whether the page waits for the learner to build its gradient before showing it."""
    return not predictions_off() and slug not in progress(BUILT) and not st.session_state.get(shown_key(slug))


def attempt(view: View, slug: str, earlier: Mapping[str, Mapping[str, np.ndarray]]) -> Attempt:
    """The boxes as the learner left them (this run's widget values, or the link's before they are
    drawn), graded at the view's values; `earlier`: the inputs at the starting values and before the
    last slider move, for a number that was right then. A complete build is earned here, in this run."""
    example, analysis, x = view.example, view.analysis, view.x
    others = {
        name: analyze(example.fn, view.values, name, upstream=analysis.upstream).gradient
        for name in example.wrt
        if name != x
    }
    v = analysis.upstream
    before = {when: analyze(example.fn, values, x, upstream=v).gradient for when, values in earlier.items()}
    total = Sum(example.output_name, x, analysis.jacobian, analysis.upstream, analysis.output, view.values[x],
                others, before)  # fmt: skip
    indices = element_indices(view.values[x].shape)
    texts = [box_text(box_key(x, index)) for index in indices]
    marks = tuple(assembly.mark(total, k, text, parse_number(text)) for k, text in enumerate(texts))
    done = all(mark.right for mark in marks)
    if done:
        earn(BUILT, slug)
    hints = st.session_state.get(hints_key(slug, x), {})
    return Attempt(slug, total, marks, hints, done or not asking(slug))


def box_text(key: str) -> str:
    """What a box holds: its widget's value, or, before the box is first drawn, what the link gives it."""
    if key in st.session_state:
        return str(st.session_state[key] or "")
    return st.query_params.get(key, "")


def render_heading(panel: Panel, built: Attempt) -> None:
    """The heading and what to do, at the end of the panel above the boxes (one element fewer to send
    on every slider move than an st.html of their own)."""
    total = built.total
    intro = say("build.intro", x=total.x, y=total.y, **total.generic)
    panel.html(prose_html(f"## {say('build.title')}\n\n{intro}"))


def render_boxes(built: Attempt) -> None:
    """The boxes laid out as x (a row of boxes per row of x), then Hint and Show me."""
    total = built.total
    indices = element_indices(total.value.shape)
    rows = as_matrix(np.zeros(total.value.shape)).shape[0]
    per_row = len(indices) // rows
    for r in range(rows):
        with st.container(horizontal=True, wrap=True, gap="small", key=f"jx-build-{total.x}-{r}"):
            for index in indices[r * per_row : (r + 1) * per_row]:
                label = index_label(f"∇{total.x}", index)
                text_input(label, "", box_key(total.x, index), placeholder="?", autocomplete="off")
    with st.container(horizontal=True, gap="small"):
        needing = next_hint(built)
        st.button(say("build.hint"), key=f"{PREFIX}.hint", on_click=more_hint, icon=":material/lightbulb:",
                  args=(hints_key(built.slug, total.x), needing), disabled=needing is None,
                  help=say("build.hint_help" if needing is not None else "build.no_more_hints"))  # fmt: skip
        if not built.revealed:
            st.button(say("build.show"), key=f"{PREFIX}.show", on_click=show, args=(built.slug,),
                      icon=":material/visibility:", help=say("build.show_help"))  # fmt: skip


def next_hint(built: Attempt) -> int | None:
    """The box the next hint is for: the first that is not right and can take one more (None: none)."""
    for k, mark in enumerate(built.marks):
        if not mark.right and built.hints.get(k, 0) < assembly.most_hints(built.total, k):
            return k
    return None


def more_hint(key: str, k: int | None) -> None:
    if k is not None:
        hints = dict(st.session_state.get(key, {}))
        hints[k] = hints.get(k, 0) + 1
        st.session_state[key] = hints


def show(slug: str) -> None:
    st.session_state[shown_key(slug)] = True


def render_marks(panel: Panel, built: Attempt) -> None:
    """Each box's mark, its mistakes and its hints, then the score (or the build complete)."""
    total, lang = built.total, language()
    lines = [f"- `{index_label('∇' + total.x, mark.index)}`: {mark_text(built, k, mark, lang)}"
             for k, mark in enumerate(built.marks)]  # fmt: skip
    n = len(built.marks)
    if built.built:
        verdict = say("build.done", n=n, y=total.y, x=total.x)
    else:
        verdict = say("build.score", right=built.right, n=n)
        verdict += " " + say("build.held" if not built.revealed else "build.shown")
    status = f'<div role="status">{prose_html(verdict)}</div>'
    panel.html(prose_html("\n".join(lines)) + status)


def mark_text(built: Attempt, k: int, mark: Mark, lang: str) -> str:
    """'✓ right', '– no answer yet', '✗ `abc` is not a number', or '✗ not right.' and which mistake it is."""
    total = built.total
    xk = index_label(total.x, mark.index)
    if mark.right:
        text = say("exercise.right")
    elif mark.blank:
        text = say("exercise.blank")
    elif mark.value is None:
        text = say("exercise.not_a_number", text=literal(mark.typed, limit=40))
    else:
        blanks = {"s": array_text(mark.value), "y": total.y, "x": total.x, "xk": xk, "yk": "", "xt": "",
                  "other": "", "ok": "", "missing": "",
                  **total.generic, **dict(mark.blanks)}  # fmt: skip
        why = f" {SENTENCES['predict.also'](lang)} ".join(SENTENCES[key](lang, **blanks) for key in mark.mistakes)
        text = f"{say('exercise.wrong')}. {why}".strip()
    return " ".join([text, *hint_lines(total, k, built.hints.get(k, 0) if not mark.right else 0)])


def hint_lines(total: Sum, k: int, level: int) -> list[str]:
    """What the presses of Hint have revealed for the box: the slices that add to it, then their terms."""
    found = assembly.hint(total, k, level)
    if found is None:
        return []
    xk = index_label(total.x, found.index)
    slices = ", ".join(f"`{total.slice_name(i)}`" for i in found.contributing)
    if not found.contributing:
        return [say("build.hint_none", xk=xk)]
    if len(found.contributing) == 1:
        weighted = "" if np.all(total.upstream == 1) else say("build.hint_weighted")
        return [say("build.hint_one", slices=slices, xk=xk, weighted=weighted)]
    lines = [say("build.hint_slices", slices=slices, xk=xk)]
    if found.terms:
        terms = "; ".join(f"`{assembly.term_text(total, term, k)}`" for term in found.terms)
        lines.append(say("build.hint_terms", terms=terms))
    return lines
