"""A worked example's page: its sections, from the inputs to the self-check."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "example.inputs": T("Inputs", "Đầu vào"),
    "example.inputs_hint": T(
        "One slider per element, laid out in the input's own shape.",
        "Mỗi phần tử một thanh trượt, xếp đúng theo chiều của đầu vào.",
    ),
    "example.reset": T("Reset to the starting values", "Đặt lại giá trị ban đầu"),
    "example.wrt": T("Differentiate with respect to", "Lấy đạo hàm theo"),
    "example.wrt_help": T(
        "One source at a time. `g.jacobian(y, [x1, x2])` returns a list, one Jacobian per source, each of "
        "shape y.shape + source.shape — not one big matrix.",
        "Mỗi lần một biến. `g.jacobian(y, [x1, x2])` trả về một danh sách, mỗi biến một Jacobian, chiều "
        "y.shape + chiều của biến đó — không phải một ma trận lớn.",
    ),
    "example.further": T("Going further", "Tìm hiểu thêm"),
    "example.remember": T("What to remember", "Điều cần nhớ"),
    "example.output": T("Output", "Đầu ra"),
    "example.shape_of": T("shape {shape}", "chiều {shape}"),
    "example.jacobian": T("The Jacobian", "Jacobian"),
    "example.jacobian_shape": T(
        "Shape = {y}.shape + {x}.shape: `{ys}` + `{xs}` = **`{js}`**, {n}.",
        "Chiều = {y}.shape + {x}.shape: `{ys}` + `{xs}` = **`{js}`**, gồm {n}.",
    ),
    "example.slices_caption": T(
        "One heatmap per output element {y_i}: its slice ∂{y_i}/∂{x} has the shape of {x}. Hover a cell "
        "to read the partial derivative.",
        "Mỗi phần tử đầu ra {y_i} một bản đồ nhiệt: lát cắt ∂{y_i}/∂{x} có cùng chiều với {x}. Rê chuột "
        "lên một ô để đọc đạo hàm riêng.",
    ),
    "example.slices_in_a_row": T(
        "{y} is a column vector {shape}: its slices stand side by side in one row, {y}[0] first, as they "
        "add up in the sum below. Each keeps the shape of {x}.",
        "{y} là vector cột {shape}: các lát cắt của nó đứng cạnh nhau trên một hàng, {y}[0] trước tiên, như "
        "khi chúng cộng lại trong tổng bên dưới. Mỗi lát giữ chiều của {x}.",
    ),
    "example.flatten": T(
        "Show as a flat ({y}.size × {x}.size) matrix", "Hiện dạng ma trận phẳng ({y}.size × {x}.size)"
    ),
    "example.flat_caption": T(
        "Row r is output element {y}[r] and column c is input element {x}[c], both in row-major order "
        "(`jacobian.reshape({y}.size, {x}.size)`). Flattening as ({x}.size, {y}.size) instead would scramble "
        "it.",
        "Hàng r là phần tử đầu ra {y}[r], cột c là phần tử đầu vào {x}[c], cả hai theo thứ tự hàng "
        "(`jacobian.reshape({y}.size, {x}.size)`). Nếu reshape thành ({x}.size, {y}.size) thì sẽ bị "
        "xáo trộn.",
    ),
    "example.to_gradient": T("From Jacobian to gradient", "Từ Jacobian đến gradient"),
    "example.to_gradient_intro": T(
        "`tape.gradient({y}, {x})` does not return the Jacobian: it adds the slices, one per output "
        "element, weighted by the upstream v (ones by default).",
        "`tape.gradient({y}, {x})` không trả về Jacobian: nó cộng các lát cắt lại, mỗi phần tử đầu ra một "
        "lát, nhân với trọng số upstream v (mặc định là 1).",
    ),
    "example.upstream": T(
        "Set upstream weights v (one per output element)",
        "Đặt trọng số upstream v (mỗi phần tử đầu ra một số)",
    ),
    "example.vjp_note": T(
        "With weights v this sum is the **vector-Jacobian product** vᵀJ = `tape.gradient({y}, {x}, "
        "output_gradients=v)`. v has the output's shape {shape}, not the input's. The plain gradient is "
        "the case v = ones.",
        "Với trọng số v, tổng này là **tích vector–Jacobian** vᵀJ = `tape.gradient({y}, {x}, "
        "output_gradients=v)`. v có chiều của đầu ra {shape}, không phải của đầu vào. Gradient thông "
        "thường là trường hợp v toàn số 1.",
    ),
    "example.sum_vs_tape": T(
        "Sum of slices vs `tape.gradient`: largest difference **{err}**.",
        "Tổng các lát cắt so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "example.tape_gradient": T("tape.gradient", "tape.gradient"),
    "example.own_scale": T("Σ's own scale", "thang riêng của Σ"),
    "example.own_scale_note": T(
        "Σ and `tape.gradient` are drawn on a colour scale of their own ({own}, the second key): on the "
        "slices' ({shared}) they are too small to see, but they are not zero.",
        "Σ và `tape.gradient` được tô theo thang màu riêng ({own}, thang thứ hai): theo thang của các lát "
        "({shared}) chúng quá nhỏ để thấy, nhưng không bằng 0.",
    ),
    "example.round_off_note": T(
        "Numbers under {noise} are float32's round-off, not part of the answer: written 0 here, as in the "
        "pictures (their hover keeps the raw value).",
        "Các số nhỏ hơn {noise} là sai số làm tròn của float32, không thuộc về đáp án: ở đây ghi là 0, như "
        "trong hình (khi rê chuột vẫn thấy giá trị gốc).",
    ),
    "example.tape_returns": T("What `tape.gradient` returns:", "Kết quả `tape.gradient` trả về:"),
    "example.check": T(
        "Is TensorFlow right? Two checks that do not use it",
        "TensorFlow có đúng không? Hai cách kiểm tra không dùng đến nó",
    ),
    "example.check_closed": T(
        "Largest difference from the formula worked out by hand", "Sai khác lớn nhất so với công thức tính tay"
    ),
    "example.check_fd": T(
        "Largest difference from nudging each input by a tiny step and watching the output (finite "
        "differences, in float64)",
        "Sai khác lớn nhất so với cách nhích từng đầu vào một chút rồi xem đầu ra đổi bao nhiêu (sai phân "
        "hữu hạn, tính bằng float64)",
    ),
    "example.check_exact": T(
        "Both differences are 0: the answers agree exactly.",
        "Cả hai sai khác đều bằng 0: các đáp án khớp hoàn toàn.",
    ),
    "example.check_agree": T(
        "The larger difference, {err}, is {rel} of the largest partial derivative ({scale}): float32's "
        "rounding, so the answers agree.",
        "Sai khác lớn hơn, {err}, bằng {rel} lần đạo hàm riêng lớn nhất ({scale}): do làm tròn của float32, nên "
        "các đáp án khớp nhau.",
    ),
    "example.check_differ": T(
        "The larger difference, {err}, is {rel} of the largest partial derivative ({scale}): more than "
        "float32's rounding. Finite differences are off near a kink (relu, abs) or where the function jumps.",
        "Sai khác lớn hơn, {err}, bằng {rel} lần đạo hàm riêng lớn nhất ({scale}): lớn hơn mức làm tròn của "
        "float32. Sai phân hữu hạn lệch gần điểm gãy (relu, abs) hoặc nơi hàm nhảy bậc.",
    ),
    "example.check_nan": T(
        "Finite differences give NaN: a step away from these values the formula is not a real number (the "
        "note above says where). There the tape's number is no derivative either, whatever it reads.",
        "Sai phân hữu hạn cho NaN: lệch một bước khỏi các giá trị này, công thức không còn là số thực (ghi chú "
        "ở trên nói ở đâu). Tại đó con số của tape cũng không phải đạo hàm, dù nó ghi gì.",
    ),
    "example.nonfinite": T(
        "NaN or infinity appears in the result: TensorFlow computed it that way, and so does this page.",
        "Kết quả có NaN hoặc vô cực: TensorFlow tính ra như vậy và trang này hiển thị đúng như thế.",
    ),
    "example.code": T("Reproduce it in TensorFlow", "Tự chạy lại bằng TensorFlow"),
    "example.downloads": T("Download", "Tải xuống"),
    "example.versus": T("vs", "so với"),
    "example.check_switch": T(
        "Check TensorFlow's answer two other ways", "Kiểm tra đáp án của TensorFlow bằng hai cách khác"
    ),
    "example.too_many_outputs": T(
        "{y} has {n} elements, more than the {most} that get upstream sliders: v stays all ones.",
        "{y} có {n} phần tử, nhiều hơn {most} phần tử được có thanh trượt upstream: v giữ toàn số 1.",
    ),
}
