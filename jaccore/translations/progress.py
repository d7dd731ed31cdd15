"""The learner's progress, on the home page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "progress.title": T(
        "{predicted} of {n} examples predicted, {solved} of {n} exercises solved. Kept in this browser only, "
        "never on the server.",
        "Đã dự đoán {predicted} trên {n} ví dụ, đã giải {solved} trên {n} bài tập. Chỉ lưu trong trình duyệt "
        "này, không lưu trên máy chủ.",
    ),
    "progress.forget": T("Forget my progress", "Xoá tiến độ của tôi"),
    "progress.none": T(
        "Nothing yet. Each worked example asks for your predictions first, then gives an exercise.",
        "Chưa có gì. Mỗi ví dụ sẽ hỏi dự đoán của bạn trước, rồi cho một bài tập.",
    ),
    "progress.predicted": T("predicted", "đã dự đoán"),
    "progress.solved": T("exercise solved", "đã giải bài tập"),
    "progress.skipped": T(
        "Predictions are off for this visit (“Just show me”, or a link with predict=off).",
        "Phần dự đoán đang tắt trong lần truy cập này (“Cho tôi xem luôn”, hoặc liên kết có predict=off).",
    ),
}
