"""The home page: what the explorer teaches and where to start, its links from the table of pages,
each worked example marked with what the learner has predicted, built and solved (kept in the
learner's browser, jaccore/ui/memory.py), the progress as a file to hand in and a code to carry it to
another browser (jaccore/progress.py), and a way to forget it."""

import datetime

import streamlit as st

from jaccore.catalog.puzzles import PUZZLES
from jaccore.markup import literal, prose_html
from jaccore.progress import MARKS, MAX_CODE, CodeError, code, progress_of, read_code, report
from jaccore.sitemap import PAGES, Page, in_section
from jaccore.ui.memory import BUILT, KINDS, PREDICTED, SEEN, SOLVED, forget, known, progress
from jaccore.ui.predict import predictions_off
from jaccore.ui.state import language, say

CODE_BOX = "progress.code_box"  # session state: the text box a code is pasted into
RESTORED = "progress.restored_note"  # session state: what the last "Restore" said, (sentence key, blanks)


def render_home(page: Page) -> None:
    lang = language()
    worked = in_section("examples")
    st.title(say("app.title"))
    st.markdown(say("home.intro"))
    st.markdown(say("home.start", first=worked[0].title(lang)))
    for n, entry in enumerate(worked, start=1):
        st.page_link(f"pages/{entry.slug}.py", label=f"{n}. {entry.title(lang)}{marks(entry.slug)}")
    render_progress(worked)
    st.markdown(f"**{say('nav.beyond')}**")
    for entry in in_section("beyond"):
        st.page_link(f"pages/{entry.slug}.py", label=entry.title(lang))
    st.info(say("home.layout"))
    with st.expander(say("home.glossary")):
        st.html(prose_html(say("home.glossary_rows")))


WORKED = (PREDICTED, BUILT, SOLVED)  # what a worked example's page earns


def marks(slug: str) -> str:
    """' · ✓ predicted · ✓ gradient built · ✓ exercise solved', for what the learner has done on the page."""
    done = [say(kind) for kind in WORKED if slug in progress(kind)]
    return "".join(f" · ✓ {word}" for word in done)


NOUNS = {"predicted": "predict", "built": "build", "solved": "solve"}  # the blanks of progress.title


def counts(worked: list[Page]) -> dict[str, int]:
    """How many pages carry each mark ({predicted}), and how many can ({n_predict}): the pages that
    MARKS lists for it (the lesson asks no predictions and has no exercise)."""
    found = {}
    for kind in WORKED:
        short = kind.split(".")[1]
        pages = [entry.slug for entry in worked if (short, entry.slug) in MARKS]
        found[short] = sum(slug in progress(kind) for slug in pages)
        found[f"n_{NOUNS[short]}"] = len(pages)
    return found


def render_progress(worked: list[Page]) -> None:
    st.header(say("progress.heading"))
    lesson = next(entry.title(language()) for entry in worked if entry.kind == "lesson")
    if predictions_off():
        st.caption(say("progress.skipped"))
    if not any(progress(kind) for kind in KINDS):
        st.caption(say("progress.none"))
    else:
        st.caption(say("progress.title", lesson=lesson, **counts(worked)))
        render_puzzle_progress()
        render_hand_in(worked)
        st.button(say("progress.forget"), on_click=forget, key="forget", icon=":material/delete_history:")
    render_restore()


def render_puzzle_progress() -> None:
    """How many puzzles are solved and seen, with a link to them."""
    solved = sum(f"puzzle.{slug}" in progress(SOLVED) for slug in PUZZLES)
    seen = sum(f"puzzle.{slug}" in progress(SEEN) for slug in PUZZLES)
    if solved or seen:
        page = PAGES["puzzles"].title(language())
        st.caption(say("puzzle.progress", page=page, solved=solved, n=len(PUZZLES), seen=seen))


def today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


def held() -> dict[str, list[str]]:
    """This session's progress as kind → slugs, with the short kinds of jaccore/progress.py."""
    return {kind.split(".")[1]: slugs for kind, slugs in known().items()}


def render_hand_in(worked: list[Page]) -> None:
    """The file to hand in, and the code to carry the progress to another browser."""
    now = progress_of(held(), today())
    lang, puzzles = language(), PAGES["puzzles"].title(language())
    titles = {entry.slug: entry.title(lang) for entry in worked}
    titles |= {f"puzzle.{slug}": f"{puzzles}: {puzzle.title(lang)}" for slug, puzzle in PUZZLES.items()}
    name = f"jacobian_explorer_progress_{now.day.isoformat()}.json"
    st.download_button(say("progress.download"), report(now, titles), file_name=name, mime="application/json",
                       key="progress.download", help=say("progress.download_help"), on_click="ignore")  # fmt: skip
    st.markdown(say("progress.code", code=code(now)))


def render_restore() -> None:
    """A box for a code from another browser, and what the last "Restore" did."""
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.text_input(say("progress.paste"), key=CODE_BOX, placeholder="JX-…")
        st.button(say("progress.restore"), on_click=restore, key="progress.restore")
    said = st.session_state.pop(RESTORED, None)
    if said:
        key, blanks = said
        (st.success if key == "progress.restored" else st.error)(say(key, **blanks))


def restore() -> None:
    """The "Restore" button: the code's marks join this session's (and, at the end of the run, the
    browser's). A code that cannot be used changes nothing and says why."""
    text = str(st.session_state.get(CODE_BOX) or "")
    if not text.strip():
        st.session_state[RESTORED] = ("progress.code_empty", {})
        return
    try:
        carried = read_code(text)
    except CodeError as error:
        st.session_state[RESTORED] = (error.key, {"code": literal(text), "n": len(text), "most": MAX_CODE})
        return
    for kind in KINDS:
        progress(kind).update(carried.marks[kind.split(".")[1]])
    st.session_state[RESTORED] = ("progress.restored", {"day": carried.day.isoformat(), "n": carried.count})
