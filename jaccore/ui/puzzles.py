"""Write the Jacobian yourself: a puzzle, the learner's formula, its grade (jaccore/grading.py) and the
picture of where it agrees with the tape, slice by slice in the Jacobian's own layout.

The puzzle and the answer live in the URL (?puzzle=softmax&answer=diag(…)): a link carries an attempt,
and the answer from a link is text like any other a learner types (parsed, never run). A solved
puzzle, and one whose formula was shown, is progress kept in the browser (jaccore/ui/memory.py).
"""

import numpy as np
import streamlit as st

from jaccore import figures
from jaccore.catalog.puzzles import PUZZLES, Puzzle
from jaccore.expression import FUNCTIONS
from jaccore.grading import Grade, expected, grade, points, y_shape
from jaccore.markup import html_matrix, prose_html
from jaccore.notation import shape_text
from jaccore.sitemap import Page
from jaccore.ui.memory import SEEN, SOLVED, earn, progress
from jaccore.ui.panel import Panel
from jaccore.ui.sections import prose
from jaccore.ui.state import language, say
from jaccore.ui.widgets import text_input, url_choice

LAST = "puzzle.last"  # session state: the puzzle the answer box was last drawn for
WHAT = {"jacobian": "puzzle.what_jacobian", "gradient": "puzzle.what_gradient", "hessian": "puzzle.what_hessian"}
RULE = {"jacobian": "puzzle.rule_jacobian", "gradient": "puzzle.rule_gradient", "hessian": "puzzle.rule_hessian"}


def mark_of(slug: str) -> str:
    return f"puzzle.{slug}"  # the progress a puzzle earns, by this name (jaccore/progress.py's MARKS)


def render_puzzles(page: Page) -> None:
    lang = language()
    st.title(page.title(lang))
    prose(say("puzzle.goal"), caption=True)
    prose(say("puzzle.intro", functions=", ".join(f"`{name}`" for name in FUNCTIONS)))
    titles = {slug: f"{n}. {puzzle.title(lang)}{done(slug)}" for n, (slug, puzzle) in enumerate(PUZZLES.items(), 1)}
    puzzle = PUZZLES[url_choice(st.selectbox, say("puzzle.pick"), titles, "puzzle", next(iter(PUZZLES)))]
    render_statement(puzzle)
    answer = answer_box(puzzle)
    if answer.strip():
        render_grade(puzzle, grade(puzzle, answer))
    render_help(puzzle)


def done(slug: str) -> str:
    marks = [(SOLVED, "puzzle.solved_mark"), (SEEN, "puzzle.seen_mark")]
    return "".join(f" · ✓ {say(word)}" for kind, word in marks if mark_of(slug) in progress(kind))


def call_of(puzzle: Puzzle) -> str:
    return {"jacobian": "tape.jacobian", "gradient": "tape.gradient"}.get(
        puzzle.target, "hessian"
    ) + f"(y, {puzzle.wrt})"


def render_statement(puzzle: Puzzle) -> None:
    """y = f(…) with its inputs' shapes, what to write, and the inputs at the point shown."""
    inputs = ", ".join(say("puzzle.input", name=name, shape=shape_text(shape)) for name, shape in puzzle.shapes.items())
    what = say(WHAT[puzzle.target], x=puzzle.wrt)
    text = say("puzzle.statement", function=puzzle.function, inputs=inputs, what=what)
    if puzzle.about is not None:
        text += " " + puzzle.about(language())
    shown = points(puzzle)[0]
    matrices = "".join(html_matrix(name, value) for name, value in shown.items())
    st.html(prose_html(text) + prose_html(say("puzzle.point")) + f'<div class="jx-row">{matrices}</div>')


def answer_box(puzzle: Puzzle) -> str:
    """The answer's text box, bound to ?answer=; emptied when the learner turns to another puzzle."""
    if st.session_state.get(LAST, puzzle.slug) != puzzle.slug and "answer" in st.session_state:
        st.session_state["answer"] = ""
    st.session_state[LAST] = puzzle.slug
    return text_input(say("puzzle.answer"), "", "answer", placeholder=puzzle_placeholder(puzzle),
                      help=say("puzzle.answer_help"), autocomplete="off")  # fmt: skip


