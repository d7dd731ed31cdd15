"""The playground: a formula typed by the reader."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "playground.intro": T(
        "Type a formula over named tensors, give each input a shape, and see every view an example page "
        "has. Allowed: numbers, names, + - * / ** @ (matrix product), unary minus, parentheses, the "
        "functions {functions}, indexing such as `x[0]` or `W[:, 1]`, and the constants `pi` and `e`. {along} take an "
        "axis, as in numpy and TensorFlow: `softmax(x, axis=0)`. The text is parsed, never run as Python.",
        "Gõ một công thức trên các tensor có tên, đặt chiều cho từng đầu vào, và xem mọi góc nhìn như ở "
        "trang ví dụ. Được dùng: số, tên, + - * / ** @ (nhân ma trận), dấu trừ, ngoặc, các hàm {functions}, "
        "chỉ số như `x[0]` hay `W[:, 1]`, và các hằng `pi`, `e`. {along} nhận `axis`, như trong numpy và "
        "TensorFlow: `softmax(x, axis=0)`. Văn bản chỉ được phân tích cú pháp, không bao giờ chạy như mã Python.",
    ),
    "playground.expression": T(
        "Formula (its output is y, or z when an input is y)", "Công thức (đầu ra là y, hoặc z nếu có đầu vào tên y)"
    ),
    "playground.shape": T("shape of {name}", "chiều của {name}"),
    "playground.shape_help": T(
        "Comma-separated lengths: 3,2 is a matrix, 3 a vector, empty a scalar.",
        "Các độ dài cách nhau bởi dấu phẩy: 3,2 là ma trận, 3 là vector, để trống là số vô hướng.",
    ),
    "playground.bad_shape": T(
        "The shape of {name}, {text}, is not usable: write up to {axes} whole numbers from 1 to {most}, "
        "with at most {elements} elements in all (like 3,2).",
        "Chiều của {name}, {text}, không dùng được: hãy viết tối đa {axes} số nguyên từ 1 đến {most}, "
        "tổng cộng không quá {elements} phần tử (ví dụ 3,2).",
    ),
    "playground.random": T("Random fill", "Điền ngẫu nhiên"),
    "playground.seed": T("Random seed", "Hạt giống ngẫu nhiên"),
    "playground.too_many_sliders": T(
        "{name} has {n} elements: too many for sliders, so its values are drawn at random (seed {seed}).",
        "{name} có {n} phần tử: quá nhiều để làm thanh trượt, nên giá trị được lấy ngẫu nhiên (hạt giống {seed}).",
    ),
    "playground.page_full": T(
        "{name}: the page already has {most} sliders, as many as one page moves quickly, so its values are "
        "drawn at random (seed {seed}).",
        "{name}: trang đã có {most} thanh trượt, nhiều nhất mà một trang còn phản hồi nhanh, nên giá trị của nó "
        "được lấy ngẫu nhiên (hạt giống {seed}).",
    ),
    "playground.too_large": T(
        "The Jacobian would have {size} elements; the playground stops at {limit}. Make the inputs smaller.",
        "Jacobian sẽ có {size} phần tử; sân chơi giới hạn ở {limit}. Hãy giảm kích thước đầu vào.",
    ),
    "playground.question": T(
        "Your formula: how does each output element depend on each input element?",
        "Công thức của bạn: mỗi phần tử đầu ra phụ thuộc thế nào vào từng phần tử đầu vào?",
    ),
    "playground.insight": T(
        "Each panel is one output element's slice: where it is zero, a small change of that input element "
        "does not move that output element, at these values. `tape.gradient` adds the slices up: `{gradient}`.",
        "Mỗi ô là lát cắt của một phần tử đầu ra: chỗ nào bằng 0 thì, tại các giá trị này, một thay đổi nhỏ "
        "của phần tử đầu vào đó không làm phần tử đầu ra đó thay đổi. `tape.gradient` cộng các lát cắt lại: "
        "`{gradient}`.",
    ),
    "playground.no_closed_form": T(
        "No closed form for a typed formula: finite differences are the oracle.",
        "Công thức tự gõ không có dạng đóng: sai phân hữu hạn là phép kiểm tra.",
    ),
}
