"""The learner's progress on the home page, through AppTest: "Forget" holds within the session even when
the browser answers with what it held before; the progress code carries the marks to another session
(another browser); a code that cannot be used says why and changes nothing; the file to hand in."""

import datetime
import json
import re

import pytest

from jaccore.progress import MARKS, MAX_CODE, progress_of, read_code
from jaccore.translations import SENTENCES
from tests.pages.apptest import errors, open_page
from tests.pages.test_build import answer_predictions, type_boxes

CODE = re.compile(r"`(JX-[0-9A-Z-]+)`")


def encoded(body: bytes) -> str:
    from jaccore import progress

    digits = progress._base32(body + progress._check(body))
    return "JX-" + "-".join(digits[n : n + 4] for n in range(0, len(digits), 4))


NEWER = encoded(bytes([1, len(MARKS) + 8, 0, 10]) + bytes((len(MARKS) + 15) // 8))  # format 1, 8 marks more


def marks_on_home(app) -> dict[str, str]:
    """Each worked example's link on the home page, by its number, with the marks after its title."""
    return {
        link.proto.label.split(".")[0]: link.proto.label
        for link in app.get("page_link")
        if link.proto.label[0].isdigit()
    }


def shown_code(app) -> str:
    return next(CODE.search(m.value).group(1) for m in app.markdown if CODE.search(m.value))


def browser_says(app, generation: int, **kinds: list[str]) -> None:
    """What the memory component (memory.js) sends back: the browser's stored progress, tagged with
    the count of forgettings it was sent with."""
    stored = {f"progress.{kind}": slugs for kind, slugs in kinds.items()} | {"generation": generation}
    app.session_state["memory"] = {"stored": json.dumps(stored)}


def test_forgetting_holds_within_the_session_whatever_the_browser_answered_before():
    """x ⊙ x predicted; the browser's answer, written before "Forget my progress", arrives after it: it
    is not taken back (it once was: forgotten progress came back within the same session)."""
    app = open_page("square", predict=None)
    answer_predictions(app)
    browser_says(app, 0, predicted=["square"])
    app.switch_page("pages/home.py").run()
    assert "✓ predicted" in marks_on_home(app)["2"]
    app.button(key="forget").click().run()
    browser_says(app, 0, predicted=["square"])  # the browser's last message, sent before it forgot
    app.run()
    assert "✓" not in marks_on_home(app)["2"]
    app.switch_page("pages/square.py").run()
    assert len([r for r in app.radio if r.key.startswith("predict.")]) == 3  # asked again
    browser_says(app, 1, predicted=["matmul"])  # after forgetting: what the browser learns next counts
    app.switch_page("pages/home.py").run()
    assert "✓ predicted" in marks_on_home(app)["7"]


def test_the_progress_code_carries_the_marks_to_another_browser():
    first = open_page("matmul", predict=None)
    answer_predictions(first)
    type_boxes(first, "A", [11, 15, 11, 15])
    first.switch_page("pages/home.py").run()
    code = shown_code(first)
    carried = read_code(code)
    assert carried.marks["predicted"] == {"matmul"} and carried.marks["built"] == {"matmul"}
    assert carried.day == datetime.datetime.now(datetime.UTC).date()
    other = open_page("home", lang="vi")
    other.text_input(key="progress.code_box").input(code).run()
    other.button(key="progress.restore").click().run()
    assert errors(other) == []
    assert other.success[0].value == SENTENCES["progress.restored"]("vi", day=carried.day.isoformat(), n=2)
    assert "✓ đã dự đoán · ✓ đã tự dựng gradient" in marks_on_home(other)["7"]
    assert shown_code(other) == code


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("JX-049G-2N00-20G2-E8S", "progress.code_bad"),  # JX-049G-2N00-20G2-E8R, its last character mistyped
        ("[x](//e.co) <b>JX</b>", "progress.code_bad"),
        ("JX-" + "0" * MAX_CODE, "progress.code_long"),
        ("JX-089G-02G0-0005-W1G", "progress.code_format"),  # format 2, from another version
        (NEWER, "progress.code_newer"),  # more marks than this app knows: a newer app's
        ("", "progress.code_empty"),
    ],
)
def test_a_code_that_cannot_be_used_says_why_and_changes_nothing(text, key):
    app = open_page("square", predict=None)
    answer_predictions(app)
    app.switch_page("pages/home.py").run()
    before = marks_on_home(app)
    app.text_input(key="progress.code_box").input(text).run()
    app.button(key="progress.restore").click().run()
    assert errors(app) == [] and marks_on_home(app) == before
    said = app.error[0].value
    expected = SENTENCES[key]("en", code="", n=len(text), most=MAX_CODE)
    assert said.split("`")[-1] == expected.split("`")[-1] or said == expected
    assert "<b>" not in said.replace("`<b>", "").split("`")[0]  # the text is shown as code, never as markup