def puzzle_placeholder(puzzle: Puzzle) -> str:
    return {"jacobian": "diag(…)", "gradient": "…", "hessian": "…"}[puzzle.target]


def render_grade(puzzle: Puzzle, graded: Grade) -> None:
    """The verdict, and the picture where the answer has the right shape; a right answer is progress."""
    call = call_of(puzzle)
    if graded.refusal is not None:
        st.error(say("puzzle.refused", message=graded.refusal.message(language())), icon="✋")
        return
    rule = say(RULE[puzzle.target], **graded.blanks)
    sentence = say(graded.key, call=call, rule=rule, **graded.blanks)
    if graded.solved:
        earn(SOLVED, mark_of(puzzle.slug))
        st.success(sentence, icon="✅")
    else:
        st.warning(sentence, icon="✋")
    if graded.yours is not None:
        render_picture(puzzle, graded, call)


def render_picture(puzzle: Puzzle, graded: Grade, call: str) -> None:
    """The answer and the tape's, then their difference, each as the Jacobian's grid of slices (or, for
    a gradient, side by side), the cells that disagree outlined."""
    panel, word, x = Panel("puzzle.picture"), say("panel.round_off"), puzzle.wrt
    panel.html(prose_html(say("puzzle.picture", call=call, x=x), caption=True))
    arrays = {
        say("puzzle.yours"): graded.yours,
        call: graded.right,
        say("puzzle.difference"): graded.yours - graded.right,
    }
    if puzzle.target == "gradient":
        titles = list(arrays)
        figure = figures.panels_in_a_row(list(arrays.values()), titles, [x] * 3, word)
        figures.outline(figure, [graded.wrong, None, graded.wrong])
        panel.figure(figure, "puzzle")
    else:
        slices = puzzle.shapes[x] if puzzle.target == "hessian" else y_shape(puzzle)
        for n, (title, array) in enumerate(arrays.items()):
            panel.html(prose_html(f"**{title}**"))
            figure = figures.slice_grid(array, tuple(slices), "∇y" if puzzle.target == "hessian" else "y", x, word)
            if n != 1:
                figures.outline(figure, [mask for mask in graded.wrong.reshape(-1, *puzzle.shapes[x])])
            panel.figure(figure, f"puzzle.{n}")
    panel.show()


def render_help(puzzle: Puzzle) -> None:
    """Hint (one more slice of the answer's numbers) and Show me (a formula, the puzzle marked seen)."""
    key = f"puzzle.hints.{puzzle.slug}"
    right = grade_shape(puzzle)
    most = max(0, right.shape[0] - 1) if right.ndim else 0
    with st.container(horizontal=True, gap="small"):
        st.button(say("puzzle.hint"), key="puzzle.hint", on_click=more, args=(key, most), disabled=most == 0,
                  help=say("puzzle.hint_help"), icon=":material/lightbulb:")  # fmt: skip
        st.button(say("puzzle.show"), key="puzzle.show", on_click=show, args=(puzzle.slug,),
                  help=say("puzzle.show_help"), icon=":material/visibility:")  # fmt: skip
    symbol = {"jacobian": "J", "gradient": f"∇{puzzle.wrt}", "hessian": "H"}[puzzle.target]
    for i in range(min(st.session_state.get(key, 0), most)):
        st.html(prose_html(say("puzzle.hint_slice", i=i)) + html_matrix(f"{symbol}[{i}]", right[i]))
    if st.session_state.get(f"puzzle.shown.{puzzle.slug}"):
        st.html(prose_html(say("puzzle.shown", answer=puzzle.answer)))


def grade_shape(puzzle: Puzzle) -> np.ndarray:
    """The right answer's numbers at the point shown, whose slices the hints show one by one."""
    return expected(puzzle, points(puzzle)[0])


def more(key: str, most: int) -> None:
    st.session_state[key] = min(most, st.session_state.get(key, 0) + 1)


def show(slug: str) -> None:
    st.session_state[f"puzzle.shown.{slug}"] = True
    earn(SEEN, mark_of(slug))
