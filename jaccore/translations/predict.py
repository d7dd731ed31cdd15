"""Predict, then see: the questions a worked example asks first, what each answer means, the graded
exercise, and the progress on the home page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "predict.title": T("Predict first", "Dự đoán trước"),
    "predict.intro": T(
        "Before the page shows the Jacobian and the gradient, say what you expect. The sliders are "
        "free again once you have answered the three questions.",
        "Trước khi trang hiện Jacobian và gradient, hãy dự đoán. Các thanh trượt sẽ mở lại khi bạn trả "
        "lời xong ba câu hỏi.",
    ),
    "predict.hidden": T(
        "The output, the Jacobian and the gradient appear here once you have answered the questions below.",
        "Đầu ra, Jacobian và gradient sẽ hiện ở đây khi bạn trả lời xong các câu hỏi bên dưới.",
    ),
    "predict.skip": T("Just show me", "Cho tôi xem luôn"),
    "predict.skip_help": T(
        "Skips the predictions on every page for the rest of this visit.",
        "Bỏ qua phần dự đoán ở mọi trang trong suốt lần truy cập này.",
    ),
    "predict.recap": T("Your predictions", "Dự đoán của bạn"),
    "predict.q_jacobian": T(
        "`{y}` has shape {ys} and `{x}` has shape {xs}. What shape will `g.jacobian({y}, {x})` have?",
        "`{y}` có chiều {ys} và `{x}` có chiều {xs}. `g.jacobian({y}, {x})` sẽ có chiều thế nào?",
    ),
    "predict.q_gradient": T(
        "What shape will `g.gradient({y}, {x})` have?", "`g.gradient({y}, {x})` sẽ có chiều thế nào?"
    ),
    "predict.q_partial": T("At {inputs}, what is `∂{yi}/∂{xk}`?", "Tại {inputs}, `∂{yi}/∂{xk}` bằng bao nhiêu?"),
    "predict.right": T("Right.", "Đúng."),
    "predict.wrong": T("Not quite.", "Chưa đúng."),
    # What each option means: the right one, then the mistakes (../shared/LEARNERS.md).
    "predict.jacobian_right": T(
        "Each element of `{y}` has a slice `∂{y_i}/∂{x}` of shape {xs}: `{y}.shape + {x}.shape` = {ys} + {xs} = {js}.",
        "Mỗi phần tử của `{y}` có một lát `∂{y_i}/∂{x}` chiều {xs}: `{y}.shape + {x}.shape` = {ys} + {xs} = {js}.",
    ),
    "predict.input_axes_first": T(
        "{s} puts the axes of `{x}` first. `g.jacobian` puts the output's axes first, then the input's: "
        "{ys} + {xs} = {js}. Read the other way round, the slices are scrambled.",
        "{s} đặt các trục của `{x}` lên trước. `g.jacobian` đặt các trục của đầu ra trước, rồi mới đến các "
        "trục của đầu vào: {ys} + {xs} = {js}. Đọc ngược lại thì các lát bị xáo trộn.",
    ),
    "predict.output_shape_only": T(
        "{s} is the shape of `{y}`: one number per output element. But each element of `{y}` has a partial "
        "derivative for every element of `{x}`, so the Jacobian is {ys} + {xs} = {js}.",
        "{s} là chiều của `{y}`: mỗi phần tử đầu ra một số. Nhưng mỗi phần tử của `{y}` có một đạo hàm riêng "
        "theo từng phần tử của `{x}`, nên Jacobian có chiều {ys} + {xs} = {js}.",
    ),
    "predict.input_shape_only": T(
        "{s} is the shape of `{x}`: that is what `g.gradient` returns, the slices added up. `g.jacobian` "
        "keeps one slice per element of `{y}`: {ys} + {xs} = {js}.",
        "{s} là chiều của `{x}`: đó là thứ `g.gradient` trả về, tức là tổng các lát. `g.jacobian` giữ mỗi "
        "phần tử của `{y}` một lát: {ys} + {xs} = {js}.",
    ),
    "predict.flattened": T(
        "{s} is the flat matrix: a row per element of `{y}`, a column per element of `{x}`. `g.jacobian` "
        "keeps every axis, {js}; `tf.reshape(jacobian, {s})` makes the flat one.",
        "{s} là ma trận dạng phẳng: mỗi phần tử của `{y}` một hàng, mỗi phần tử của `{x}` một cột. "
        "`g.jacobian` giữ nguyên mọi trục, {js}; `tf.reshape(jacobian, {s})` mới cho dạng phẳng.",
    ),
    "predict.gradient_right": T(
        "`g.gradient` returns one number per element of `{x}`, shape {xs}: the slices `∂{y_i}/∂{x}` added "
        "up over every element of `{y}`.",
        "`g.gradient` trả về mỗi phần tử của `{x}` một số, chiều {xs}: tổng các lát `∂{y_i}/∂{x}` trên mọi "
        "phần tử của `{y}`.",
    ),
    "predict.whole_jacobian": T(
        "{s} is the whole Jacobian. `g.gradient` differentiates the sum of the elements of `{y}`, so it adds "
        "the slices up and keeps the shape of `{x}`: {xs}.",
        "{s} là toàn bộ Jacobian. `g.gradient` lấy đạo hàm của tổng các phần tử của `{y}`, nên nó cộng các "
        "lát lại và giữ chiều của `{x}`: {xs}.",
    ),
    "predict.upstream_shape": T(
        "{s} is the shape of `{y}`, which is the shape of the upstream weights v (`output_gradients`), not "
        "of the gradient: the gradient has the shape of `{x}`, {xs}.",
        "{s} là chiều của `{y}`, tức là chiều của trọng số upstream v (`output_gradients`), không phải của "
        "gradient: gradient có chiều của `{x}`, {xs}.",
    ),
    "predict.one_number": T(
        "{s} would be a single number. `g.gradient` returns one number per element of `{x}`: {xs}.",
        "{s} là một số duy nhất. `g.gradient` trả về mỗi phần tử của `{x}` một số: {xs}.",
    ),
    "predict.transposed_layout": T(
        "{s} is the shape of `{x}` transposed, the way some textbooks write a gradient. TensorFlow returns "
        "the gradient with the shape of `{x}`: {xs}.",
        "{s} là chiều của `{x}` chuyển vị, như cách một số giáo trình viết gradient. TensorFlow trả về "
        "gradient cùng chiều với `{x}`: {xs}.",
    ),
    "predict.gradient_flattened": T(
        "{s} is the shape of the flat Jacobian, a row per element of `{y}`. `g.gradient` adds those rows "
        "up: one number per element of `{x}`, {xs}.",
        "{s} là chiều của Jacobian dạng phẳng, mỗi phần tử của `{y}` một hàng. `g.gradient` cộng các hàng đó "
        "lại: mỗi phần tử của `{x}` một số, {xs}.",
    ),
    "predict.partial_right": T(
        "`∂{yi}/∂{xk}` = {s}: how fast `{yi}` changes when only `{xk}` moves.",
        "`∂{yi}/∂{xk}` = {s}: `{yi}` thay đổi nhanh thế nào khi chỉ `{xk}` thay đổi.",
    ),
    "predict.column_sum": T(
        "{s} is the sum of `∂{y_i}/∂{xk}` over every element of `{y}`: the gradient's entry for `{xk}`, a "
        "column sum of the flat Jacobian. The question asks about one element, `{yi}`.",
        "{s} là tổng của `∂{y_i}/∂{xk}` trên mọi phần tử của `{y}`: phần tử của gradient ứng với `{xk}`, "
        "tức tổng một cột của Jacobian dạng phẳng. Câu hỏi chỉ hỏi về một phần tử, `{yi}`.",
    ),
    "predict.swapped": T(
        "{s} is the flat Jacobian's entry with row and column swapped (row {k}, column {i}). The Jacobian's "
        "first index is the output's: `∂{yi}/∂{xk}` is row {i}, column {k}.",
        "{s} là phần tử của Jacobian dạng phẳng với hàng và cột bị đổi chỗ (hàng {k}, cột {i}). Chỉ số đầu "
        "tiên của Jacobian là của đầu ra: `∂{yi}/∂{xk}` nằm ở hàng {i}, cột {k}.",
    ),
    "predict.output_value": T(
        "{s} is the value of `{yi}` itself, not how fast it changes when `{xk}` moves.",
        "{s} là giá trị của chính `{yi}`, không phải tốc độ nó thay đổi khi `{xk}` thay đổi.",
    ),
    "predict.other_input": T(
        "{s} is `∂{yi}/∂{ok}`: the derivative with respect to `{other}`, where the question differentiates "
        "with respect to `{x}`.",
        "{s} là `∂{yi}/∂{ok}`: đạo hàm theo `{other}`, trong khi câu hỏi lấy đạo hàm theo `{x}`.",
    ),
    "predict.sign": T(
        "{s} has the right size and the wrong sign: when `{xk}` grows, does `{yi}` grow or shrink?",
        "{s} đúng độ lớn nhưng sai dấu: khi `{xk}` tăng thì `{yi}` tăng hay giảm?",
    ),
    "predict.stale_start": T(
        "{s} was right at the starting values; the sliders have moved since: work `∂{yi}/∂{xk}` out at the "
        "values they hold now.",
        "{s} đúng tại các giá trị ban đầu; các thanh trượt đã di chuyển từ đó: hãy tính `∂{yi}/∂{xk}` tại các "
        "giá trị chúng đang giữ.",
    ),
    "predict.stale_before": T(
        "{s} was right before the last slider move: work `∂{yi}/∂{xk}` out at the values the sliders hold now.",
        "{s} đúng trước lần kéo thanh trượt vừa rồi: hãy tính `∂{yi}/∂{xk}` tại các giá trị thanh trượt đang giữ.",
    ),
    "predict.also": T("It is also this:", "Nó cũng là:"),
    "predict.zero": T(
        "{s} would mean that `{yi}` does not depend on `{xk}`. It does here: move `{xk}` and `{yi}` moves.",
        "{s} nghĩa là `{yi}` không phụ thuộc vào `{xk}`. Ở đây nó có phụ thuộc: kéo `{xk}` thì `{yi}` thay đổi.",
    ),
}
