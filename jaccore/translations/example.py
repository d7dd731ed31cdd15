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
    "example.output": T("Output", "Đầu ra"),
    "example.shape_of": T("shape {shape}", "chiều {shape}"),
    "example.jacobian": T("The Jacobian", "Ma trận Jacobi"),
    "example.jacobian_shape": T(
        "Shape = {y}.shape + {x}.shape: `{ys}` + `{xs}` = **`{js}`**, {n} partial derivatives.",
        "Chiều = {y}.shape + {x}.shape: `{ys}` + `{xs}` = **`{js}`**, gồm {n} đạo hàm riêng.",
    ),
    "example.slices_caption": T(
        "One heatmap per output element {y}[i]: its slice ∂{y}[i]/∂{x} has the shape of {x}. Hover a cell "
        "to read the partial derivative.",
        "Mỗi phần tử đầu ra {y}[i] một bản đồ nhiệt: lát cắt ∂{y}[i]/∂{x} có cùng chiều với {x}. Rê chuột "
        "lên một ô để đọc đạo hàm riêng.",
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
        "Với trọng số v, tổng này là **tích véc-tơ–Jacobian** vᵀJ = `tape.gradient({y}, {x}, "
        "output_gradients=v)`. v có chiều của đầu ra {shape}, không phải của đầu vào. Gradient thông "
        "thường là trường hợp v toàn số 1.",
    ),
    "example.sum_vs_tape": T(
        "Sum of slices vs `tape.gradient`: largest difference **{err}**.",
        "Tổng các lát cắt so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "example.tape_gradient": T("tape.gradient", "tape.gradient"),
    "example.tape_returns": T("What `tape.gradient` returns:", "Kết quả `tape.gradient` trả về:"),
    "example.check": T("Check against independent oracles", "Kiểm tra với các cách tính độc lập"),
    "example.check_closed": T("Autodiff vs closed form", "Tự động vi phân so với công thức"),
    "example.check_fd": T(
        "Autodiff vs finite differences (float64)",
        "Tự động vi phân so với sai phân hữu hạn (float64)",
    ),
    "example.check_help": T(
        "Largest |difference| over all entries. Float32 autodiff agrees to about 1e-6 relative.",
        "Giá trị |sai khác| lớn nhất trên mọi phần tử. Autodiff float32 khớp cỡ 1e-6 tương đối.",
    ),
    "example.nonfinite": T(
        "NaN or infinity appears in the result: TensorFlow computed it that way, and so does this page.",
        "Kết quả có NaN hoặc vô cực: TensorFlow tính ra như vậy và trang này hiển thị đúng như thế.",
    ),
    "example.code": T("Reproduce it in TensorFlow", "Tự chạy lại bằng TensorFlow"),
    "example.downloads": T("Download", "Tải xuống"),
    "quiz.title": T("Self-check", "Tự kiểm tra"),
    "quiz.q_shape": T("What shape will `g.jacobian({y}, {x})` have?", "`g.jacobian({y}, {x})` sẽ có chiều thế nào?"),
    "quiz.q_gradient": T("What will `g.gradient({y}, {x})` return?", "`g.gradient({y}, {x})` sẽ trả về gì?"),
    "quiz.right": T("Right.", "Đúng."),
    "quiz.wrong": T("Not quite.", "Chưa đúng."),
    "quiz.why_shape": T(
        "The Jacobian lists the output's axes first, then the input's: {y} {ys} + {x} {xs} = {js}.",
        "Jacobian liệt kê các trục của đầu ra trước, rồi đến các trục của đầu vào: {y} {ys} + {x} {xs} = {js}.",
    ),
    "quiz.why_gradient": T(
        "The gradient has the input's shape: each entry is the sum over all output elements of "
        "∂{y}[i]/∂{x}[k] — the Jacobian's slices added together.",
        "Gradient có chiều của đầu vào: mỗi phần tử là tổng theo mọi phần tử đầu ra của ∂{y}[i]/∂{x}[k] — "
        "các lát cắt của Jacobian cộng lại.",
    ),
    "quiz.opt_full": T("{s} (output + input)", "{s} (đầu ra + đầu vào)"),
    "quiz.opt_transposed": T("{s} (input axes first)", "{s} (trục đầu vào trước)"),
    "quiz.opt_output_shape": T("{s} (the output's shape)", "{s} (chiều của đầu ra)"),
    "quiz.opt_input_shape": T("{s} (the input's shape)", "{s} (chiều của đầu vào)"),
    "quiz.opt_sum": T(
        "an array shaped like {x}, {xs}: the slices ∂{y}[i]/∂{x} added up",
        "một mảng cùng chiều với {x}, {xs}: tổng các lát cắt ∂{y}[i]/∂{x}",
    ),
    "quiz.opt_jacobian": T("the whole Jacobian, shape {s}", "toàn bộ Jacobian, chiều {s}"),
    "quiz.opt_output": T("the output {y} itself, shape {s}", "chính đầu ra {y}, chiều {s}"),
    "quiz.opt_one_slice": T("only the first slice, ∂{first}/∂{x}", "chỉ lát cắt đầu tiên, ∂{first}/∂{x}"),
    "example.check_switch": T(
        "Check against the closed form and finite differences", "Kiểm tra với công thức và sai phân hữu hạn"
    ),
    "example.too_many_outputs": T(
        "{y} has {n} elements, more than the {most} that get upstream sliders: v stays all ones.",
        "{y} có {n} phần tử, nhiều hơn {most} phần tử được có thanh trượt upstream: v giữ toàn số 1.",
    ),
}
