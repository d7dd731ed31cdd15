"""The self-check of the pages beyond the worked examples."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "quiz.title": T("Self-check", "Tự kiểm tra"),
    "quiz.right": T("Right.", "Đúng."),
    "quiz.wrong": T("Not quite.", "Chưa đúng."),
}
