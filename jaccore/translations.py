"""Every sentence a reader sees, in English and Vietnamese, chosen per session (never globally)."""

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


T = Text
UI = {
    # Navigation and home
    "app_title": T("Jacobian Explorer", "Khám phá ma trận Jacobi"),
    "language": T("Language · Ngôn ngữ", "Ngôn ngữ · Language"),
    "home": T("Home", "Trang chủ"),
    "loading_tf": T("Loading TensorFlow (a few seconds, once)…", "Đang tải TensorFlow (vài giây, chỉ lần đầu)…"),
    "section_examples": T("Worked examples", "Ví dụ có lời giải"),
    "section_beyond": T("Beyond the notebook", "Mở rộng"),
    "home_intro": T(
        "A **Jacobian** holds every partial derivative of every output element with respect to every "
        "input element: `tape.jacobian(y, x)` has shape **y.shape + x.shape**. A **gradient** is what "
        "`tape.gradient(y, x)` returns: one number per input element, the Jacobian **summed over the "
        "output elements**. Each page below takes one example from the original notebook, lets you move "
        "every input with a slider, draws each output element's slice of the Jacobian, and shows how the "
        "slices add up to the gradient.",
        "**Ma trận Jacobi** (Jacobian) chứa mọi đạo hàm riêng của từng phần tử đầu ra theo từng phần tử "
        "đầu vào: `tape.jacobian(y, x)` có chiều **y.shape + x.shape**. **Gradient** là thứ "
        "`tape.gradient(y, x)` trả về: mỗi phần tử đầu vào một con số, chính là Jacobian **cộng dồn theo "
        "các phần tử đầu ra**. Mỗi trang dưới đây lấy một ví dụ trong notebook gốc, cho bạn kéo thanh "
        "trượt cho từng phần tử đầu vào, vẽ lát cắt Jacobian của từng phần tử đầu ra và cho thấy các lát "
        "cắt cộng lại thành gradient.",
    ),
    "home_start": T(
        "**Where to start:** open *{first}* in the sidebar, then follow the pages in order. "
        "Each page ends with a self-check.",
        "**Bắt đầu từ đâu:** mở *{first}* ở thanh bên rồi đi lần lượt theo thứ tự. Cuối mỗi trang có phần tự kiểm tra.",
    ),
    "home_layout": T(
        "**Layout used here (numerator layout, as TensorFlow):** the output's axes come first, then the "
        "input's. Some textbooks — including *Machine Learning cơ bản*, 'Giải tích ma trận' — write the "
        "gradient of a vector function transposed (denominator layout); to translate, swap the output and "
        "input axes.",
        "**Cách sắp xếp dùng ở đây (numerator layout, giống TensorFlow):** các trục của đầu ra đứng trước, "
        "rồi đến các trục của đầu vào. Một số sách — kể cả *Machine Learning cơ bản*, bài 'Giải tích ma "
        "trận' — viết gradient của hàm vector ở dạng chuyển vị (denominator layout); muốn đổi qua lại, "
        "hoán đổi các trục đầu ra và đầu vào.",
    ),
    "glossary": T("Glossary", "Thuật ngữ"),
    "glossary_rows": T(
        "| English | Tiếng Việt | In TensorFlow |\n|---|---|---|\n"
        "| Jacobian (matrix) | ma trận Jacobi | `tape.jacobian(y, x)` |\n"
        "| partial derivative ∂y/∂x | đạo hàm riêng | one entry of the Jacobian |\n"
        "| gradient | gradient (véc-tơ đạo hàm) | `tape.gradient(y, x)` |\n"
        "| upstream weights v | trọng số từ phía sau (upstream) | `output_gradients=v` |\n"
        "| vector-Jacobian product | tích véc-tơ–Jacobian (VJP) | what `gradient` computes |\n"
        "| shape | chiều (kích thước) | `.shape` |\n"
        "| element-wise product ⊙ | nhân từng phần tử | `x * x` |\n"
        "| matrix product | nhân ma trận | `tf.matmul(A, B)`, `A @ B` |",
        "| Tiếng Việt | English | Trong TensorFlow |\n|---|---|---|\n"
        "| ma trận Jacobi | Jacobian (matrix) | `tape.jacobian(y, x)` |\n"
        "| đạo hàm riêng ∂y/∂x | partial derivative | một phần tử của Jacobian |\n"
        "| gradient (véc-tơ đạo hàm) | gradient | `tape.gradient(y, x)` |\n"
        "| trọng số từ phía sau v (upstream) | upstream weights | `output_gradients=v` |\n"
        "| tích véc-tơ–Jacobian (VJP) | vector-Jacobian product | thứ mà `gradient` tính |\n"
        "| chiều (kích thước) | shape | `.shape` |\n"
        "| nhân từng phần tử ⊙ | element-wise product | `x * x` |\n"
        "| nhân ma trận | matrix product | `tf.matmul(A, B)`, `A @ B` |",
    ),
    # Example page sections
    "inputs": T("Inputs", "Đầu vào"),
    "inputs_hint": T(
        "One slider per element, laid out in the input's own shape.",
        "Mỗi phần tử một thanh trượt, xếp đúng theo chiều của đầu vào.",
    ),
    "reset": T("Reset to the starting values", "Đặt lại giá trị ban đầu"),
    "wrt": T("Differentiate with respect to", "Lấy đạo hàm theo"),
    "wrt_help": T(
        "One source at a time. `g.jacobian(y, [x1, x2])` returns a list, one Jacobian per source, each of shape "
        "y.shape + source.shape — not one big matrix.",
        "Mỗi lần một biến. `g.jacobian(y, [x1, x2])` trả về một danh sách, mỗi biến một Jacobian, chiều "
        "y.shape + chiều của biến đó — không phải một ma trận lớn.",
    ),
    "output": T("Output", "Đầu ra"),
    "shape_of": T("shape {shape}", "chiều {shape}"),
    "jacobian": T("The Jacobian", "Ma trận Jacobi"),
    "jacobian_shape": T(
        "Shape = y.shape + x.shape: `{y}` + `{x}` = **`{j}`**, {n} partial derivatives.",
        "Chiều = y.shape + x.shape: `{y}` + `{x}` = **`{j}`**, gồm {n} đạo hàm riêng.",
    ),
    "slices_caption": T(
        "One heatmap per output element {y}[i]: its slice ∂{y}[i]/∂{x} has the shape of {x}. "
        "Hover a cell to read the partial derivative.",
        "Mỗi phần tử đầu ra {y}[i] một bản đồ nhiệt: lát cắt ∂{y}[i]/∂{x} có cùng chiều với {x}. "
        "Rê chuột lên một ô để đọc đạo hàm riêng.",
    ),
    "flatten": T("Show as a flat (y.size × x.size) matrix", "Hiện dạng ma trận phẳng (y.size × x.size)"),
    "flat_caption": T(
        "Row r is output element {y}[r] and column c is input element {x}[c], both in row-major order "
        "(`jacobian.reshape(y.size, x.size)`). Flattening as (x.size, y.size) instead would scramble it.",
        "Hàng r là phần tử đầu ra {y}[r], cột c là phần tử đầu vào {x}[c], cả hai theo thứ tự hàng "
        "(`jacobian.reshape(y.size, x.size)`). Nếu reshape thành (x.size, y.size) thì sẽ bị xáo trộn.",
    ),
    "to_gradient": T("From Jacobian to gradient", "Từ Jacobian đến gradient"),
    "to_gradient_intro": T(
        "`tape.gradient({y}, {x})` does not return the Jacobian: it adds the slices, one per output "
        "element, weighted by the upstream v (ones by default).",
        "`tape.gradient({y}, {x})` không trả về Jacobian: nó cộng các lát cắt lại, mỗi phần tử đầu ra một "
        "lát, nhân với trọng số upstream v (mặc định là 1).",
    ),
    "upstream": T(
        "Set upstream weights v (one per output element)", "Đặt trọng số upstream v (mỗi phần tử đầu ra một số)"
    ),
    "vjp_note": T(
        "With weights v this sum is the **vector-Jacobian product** vᵀJ = "
        "`tape.gradient({y}, {x}, output_gradients=v)`. v has the output's shape {shape}, not the "
        "input's. The plain gradient is the case v = ones.",
        "Với trọng số v, tổng này là **tích véc-tơ–Jacobian** vᵀJ = "
        "`tape.gradient({y}, {x}, output_gradients=v)`. v có chiều của đầu ra {shape}, không phải của đầu "
        "vào. Gradient thông thường là trường hợp v toàn số 1.",
    ),
    "sum_vs_tape": T(
        "Sum of slices vs `tape.gradient`: largest difference **{err}**.",
        "Tổng các lát cắt so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "tape_gradient": T("tape.gradient", "tape.gradient"),
    "heatmap": T("Heatmap: {panels}", "Bản đồ nhiệt: {panels}"),
    "tape_returns": T("What `tape.gradient` returns:", "Kết quả `tape.gradient` trả về:"),
    "check": T("Check against independent oracles", "Kiểm tra với các cách tính độc lập"),
    "check_closed": T("Autodiff vs closed form", "Tự động vi phân so với công thức"),
    "check_fd": T("Autodiff vs finite differences (float64)", "Tự động vi phân so với sai phân hữu hạn (float64)"),
    "check_help": T(
        "Largest |difference| over all entries. Float32 autodiff agrees to about 1e-6 relative.",
        "Giá trị |sai khác| lớn nhất trên mọi phần tử. Autodiff float32 khớp cỡ 1e-6 tương đối.",
    ),
    "nonfinite": T(
        "NaN or infinity appears in the result: TensorFlow computed it that way, and so does this page.",
        "Kết quả có NaN hoặc vô cực: TensorFlow tính ra như vậy và trang này hiển thị đúng như thế.",
    ),
    "code": T("Reproduce it in TensorFlow", "Tự chạy lại bằng TensorFlow"),
    "downloads": T("Download", "Tải xuống"),
    "self_check": T("Self-check", "Tự kiểm tra"),
    "q_shape": T("What shape will `g.jacobian({y}, {x})` have?", "`g.jacobian({y}, {x})` sẽ có chiều thế nào?"),
    "q_gradient": T("What will `g.gradient({y}, {x})` return?", "`g.gradient({y}, {x})` sẽ trả về gì?"),
    "answer": T("Check my answer", "Kiểm tra đáp án"),
    "pick": T("Pick an answer", "Chọn một đáp án"),
    "right": T("Right.", "Đúng."),
    "wrong": T("Not quite.", "Chưa đúng."),
    "why_shape": T(
        "The Jacobian lists the output's axes first, then the input's: {y} {ys} + {x} {xs} = {js}.",
        "Jacobian liệt kê các trục của đầu ra trước, rồi đến các trục của đầu vào: {y} {ys} + {x} {xs} = {js}.",
    ),
    "why_gradient": T(
        "The gradient has the input's shape: each entry is the sum over all output elements of "
        "∂{y}[i]/∂{x}[k] — the Jacobian's slices added together.",
        "Gradient có chiều của đầu vào: mỗi phần tử là tổng theo mọi phần tử đầu ra của "
        "∂{y}[i]/∂{x}[k] — các lát cắt của Jacobian cộng lại.",
    ),
    "opt_transposed": T("{s} (input axes first)", "{s} (trục đầu vào trước)"),
    "opt_output_shape": T("{s} (the output's shape)", "{s} (chiều của đầu ra)"),
    "opt_input_shape": T("{s} (the input's shape)", "{s} (chiều của đầu vào)"),
    "opt_full": T("{s} (output + input)", "{s} (đầu ra + đầu vào)"),
    "opt_sum": T(
        "an array shaped like {x}, {xs}: the slices ∂{y}[i]/∂{x} added up",
        "một mảng cùng chiều với {x}, {xs}: tổng các lát cắt ∂{y}[i]/∂{x}",
    ),
    "opt_jacobian": T("the whole Jacobian, shape {s}", "toàn bộ Jacobian, chiều {s}"),
    "opt_output": T("the output {y} itself, shape {s}", "chính đầu ra {y}, chiều {s}"),
    "opt_one_slice": T("only the first slice, ∂{first}/∂{x}", "chỉ lát cắt đầu tiên, ∂{first}/∂{x}"),
    # Errors and notes
    "bad_url": T(
        "The link set {key} = “{value}”, which is not a number between {lo} and {hi}; the default {default} is used.",
        "Đường dẫn đặt {key} = “{value}”, không phải một số trong khoảng {lo} đến {hi}; "
        "dùng giá trị mặc định {default}.",
    ),
    "bad_choice": T(
        "The link set {key} = “{value}”, which is not one of: {options}; the default is used.",
        "Đường dẫn đặt {key} = “{value}”, không thuộc các lựa chọn: {options}; dùng giá trị mặc định.",
    ),
    "bad_input": T("This input cannot be used: {reason}", "Không dùng được đầu vào này: {reason}"),
    # Figures
    "hover_entry": T("∂{y}[{i}]/∂{x}[{k}] = {v}", "∂{y}[{i}]/∂{x}[{k}] = {v}"),
    "slice_title": T("∂{y}[{i}]/∂{x}", "∂{y}[{i}]/∂{x}"),
    "gradient_title": T("gradient", "gradient"),
    "weighted": T("v={w} ×", "v={w} ×"),
    "flat_rows": T("output element", "phần tử đầu ra"),
    "flat_cols": T("input element", "phần tử đầu vào"),
}

LESSON = {
    "intro": T(
        "Lay the Jacobian flat: one **row** per output element, one **column** per input element. Column k "
        "holds every ∂y[i]/∂x[k] — every way the input element x[k] moves some output. Add each column up "
        "and you get the gradient: exactly what `tape.gradient` returns. Pick any example, move the sliders, "
        "and watch the column sums follow.",
        "Trải Jacobian ra thành ma trận phẳng: mỗi **hàng** là một phần tử đầu ra, mỗi **cột** là một phần "
        "tử đầu vào. Cột k chứa mọi ∂y[i]/∂x[k] — mọi cách mà phần tử x[k] ảnh hưởng tới các đầu ra. Cộng "
        "từng cột lại, ta được gradient: đúng thứ mà `tape.gradient` trả về. Hãy chọn một ví dụ, kéo thanh "
        "trượt và xem tổng các cột thay đổi theo.",
    ),
    "pick": T("Example", "Ví dụ"),
    "column_sums": T("column sums", "tổng từng cột"),
    "why": T(
        "Each column sum is Σᵢ ∂{y}[i]/∂{x}[k]: the partial derivatives of all output elements with respect "
        "to the same input element. That is the derivative of sum({y}) — which is why `tape.gradient` of a "
        "non-scalar {y} has {x}'s shape and not the Jacobian's.",
        "Mỗi tổng cột là Σᵢ ∂{y}[i]/∂{x}[k]: các đạo hàm riêng của mọi phần tử đầu ra theo cùng một phần tử "
        "đầu vào. Đó là đạo hàm của sum({y}) — vì vậy `tape.gradient` của {y} không phải số vô hướng có "
        "chiều của {x}, không phải chiều của Jacobian.",
    ),
}

PLAYGROUND = {
    "intro": T(
        "Type a formula over named tensors, give each input a shape, and see every view an example page "
        "has. Allowed: numbers, names, + - * / ** @ (matrix product), unary minus, parentheses, and {functions}. "
        "sum and mean take an axis: sum(x, axis=0). The text is parsed, never run as Python.",
        "Gõ một công thức trên các tensor có tên, đặt chiều cho từng đầu vào, và xem mọi góc nhìn như ở trang "
        "ví dụ. Được dùng: số, tên, + - * / ** @ (nhân ma trận), dấu trừ, ngoặc, và {functions}. sum và mean "
        "nhận axis: sum(x, axis=0). Văn bản chỉ được phân tích cú pháp, không bao giờ chạy như mã Python.",
    ),
    "expression": T("Expression y =", "Biểu thức y ="),
    "shape": T("shape of {name}", "chiều của {name}"),
    "shape_help": T(
        "Comma-separated lengths: 3,2 is a matrix, 3 a vector, empty a scalar.",
        "Các độ dài cách nhau bởi dấu phẩy: 3,2 là ma trận, 3 là véc-tơ, để trống là số vô hướng.",
    ),
    "bad_shape": T(
        "The shape of {name}, “{text}”, is not usable: write up to {axes} whole numbers from 1 to {most}, "
        "with at most {elements} elements in all (like 3,2).",
        "Chiều của {name}, “{text}”, không dùng được: hãy viết tối đa {axes} số nguyên từ 1 đến {most}, "
        "tổng cộng không quá {elements} phần tử (ví dụ 3,2).",
    ),
    "random": T("Random fill", "Điền ngẫu nhiên"),
    "seed": T("Random seed", "Hạt giống ngẫu nhiên"),
    "too_many_sliders": T(
        "{name} has {n} elements: too many for sliders, so its values are drawn at random (seed {seed}).",
        "{name} có {n} phần tử: quá nhiều để làm thanh trượt, nên giá trị được lấy ngẫu nhiên (hạt giống {seed}).",
    ),
    "too_large": T(
        "The Jacobian would have {size:,} elements; the playground stops at {limit:,}. Make the inputs smaller.",
        "Jacobian sẽ có {size:,} phần tử; sân chơi giới hạn ở {limit:,}. Hãy giảm kích thước đầu vào.",
    ),
    "question": T(
        "Your formula: how does each output element depend on each input element?",
        "Công thức của bạn: mỗi phần tử đầu ra phụ thuộc thế nào vào từng phần tử đầu vào?",
    ),
    "insight": T(
        "Each panel is one output element's slice: where it is zero, that input element does not reach that "
        "output element.",
        "Mỗi ô là lát cắt của một phần tử đầu ra: chỗ nào bằng 0 thì phần tử đầu vào đó không ảnh hưởng tới "
        "phần tử đầu ra đó.",
    ),
    "no_closed_form": T(
        "No closed form for a typed formula: finite differences are the oracle.",
        "Công thức tự gõ không có dạng đóng: sai phân hữu hạn là phép kiểm tra.",
    ),
}

BATCH = {
    "intro": T(
        "A layer applied to a batch x of shape (B, n_in) gives y of shape (B, n_out). Its full Jacobian "
        "`tape.jacobian(y, x)` has shape (B, n_out, B, n_in): every sample against every other. "
        "`tape.batch_jacobian(y, x)` has shape (B, n_out, n_in): one block per sample. It is computed as if "
        "the samples were independent — for sample b it adds up the whole column of blocks ∂y[c]/∂x[b] over "
        "the output samples c — so it equals the diagonal block ∂y[b]/∂x[b] only when the others are zero.",
        "Một lớp áp dụng lên batch x có chiều (B, n_in) cho ra y có chiều (B, n_out). Jacobian đầy đủ "
        "`tape.jacobian(y, x)` có chiều (B, n_out, B, n_in): mọi mẫu so với mọi mẫu khác. "
        "`tape.batch_jacobian(y, x)` có chiều (B, n_out, n_in): mỗi mẫu một khối. Nó được tính như thể các mẫu "
        "độc lập — với mẫu b, nó cộng cả cột khối ∂y[c]/∂x[b] theo các mẫu đầu ra c — nên chỉ bằng khối đường "
        "chéo ∂y[b]/∂x[b] khi các khối còn lại bằng 0.",
    ),
    "couple": T(
        "Couple the samples: subtract the batch mean (as batch normalisation does)",
        "Liên kết các mẫu: trừ trung bình của batch (như batch normalization)",
    ),
    "full": T(
        "Full Jacobian: a B×B grid of (n_out × n_in) blocks ∂y[b]/∂x[c]; the diagonal outlined",
        "Jacobian đầy đủ: lưới B×B các khối (n_out × n_in) ∂y[b]/∂x[c]; đường chéo được viền",
    ),
    "diagonal": T("What `tape.batch_jacobian(y, x)` returns", "Kết quả `tape.batch_jacobian(y, x)`"),
    "lost": T("Off-diagonal share (norm)", "Phần ngoài đường chéo (chuẩn)"),
    "lost_max": T("Largest off-diagonal entry", "Phần tử ngoài đường chéo lớn nhất"),
    "gradient_gap": T("batch_jacobian − diagonal", "batch_jacobian − đường chéo"),
    "gap_help": T(
        "Largest difference between what batch_jacobian returns and the true per-sample blocks ∂y[b]/∂x[b]: "
        "zero for independent samples; with coupling, the off-diagonal blocks it added in.",
        "Sai khác lớn nhất giữa kết quả batch_jacobian và các khối đúng của từng mẫu ∂y[b]/∂x[b]: bằng 0 khi "
        "các mẫu độc lập; khi có liên kết, đó là các khối ngoài đường chéo đã bị cộng vào.",
    ),
    "sizes": T("How big is a full Jacobian?", "Jacobian đầy đủ lớn cỡ nào?"),
    "batch": T("batch N", "batch N"),
    "size_table": T(
        "| | entries | float32 |\n|---|---|---|\n| full Jacobian (N, n_out, N, n_in) | {full:,} | {full_bytes} |\n"
        "| gradient (N, n_in) | {grad:,} | {grad_bytes} |",
        "| | số phần tử | float32 |\n|---|---|---|\n| Jacobian đầy đủ (N, n_out, N, n_in) | {full:,} | {full_bytes} |\n"
        "| gradient (N, n_in) | {grad:,} | {grad_bytes} |",
    ),
    "why_vjp": T(
        "That is why frameworks never form the Jacobian during training: `tape.gradient` computes the "
        "vector-Jacobian product vᵀJ directly, layer by layer, at about the cost of the forward pass.",
        "Vì vậy khi huấn luyện, các framework không bao giờ tạo Jacobian: `tape.gradient` tính trực tiếp tích "
        "véc-tơ–Jacobian vᵀJ, từng lớp một, với chi phí cỡ một lượt tính xuôi.",
    ),
}

CHAIN = {
    "intro": T(
        "For y = g(f(x)) the Jacobians multiply: J = J_g · J_f, a tensordot over f's axes. Reverse mode "
        "(what `tape.gradient` does) multiplies from the left instead, (vᵀJ_g)·J_f, and never forms J.",
        "Với y = g(f(x)), các Jacobian nhân với nhau: J = J_g · J_f, một phép tensordot theo các trục của f. "
        "Chế độ ngược (thứ `tape.gradient` làm) nhân từ bên trái, (vᵀJ_g)·J_f, và không bao giờ tạo ra J.",
    ),
    "pick": T("Composition", "Hàm hợp"),
    "inner": T("Inner function f", "Hàm trong f"),
    "outer": T("Outer function g, fed with {via} = f", "Hàm ngoài g, với {via} = f"),
    "j_f": T("J_f = ∂f/∂{x}, shape {s}", "J_f = ∂f/∂{x}, chiều {s}"),
    "j_g": T("J_g = ∂y/∂f, shape {s}", "J_g = ∂y/∂f, chiều {s}"),
    "j": T("J = J_g · J_f = ∂y/∂{x}, shape {s}", "J = J_g · J_f = ∂y/∂{x}, chiều {s}"),
    "agree": T(
        "J_g · J_f against `tape.jacobian` of the composition: largest difference **{err}**.",
        "J_g · J_f so với `tape.jacobian` của hàm hợp: sai khác lớn nhất **{err}**.",
    ),
    "reverse": T(
        "(vᵀJ_g)·J_f with v = ones against `tape.gradient`: largest difference **{err}**.",
        "(vᵀJ_g)·J_f với v toàn 1 so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "cost": T(
        "| order | multiply-adds for these shapes |\n|---|---|\n| form J = J_g·J_f, then vᵀJ | {forward:,} |\n"
        "| reverse mode (vᵀJ_g)·J_f | {reverse:,} |",
        "| thứ tự | số phép nhân-cộng với các chiều này |\n|---|---|\n| tạo J = J_g·J_f rồi vᵀJ | {forward:,} |\n"
        "| chế độ ngược (vᵀJ_g)·J_f | {reverse:,} |",
    ),
}