def test_the_codes_of_the_refusals_above_are_what_they_claim():
    """The hand-made codes in the test above: another format, and more marks than this app knows."""
    from jaccore import progress

    def body(text: str) -> bytes:
        return progress._from_base32(text.replace("JX-", "").replace("-", ""))[:-2]

    assert body("JX-089G-02G0-0005-W1G")[0] == 2
    assert body(NEWER)[1] == len(progress.MARKS) + 8
    assert progress.read_code("JX-049G-2N00-20G2-E8R").count == 2
    assert progress_of({}, datetime.date(2026, 1, 1)).count == 0


def test_the_file_to_hand_in_is_offered_once_there_is_progress():
    app = open_page("home")
    assert not [b for b in app.get("download_button")]
    app = open_page("square", predict=None)
    answer_predictions(app)
    app.switch_page("pages/home.py").run()
    assert [b.proto.label for b in app.get("download_button")] == [SENTENCES["progress.download"]("en")]


def memory_sent(app) -> dict[str, dict]:
    """What the run sent to the browser's memory (memory.js), by the component's key: "memory" at the end
    of a full run, "memory.earned" from a fragment that earned something."""
    sent = {}
    for element in app.get("bidi_component"):
        key = element.proto.id.rsplit("-", 1)[-1]
        if key.startswith("memory"):
            data = json.loads(element.proto.json)
            sent[key] = data | {"progress": json.loads(data["progress"])}
    return sent


def test_what_the_browser_is_told_to_keep_and_to_forget():
    """Predictions earned: sent in the same run, by the fragment (write only) and the page's end; "Forget"
    sends empty progress with forget once, under the next generation, and that generation stays."""
    app = open_page("square", predict=None)
    answer_predictions(app)
    sent = memory_sent(app)
    empty = {kind: [] for kind in ("progress.predicted", "progress.built", "progress.solved", "progress.seen")}
    earned = empty | {"progress.predicted": ["square"]}
    assert sent["memory"] == {"progress": earned, "forget": False, "generation": 0}
    assert sent["memory.earned"] == {"progress": earned, "forget": False, "generation": 0, "write_only": True}
    app.switch_page("pages/home.py").run()
    assert "memory.earned" not in memory_sent(app)  # nothing new earned: the page's end alone
    app.button(key="forget").click().run()
    assert memory_sent(app)["memory"] == {"progress": empty, "forget": True, "generation": 1}
    app.run()
    assert memory_sent(app)["memory"] == {"progress": empty, "forget": False, "generation": 1}


def test_what_the_browser_sends_back_is_taken_only_as_progress():
    """The browser is the learner's: known kinds, strings under 64 characters, the first 64 of each kind,
    of this generation; anything else is ignored."""
    from jaccore.ui.memory import MAX_REMEMBERED, remembered

    many = [f"page{n}" for n in range(MAX_REMEMBERED + 10)]
    stored = {"progress.solved": ["a" * 63, "b" * 64, 7, None], "progress.seen": many, "other": ["x"], "generation": 2}
    assert remembered(json.dumps(stored), 2) == {"progress.solved": {"a" * 63}, "progress.seen": set(many[:64])}
    assert remembered(json.dumps(stored), 1) == {} and remembered(json.dumps({"progress.seen": ["x"]}), 0) == {}
    assert remembered("{not json", 0) == {} and remembered(None, 0) == {} and remembered('["a"]', 0) == {}
    assert remembered(json.dumps({"progress.seen": "abc", "generation": 0}), 0) == {}
