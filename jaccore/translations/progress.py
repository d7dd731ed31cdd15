"""The learner's progress, on the home page: what it holds, the file to hand in, the code to carry it."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "progress.heading": T("Your progress", "Tiến độ của bạn"),
    "progress.title": T(
        "{predicted} of {n_predict} examples predicted, {built} of {n_build} gradients built, {solved} of "
        "{n_solve} exercises solved. The lesson, *{lesson}*, asks no predictions and has no exercise: only "
        "its gradient counts. Kept in this browser only, never on the server.",
        "Đã dự đoán {predicted} trên {n_predict} ví dụ, đã tự dựng {built} trên {n_build} gradient, đã giải "
        "{solved} trên {n_solve} bài tập. Bài học *{lesson}* không có câu hỏi dự đoán và không có bài tập: "
        "chỉ tính phần tự dựng gradient. Chỉ lưu trong trình duyệt này, không lưu trên máy chủ.",
    ),
    "progress.forget": T("Forget my progress", "Xoá tiến độ của tôi"),
    "progress.none": T(
        "Nothing yet. Each worked example asks for your predictions first, then asks you to build its "
        "gradient from the slices, then gives an exercise.",
        "Chưa có gì. Mỗi ví dụ sẽ hỏi dự đoán của bạn trước, rồi yêu cầu bạn tự dựng gradient từ các lát "
        "cắt, rồi cho một bài tập.",
    ),
    "progress.predicted": T("predicted", "đã dự đoán"),
    "progress.built": T("gradient built", "đã tự dựng gradient"),
    "progress.solved": T("exercise solved", "đã giải bài tập"),
    "progress.skipped": T(
        "Predictions are off for this visit (“Just show me”, or a link with predict=off): every page shows "
        "its answers at once, and the questions, the boxes and the exercise are self-checks.",
        "Phần dự đoán đang tắt trong lần truy cập này (“Cho tôi xem luôn”, hoặc liên kết có predict=off): mọi "
        "trang hiện đáp án ngay, còn các câu hỏi, các ô và bài tập là phần tự kiểm tra.",
    ),
    "progress.download": T("Download my progress (.json)", "Tải tiến độ của tôi (.json)"),
    "progress.download_help": T(
        "Which pages you predicted, built and solved, with today's date and your progress code: a file to hand in.",
        "Những trang bạn đã dự đoán, đã tự dựng và đã giải, kèm ngày hôm nay và mã tiến độ: một tệp để nộp.",
    ),
    "progress.code": T(
        "**Your progress code:** `{code}`. Paste it into the box below on another browser to carry your progress "
        "there.",
        "**Mã tiến độ của bạn:** `{code}`. Dán mã này vào ô bên dưới ở một trình duyệt khác để mang tiến độ sang đó.",
    ),
    "progress.paste": T("Paste a progress code", "Dán mã tiến độ"),
    "progress.restore": T("Restore", "Khôi phục"),
    "progress.restored": T(
        "Restored from a code made on {day}: {n} marks, added to this browser's.",
        "Đã khôi phục từ mã tạo ngày {day}: {n} mục, đã thêm vào tiến độ của trình duyệt này.",
    ),
    "progress.code_empty": T("Paste a code first.", "Hãy dán mã trước."),
    "progress.code_bad": T(
        "{code} is not a progress code, or a character of it is mistyped: a code reads like "
        "JX-049G-2N04-20HE-XMR. Nothing was changed.",
        "{code} không phải là mã tiến độ, hoặc có ký tự bị gõ sai: một mã có dạng JX-049G-2N04-20HE-XMR. "
        "Không có gì thay đổi.",
    ),
    "progress.code_format": T(
        "{code} was written in another format of progress code, which this version of the app does not "
        "read. Nothing was changed.",
        "{code} được viết theo một định dạng mã tiến độ khác mà phiên bản này của ứng dụng không đọc được. "
        "Không có gì thay đổi.",
    ),
    "progress.code_newer": T(
        "{code} comes from a newer version of the app, with marks this one does not know. Nothing was changed.",
        "{code} đến từ một phiên bản mới hơn của ứng dụng, có những mục mà phiên bản này không biết. Không có gì "
        "thay đổi.",
    ),
    "progress.code_long": T(
        "That is too long for a progress code ({n} characters; a code has at most {most}). Nothing was changed.",
        "Chuỗi này quá dài để là mã tiến độ ({n} ký tự; một mã có nhiều nhất {most}). Không có gì thay đổi.",
    ),
}
