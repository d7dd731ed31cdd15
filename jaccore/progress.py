"""A learner's progress as something to hand in and carry to another browser: a file, and a short code.

The app stores nothing about a learner on the server: progress lives in the learner's browser
(jaccore/ui/memory.py). To move it, or show it to a teacher, the home page gives

- a **progress code** such as `JX-0M8G-00ZS-Y7C4-2T`: Crockford's base 32 (no I, L, O or U; case, dashes
  and spaces do not matter) of a format number, how many marks it knows, the day it was made, one bit
  per mark of MARKS and a CRC. Pasted into another browser, it adds its marks to that browser's;
- a **JSON file** with the same marks, page by page and titled, the date and the code.

MARKS is the code's alphabet: append to it, never reorder or remove (an old code must keep its
meaning). A code is refused, with the reason, when it is not a code, when a character is mistyped
(the CRC), when it is of another format or from a newer app, or when it is too long.
"""

import datetime
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

FORMAT = 1
PREFIX = "JX"
EPOCH = datetime.date(2026, 1, 1)
MAX_CODE = 64  # characters a pasted code may have, spaces and dashes included
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
READS_AS = {"O": "0", "I": "1", "L": "1"}  # Crockford's: letters that are digits, mistyped
KINDS = ("predicted", "built", "solved", "seen")  # "seen": a puzzle whose formula the learner asked to see

_NOTEBOOK = ("vector_scalar", "square", "scale", "matvec", "shape_rule", "matmul")
_PUZZLES = ("square", "scale", "scale_a", "sum_squares", "matvec_x", "matvec_W", "reshape", "tanh_b", "tanh_x",
            "chain", "softmax", "log_softmax", "normalize", "sum_AB", "trace_AB", "bias_batch", "hessian")  # fmt: skip
# Append only: a mark's place in this tuple is its bit in every code ever given out.
MARKS: tuple[tuple[str, str], ...] = (
    *(("predicted", slug) for slug in _NOTEBOOK),
    *(("built", slug) for slug in (*_NOTEBOOK, "jacobian_to_gradient")),
    *(("solved", slug) for slug in _NOTEBOOK),
    *((kind, f"puzzle.{slug}") for slug in _PUZZLES for kind in ("solved", "seen")),
)


class CodeError(ValueError):
    """A progress code that cannot be used: `key` names the sentence that says why (progress.code_*)."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


@dataclass(frozen=True)
class Progress:
    """Which pages carry which marks ("predicted", "built", "solved"), and the day it was written down."""

    marks: Mapping[str, frozenset[str]]
    day: datetime.date

    @property
    def count(self) -> int:
        return sum(len(slugs) for slugs in self.marks.values())


def progress_of(marks: Mapping[str, object], day: datetime.date) -> Progress:
    """Progress from kind → slugs, keeping only the marks MARKS knows (what a code can carry)."""
    known = set(MARKS)
    return Progress({kind: frozenset(s for s in marks.get(kind, ()) if (kind, s) in known) for kind in KINDS}, day)


def code(progress: Progress) -> str:
    """The progress code: 'JX-' and groups of four characters."""
    bits = sum(1 << n for n, (kind, slug) in enumerate(MARKS) if slug in progress.marks.get(kind, ()))
    body = bytes([FORMAT, len(MARKS)]) + (progress.day - EPOCH).days.to_bytes(2, "big")
    body += bits.to_bytes(_mask_bytes(len(MARKS)), "big")
    digits = _base32(body + _check(body))
    return "-".join([PREFIX, *(digits[n : n + 4] for n in range(0, len(digits), 4))])


def read_code(text: str) -> Progress:
    """The progress a code carries, or CodeError saying why it cannot be used."""
    if len(text) > MAX_CODE:
        raise CodeError("progress.code_long")
    cleaned = "".join(text.split()).replace("-", "").upper()
    if not cleaned.startswith(PREFIX):
        raise CodeError("progress.code_bad")
    try:
        raw = _from_base32(cleaned[len(PREFIX) :])
    except ValueError:
        raise CodeError("progress.code_bad") from None
    if len(raw) < 6 or _check(raw[:-2]) != raw[-2:]:
        raise CodeError("progress.code_bad")
    body = raw[:-2]
    if body[0] != FORMAT:
        raise CodeError("progress.code_format")
    count = body[1]
    if count > len(MARKS):
        raise CodeError("progress.code_newer")
    if len(body) != 4 + _mask_bytes(count):
        raise CodeError("progress.code_bad")
    day = EPOCH + datetime.timedelta(days=int.from_bytes(body[2:4], "big"))
    bits = int.from_bytes(body[4:], "big")
    marks: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for n, (kind, slug) in enumerate(MARKS[:count]):
        if bits >> n & 1:
            marks[kind].add(slug)
    return Progress({kind: frozenset(slugs) for kind, slugs in marks.items()}, day)


def report(progress: Progress, titles: Mapping[str, str]) -> bytes:
    """The file a learner hands in: each page (`titles`, in the reader's language and in order) with its
    marks, the day, and the code that restores it elsewhere."""
    pages = [
        {"page": slug, "title": title, **{kind: slug in progress.marks.get(kind, ()) for kind in KINDS
                                          if (kind, slug) in MARKS}}
        for slug, title in titles.items()
    ]  # fmt: skip
    document = {
        "app": "Jacobian Explorer",
        "format": FORMAT,
        "date": progress.day.isoformat(),
        "code": code(progress),
        "pages": pages,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


def _mask_bytes(count: int) -> int:
    return (count + 7) // 8


def _check(body: bytes) -> bytes:
    """Two bytes of CRC-32: a mistyped character is caught 65,535 times in 65,536."""
    return (zlib.crc32(body) & 0xFFFF).to_bytes(2, "big")


def _base32(data: bytes) -> str:
    n, bits = int.from_bytes(data, "big"), len(data) * 8
    width = (bits + 4) // 5
    n <<= width * 5 - bits
    return "".join(ALPHABET[n >> 5 * k & 31] for k in reversed(range(width)))


def _from_base32(text: str) -> bytes:
    if not text:
        raise ValueError(text)
    n = 0
    for char in text:
        char = READS_AS.get(char, char)
        if char not in ALPHABET:
            raise ValueError(char)
        n = n << 5 | ALPHABET.index(char)
    bits = len(text) * 5
    size = bits // 8
    if size == 0 or n & ((1 << (bits - size * 8)) - 1):
        raise ValueError(text)  # padding bits must be zero: the text is not a whole number of bytes
    return (n >> (bits - size * 8)).to_bytes(size, "big")
