"""A sentence in English and Vietnamese, and the reader's language; chosen per session, never globally."""

from dataclasses import dataclass

LANGUAGES = ("en", "vi")
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Text:
    """One sentence in both languages; `text("vi", n=3)` picks a language and fills the blanks."""

    en: str
    vi: str

    def __call__(self, lang: str, **blanks: object) -> str:
        chosen = self.vi if lang == "vi" else self.en
        return chosen.format(**blanks) if blanks else chosen


def language_from(query: str | None, locale: str | None) -> str:
    """?lang= first, then the browser's locale (`vi-VN` → vi), else English."""
    for candidate in (query, locale):
        code = (candidate or "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def grouped(n: int, lang: str) -> str:
    """A count as prose writes it: 34,359,738,368 in English, 34.359.738.368 in Vietnamese."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def counted(n: int, lang: str, one: str, many: str, vi: str) -> str:
    """'1 partial derivative', '48 partial derivatives', '48 đạo hàm riêng': a count and its noun."""
    return f"{grouped(n, lang)} {vi if lang == 'vi' else one if n == 1 else many}"
