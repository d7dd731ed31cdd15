"""The graded exercise of the worked examples."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "exercise.title": T("Exercise: partial derivatives by hand", "Bài tập: tự tính đạo hàm riêng"),
    "exercise.intro": T(
        "At the inputs the sliders hold now, {inputs}, work each partial derivative out and type it in (a "
        "decimal point or a comma, as you like); move a slider and the boxes are graded at the new values. "
        "TensorFlow keeps `{entry}` at `{at}`: every axis of `{y}`, then every axis of `{x}`.",
        "Tại các giá trị thanh trượt đang giữ, {inputs}, hãy tự tính từng đạo hàm riêng rồi nhập vào (dùng dấu "
        "chấm hay dấu phẩy đều được); kéo thanh trượt thì các ô được chấm lại theo giá trị mới. TensorFlow lưu "
        "`{entry}` ở `{at}`: mọi trục của `{y}`, rồi mọi trục của `{x}`.",
    ),
    "exercise.hint": T(
        "Look at the slice `∂{yi}/∂{x}` in the Jacobian above, at the cell of `{xk}`.",
        "Hãy xem lát cắt `∂{yi}/∂{x}` trong Jacobian ở trên, tại ô của `{xk}`.",
    ),
    "exercise.check": T("Check", "Kiểm tra"),
    "exercise.right": T("✓ right", "✓ đúng"),
    "exercise.wrong": T("✗ not right", "✗ chưa đúng"),
    "exercise.blank": T("– no answer yet", "– chưa trả lời"),
    "exercise.not_a_number": T("✗ {text} is not a number", "✗ {text} không phải là một số"),
    "exercise.reveal": T("Show the right values", "Hiện đáp án đúng"),
    "exercise.answer": T("the right value is {value}", "đáp án đúng là {value}"),
    "exercise.score": T("{right} of {n} right.", "Đúng {right} trên {n}."),
    "exercise.solved": T("All {n} right: solved.", "Đúng cả {n}: hoàn thành."),
}
