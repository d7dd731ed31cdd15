"""The pitfall lab."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "pitfalls.intro": T(
        "Most wrong answers from `tf.GradientTape` come without an error. Each card below runs a short "
        "snippet that falls into a trap and its fixed twin, live, on this server's TensorFlow {version}, "
        "and shows what each returned.",
        "Phần lớn đáp án sai từ `tf.GradientTape` đến mà không kèm lỗi nào. Mỗi thẻ dưới đây chạy trực "
        "tiếp một đoạn mã rơi vào bẫy và bản đã sửa của nó, trên TensorFlow {version} của máy chủ này, "
        "rồi cho thấy mỗi đoạn trả về gì.",
    ),
    "pitfalls.broken": T("The trap", "Cái bẫy"),
    "pitfalls.fixed": T("The fix", "Cách sửa"),
    "pitfalls.returned": T("returned", "trả về"),
    "pitfalls.reproduces": T(
        "Reproduced on TensorFlow {version}, on this server.",
        "Đã tái hiện trên TensorFlow {version}, trên máy chủ này.",
    ),
    "pitfalls.gone": T(
        "This trap no longer reproduces on TensorFlow {version}: the outputs above are what this version "
        "returns, and the explanation describes older versions.",
        "Cái bẫy này không còn tái hiện trên TensorFlow {version}: kết quả ở trên là những gì phiên bản này "
        "trả về, còn lời giải thích mô tả các phiên bản cũ hơn.",
    ),
    "pitfalls.thread": T("Where learners met it", "Nơi người học gặp nó"),
    "pitfalls.see": T(
        "The same trap on a real network, where it returns zeros: {page}",
        "Cùng cái bẫy trên một mạng thật, nơi nó trả về toàn số 0: {page}",
    ),
}
