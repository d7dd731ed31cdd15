"""The progress code and file (jaccore/progress.py): any progress round-trips through its code; a code
that cannot be used (mistyped, another format, a newer app, too long, not a code) is refused with its
reason; the file says, page by page, what was earned."""

import datetime
import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jaccore import progress
from jaccore.catalog.puzzles import PUZZLES
from jaccore.progress import KINDS, MARKS, MAX_CODE, CodeError, code, progress_of, read_code, report
from jaccore.sitemap import PAGES

DAY = datetime.date(2026, 12, 7)


def test_every_page_a_learner_earns_a_mark_on_is_in_the_code_s_alphabet():
    """A worked example can be predicted, built and solved; the lesson built. A new page that earns a
    mark must be appended to MARKS (never inserted: old codes keep their meaning)."""
    examples = [slug for slug, page in PAGES.items() if page.kind == "example"]
    expected = {(kind, slug) for slug in examples for kind in ("predicted", "built", "solved")}
    expected |= {("built", "jacobian_to_gradient")} | {
        (kind, f"puzzle.{slug}") for slug in PUZZLES for kind in ("solved", "seen")
    }
    assert set(MARKS) >= expected and len(set(MARKS)) == len(MARKS)
    assert MARKS[:19] == (  # the marks of format 1 as first given out: their places are fixed
        *(("predicted", s) for s in ("vector_scalar", "square", "scale", "matvec", "shape_rule", "matmul")),
        *(("built", s) for s in ("vector_scalar", "square", "scale", "matvec", "shape_rule", "matmul",
                                 "jacobian_to_gradient")),
        *(("solved", s) for s in ("vector_scalar", "square", "scale", "matvec", "shape_rule", "matmul")),
    )  # fmt: skip


marks_strategy = st.sets(st.sampled_from(MARKS))
days = st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2150, 1, 1))


def as_progress(marks: set, day: datetime.date) -> progress.Progress:
    found = {kind: [slug for k, slug in marks if k == kind] for kind in KINDS}
    return progress_of(found, day)


@given(marks=marks_strategy, day=days)
def test_any_progress_round_trips_through_its_code(marks, day):
    given_progress = as_progress(marks, day)
    text = code(given_progress)
    assert text.startswith("JX-") and len(text) <= 32
    assert read_code(text) == given_progress
    assert read_code(f"  {text.lower().replace('-', ' ')} ") == given_progress  # as a learner may paste it
    assert read_code(text.replace("0", "O").replace("1", "l")) == given_progress  # Crockford's look-alikes


@given(marks=marks_strategy, at=st.integers(3, 30), char=st.sampled_from("0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
def test_a_mistyped_character_is_refused(marks, at, char):
    text = code(as_progress(marks, DAY))
    if at >= len(text) or text[at] in "-" or text[at] == char:
        return
    changed = text[:at] + char + text[at + 1 :]
    with pytest.raises(CodeError) as refused:
        read_code(changed)
    assert refused.value.key == "progress.code_bad"


def encoded(body: bytes) -> str:
    return "JX-" + progress._base32(body + progress._check(body))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "progress.code_bad"),
        ("hello", "progress.code_bad"),
        ("JX-", "progress.code_bad"),
        ("JX-UUUU", "progress.code_bad"),  # U is not in Crockford's alphabet
        ("JX-" + "0" * (MAX_CODE - 2), "progress.code_long"),
        (encoded(bytes([2, 19, 0, 10, 0, 0, 0])), "progress.code_format"),
        (encoded(bytes([1, len(MARKS) + 8, 0, 10]) + bytes(len(MARKS) // 8 + 2)), "progress.code_newer"),
        (encoded(bytes([1, 19, 0, 10, 0])), "progress.code_bad"),  # too few bytes for 19 marks
        ("<b>JX</b>", "progress.code_bad"),
    ],
)
def test_a_code_that_cannot_be_used_says_why(text, key):
    with pytest.raises(CodeError) as refused:
        read_code(text)
    assert refused.value.key == key


def test_a_code_of_fewer_marks_from_an_older_app_still_reads():
    """A code written when MARKS had 19 entries keeps its meaning after marks are appended."""
    body = bytes([1, 19, 0, 1]) + (1 << 5 | 1 << 12).to_bytes(3, "big")  # predicted matmul, built the lesson
    carried = read_code(encoded(body))
    assert carried.marks["predicted"] == {"matmul"} and carried.marks["built"] == {"jacobian_to_gradient"}
    assert carried.day == datetime.date(2026, 1, 2)


def test_the_file_says_page_by_page_what_was_earned():
    held = progress_of({"predicted": ["matmul"], "built": ["matmul", "jacobian_to_gradient"], "solved": []}, DAY)
    titles = {"matmul": "A·B: matrix times matrix", "jacobian_to_gradient": "Từ Jacobian đến gradient"}
    document = json.loads(report(held, titles))
    assert document["date"] == "2026-12-07" and read_code(document["code"]) == held
    assert document["pages"] == [
        {"page": "matmul", "title": "A·B: matrix times matrix", "predicted": True, "built": True, "solved": False},
        {"page": "jacobian_to_gradient", "title": "Từ Jacobian đến gradient", "built": True},  # what it can earn
    ]  # fmt: skip
    assert set(string.printable) >= set(document["code"])
