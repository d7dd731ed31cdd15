"""The home page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "home.intro": T(
        "A **Jacobian** holds every partial derivative of every output element with respect to every "
        "input element: `tape.jacobian(y, x)` has shape **y.shape + x.shape**. A **gradient** is what "
        "`tape.gradient(y, x)` returns: one number per input element, the Jacobian **summed over the "
        "output elements**. Each page below takes one example from the original notebook, lets you move "
        "every input with a slider, draws each output element's slice of the Jacobian, and shows how the "
        "slices add up to the gradient.",
        "**Jacobian** (ma trận Jacobi) chứa mọi đạo hàm riêng của từng phần tử đầu ra theo từng phần tử "
        "đầu vào: `tape.jacobian(y, x)` có chiều **y.shape + x.shape**. **Gradient** là thứ "
        "`tape.gradient(y, x)` trả về: mỗi phần tử đầu vào một con số, chính là Jacobian **cộng dồn theo "
        "các phần tử đầu ra**. Mỗi trang dưới đây lấy một ví dụ trong notebook gốc, cho bạn kéo thanh "
        "trượt cho từng phần tử đầu vào, vẽ lát cắt Jacobian của từng phần tử đầu ra và cho thấy các lát "
        "cắt cộng lại thành gradient.",
    ),
    "home.start": T(
        "**Where to start:** open *{first}* in the sidebar, then follow the pages in order. Each page "
        "ends with a self-check.",
        "**Bắt đầu từ đâu:** mở *{first}* ở thanh bên rồi đi lần lượt theo thứ tự. Cuối mỗi trang có phần tự kiểm tra.",
    ),
    "home.layout": T(
        "**Layout used here (numerator layout, as TensorFlow):** the output's axes come first, then the "
        "input's. Some textbooks — including *Machine Learning cơ bản*, 'Giải tích ma trận' — write the "
        "gradient of a vector function transposed (denominator layout); to translate, swap the output and "
        "input axes.",
        "**Cách sắp xếp dùng ở đây (numerator layout, giống TensorFlow):** các trục của đầu ra đứng "
        "trước, rồi đến các trục của đầu vào. Một số sách — kể cả *Machine Learning cơ bản*, bài 'Giải "
        "tích ma trận' — viết gradient của hàm vector ở dạng chuyển vị (denominator layout); muốn đổi qua "
        "lại, hoán đổi các trục đầu ra và đầu vào.",
    ),
    "home.glossary": T("Glossary", "Thuật ngữ"),
    "home.glossary_rows": T(
        "| English | Tiếng Việt | In TensorFlow |\n"
        "|---|---|---|\n"
        "| Jacobian (matrix) | Jacobian (ma trận Jacobi) | `tape.jacobian(y, x)` |\n"
        "| partial derivative ∂y/∂x | đạo hàm riêng | one entry of the Jacobian |\n"
        "| gradient | gradient (vector đạo hàm) | `tape.gradient(y, x)` |\n"
        "| upstream weights v | trọng số từ phía sau (upstream) | `output_gradients=v` |\n"
        "| vector-Jacobian product | tích vector–Jacobian (VJP) | what `gradient` computes |\n"
        "| shape | chiều (kích thước) | `.shape` |\n"
        "| element-wise product ⊙ | nhân từng phần tử | `x * x` |\n"
        "| matrix product | nhân ma trận | `tf.matmul(A, B)`, `A @ B` |",
        "| Tiếng Việt | English | Trong TensorFlow |\n"
        "|---|---|---|\n"
        "| Jacobian (ma trận Jacobi) | Jacobian (matrix) | `tape.jacobian(y, x)` |\n"
        "| đạo hàm riêng ∂y/∂x | partial derivative | một phần tử của Jacobian |\n"
        "| gradient (vector đạo hàm) | gradient | `tape.gradient(y, x)` |\n"
        "| trọng số từ phía sau v (upstream) | upstream weights | `output_gradients=v` |\n"
        "| tích vector–Jacobian (VJP) | vector-Jacobian product | thứ mà `gradient` tính |\n"
        "| chiều (kích thước) | shape | `.shape` |\n"
        "| nhân từng phần tử ⊙ | element-wise product | `x * x` |\n"
        "| nhân ma trận | matrix product | `tf.matmul(A, B)`, `A @ B` |",
    ),
}
