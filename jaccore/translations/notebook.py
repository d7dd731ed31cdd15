"""The take-away notebook's explanations: one markdown cell before each step of code."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "notebook.made": T(
        "*Made by Jacobian Explorer from the page “{page}” as it was when you downloaded it. Run the cells "
        "from top to bottom (Run All), then change a number and run them again.*",
        "*Jacobian Explorer tạo notebook này từ trang “{page}”, đúng như lúc bạn tải về. Chạy các ô lần lượt "
        "từ trên xuống (Run All), rồi đổi một số và chạy lại.*",
    ),
    "notebook.inputs": T(
        "## The inputs\n\nThe values the sliders held. `tf.constant` makes float32 tensors, as the page does.",
        "## Đầu vào\n\nCác giá trị trên thanh trượt. `tf.constant` tạo tensor float32, như trang đã dùng.",
    ),
    "notebook.tape": T(
        "## Recording `{y}` on a tape\n\nThe tape records every operation on the tensors it watches, so that "
        "it can differentiate `{y}` afterwards. The cell prints `{y}`.",
        "## Ghi `{y}` lên tape\n\nTape ghi lại mọi phép tính trên các tensor nó theo dõi (watch), để sau đó "
        "tính được đạo hàm của `{y}`. Ô này in ra `{y}`.",
    ),
    "notebook.jacobian": T(
        "## The Jacobian of `{y}` with respect to `{x}`\n\nIts shape is `{y}.shape + {x}.shape` = {ys} + {xs} "
        "= {js}: for each element `{y_i}` one slice `∂{y_i}/∂{x}` with the shape of `{x}`, {n} partial "
        "derivatives in all. The cell prints the shape, then the Jacobian.",
        "## Jacobian của `{y}` theo `{x}`\n\nChiều của nó là `{y}.shape + {x}.shape` = {ys} + {xs} = {js}: "
        "mỗi phần tử `{y_i}` có một lát `∂{y_i}/∂{x}` cùng chiều với `{x}`, tổng cộng {n} đạo hàm riêng. "
        "Ô này in ra chiều, rồi in Jacobian.",
    ),
    "notebook.gradient": T(
        "## The gradient\n\n`g.gradient({y}, {x})` returns one number per element of `{x}`: shape {xs}, not "
        "the Jacobian's {js}. It is the sum of the slices `∂{y_i}/∂{x}` over every element of `{y}`.",
        "## Gradient\n\n`g.gradient({y}, {x})` trả về một số cho mỗi phần tử của `{x}`: chiều {xs}, không "
        "phải chiều {js} của Jacobian. Đó là tổng các lát `∂{y_i}/∂{x}` trên mọi phần tử của `{y}`.",
    ),
    "notebook.gradient_weighted": T(
        "## The gradient, weighted\n\nWith `output_gradients=v`, `g.gradient({y}, {x})` returns one number "
        "per element of `{x}` (shape {xs}, not the Jacobian's {js}): the sum of the slices `∂{y_i}/∂{x}`, "
        "each times its weight `{v_i}`.",
        "## Gradient có trọng số\n\nVới `output_gradients=v`, `g.gradient({y}, {x})` trả về một số cho mỗi "
        "phần tử của `{x}` (chiều {xs}, không phải chiều {js} của Jacobian): tổng các lát `∂{y_i}/∂{x}`, "
        "mỗi lát nhân với trọng số `{v_i}` của nó.",
    ),
    "notebook.sums": T(
        "## Check: the column sums\n\nAdd the Jacobian up over the {k} axes of `{y}`, the column sums of "
        "the flat Jacobian, and you get the gradient. The last number printed is the largest difference: "
        "0, or a float32 rounding error.",
        "## Kiểm tra: tổng theo cột\n\nCộng Jacobian theo {k} trục của `{y}`, tức là tổng từng cột của "
        "Jacobian dạng phẳng, ta được gradient. Số in ra cuối cùng là độ lệch lớn nhất: 0, hoặc sai số "
        "làm tròn của float32.",
    ),
    "notebook.sums_weighted": T(
        "## Check: the weighted sums\n\nWeight each slice by `{v_i}` and add them up over the {k} axes of "
        "`{y}` (`tf.tensordot`), and you get the gradient. The last number printed is the largest "
        "difference: 0, or a float32 rounding error.",
        "## Kiểm tra: tổng có trọng số\n\nNhân mỗi lát với `{v_i}` rồi cộng theo {k} trục của `{y}` "
        "(`tf.tensordot`), ta được gradient. Số in ra cuối cùng là độ lệch lớn nhất: 0, hoặc sai số làm "
        "tròn của float32.",
    ),
    "notebook.sums_scalar": T(
        "## Check\n\n`{y}` has a single element, so there is one slice: the Jacobian has the shape of `{x}` "
        "and it is the gradient (times `v` when weighted). The last number printed is the largest "
        "difference: 0, or a float32 rounding error.",
        "## Kiểm tra\n\n`{y}` chỉ có một phần tử nên chỉ có một lát: Jacobian cùng chiều với `{x}` và chính "
        "là gradient (nhân với `v` nếu có trọng số). Số in ra cuối cùng là độ lệch lớn nhất: 0, hoặc sai "
        "số làm tròn của float32.",
    ),
    "notebook.training_tape": T(
        "## The step on one tape\n\n`persistent=True`: the tape answers several questions. `Y` is recorded "
        "on it, so `g.gradient(L, Y)` gives v = ∂L/∂Y, shaped like Y. The cell prints L, then v.",
        "## Cả bước trên một tape\n\n`persistent=True`: tape trả lời được nhiều câu hỏi. `Y` được ghi lên "
        "tape, nên `g.gradient(L, Y)` cho v = ∂L/∂Y, cùng chiều với Y. Ô này in ra L, rồi v.",
    ),
    "notebook.training_weights": T(
        "## `g.gradient(L, W)` is ∂Y/∂W weighted by v\n\nThe cell prints the Jacobian's shape, the gradient, "
        "then the largest difference between the slices weighted by v and the gradient.",
        "## `g.gradient(L, W)` là ∂Y/∂W nhân với v\n\nÔ này in ra chiều của Jacobian, gradient, rồi sai khác "
        "lớn nhất giữa tổng các lát nhân với v và gradient.",
    ),
    "notebook.training_bias": T(
        "## The bias: v summed over the batch\n\nThe cell prints `g.gradient(L, b)`, then its largest "
        "difference from `tf.reduce_sum(v, axis=0)`.",
        "## Độ lệch: v cộng theo lô\n\nÔ này in ra `g.gradient(L, b)`, rồi sai khác lớn nhất của nó so với "
        "`tf.reduce_sum(v, axis=0)`.",
    ),
    "notebook.training_per_example": T(
        "## Per-example gradients\n\n`g.jacobian(losses, W)`: one gradient of W's shape per example. The cell "
        "prints its shape, then the largest difference between their mean and `g.gradient(L, W)`.",
        "## Gradient từng mẫu\n\n`g.jacobian(losses, W)`: mỗi mẫu một gradient cùng chiều với W. Ô này in ra "
        "chiều của nó, rồi sai khác lớn nhất giữa trung bình của chúng và `g.gradient(L, W)`.",
    ),
    "notebook.next": T(
        "## Your turn\n\nChange a value in the inputs cell, or the formula in the tape cell, and run all "
        "the cells again: the check must still print 0 or a rounding error.",
        "## Đến lượt bạn\n\nĐổi một giá trị trong ô đầu vào, hoặc công thức trong ô tape, rồi chạy lại mọi "
        "ô: phép kiểm tra vẫn phải in ra 0 hoặc một sai số làm tròn.",
    ),
    "notebook.rows": T(
        "## Row by row: one reverse pass per element of `y`\n\n`g.gradient(y_i, {x})` is the row of the "
        "flat Jacobian for `y[i]`. The page had run {done} of the {total} passes; this cell runs them all "
        "and prints the flat Jacobian, one row per element of `y`.",
        "## Từng hàng: mỗi phần tử của `y` một lượt ngược\n\n`g.gradient(y_i, {x})` là hàng của `y[i]` "
        "trong Jacobian dạng phẳng. Trang đã chạy {done} trên {total} lượt; ô này chạy hết và in ra "
        "Jacobian dạng phẳng, mỗi phần tử của `y` một hàng.",
    ),
    "notebook.columns": T(
        "## Column by column: one forward pass per element of `{x}`\n\nA `tf.autodiff.ForwardAccumulator` "
        "pushes a one-hot direction through the function: `acc.jvp(y)` is the column of the flat Jacobian "
        "for that element of `{x}`. The page had run {done} of the {total} passes; this cell runs them all "
        "and prints the flat Jacobian, one column per element of `{x}`.",
        "## Từng cột: mỗi phần tử của `{x}` một lượt xuôi\n\n`tf.autodiff.ForwardAccumulator` đẩy một "
        "hướng one-hot qua hàm: `acc.jvp(y)` là cột của phần tử đó của `{x}` trong Jacobian dạng phẳng. "
        "Trang đã chạy {done} trên {total} lượt; ô này chạy hết và in ra Jacobian dạng phẳng, mỗi phần tử "
        "của `{x}` một cột.",
    ),
    "notebook.modes_check": T(
        "## Check against `g.jacobian`\n\nThe tape's own Jacobian has the shape `y.shape + {x}.shape`; "
        "flattened, it is the matrix built above. The last number printed is the largest difference.",
        "## Kiểm tra với `g.jacobian`\n\nJacobian của tape có chiều `y.shape + {x}.shape`; làm phẳng ra, "
        "nó chính là ma trận dựng ở trên. Số in ra cuối cùng là độ lệch lớn nhất.",
    ),
    "notebook.hessian": T(
        "## The Hessian: the Jacobian of the gradient\n\nThe inner tape gives the gradient of `f`; the outer "
        "tape, which watched the inner one work, gives the gradient's Jacobian: shape `x.shape + x.shape` "
        "= {hs}.",
        "## Ma trận Hessian: Jacobian của gradient\n\nTape bên trong cho gradient của `f`; tape bên ngoài, "
        "vốn đã ghi lại tape bên trong tính toán, cho Jacobian của gradient đó: chiều `x.shape + x.shape` "
        "= {hs}.",
    ),
    "notebook.hvp": T(
        "## A Hessian-vector product\n\n`outer.gradient(gradient, x, output_gradients=v)` is vᵀH, which is "
        "H·v because H is symmetric; H itself is never formed. The last number printed is the largest "
        "difference from the Hessian above times `v`.",
        "## Tích Hessian với vector\n\n`outer.gradient(gradient, x, output_gradients=v)` là vᵀH, cũng chính "
        "là H·v vì H đối xứng; không cần dựng H. Số in ra cuối cùng là độ lệch lớn nhất so với H ở trên "
        "nhân `v`.",
    ),
    "notebook.linear_inputs": T(
        "## The inputs and the direction δ\n\nThe values the sliders held, in float64 so that the error "
        "below can be followed far under float32's rounding.",
        "## Đầu vào và hướng δ\n\nCác giá trị trên thanh trượt, ở float64 để theo dõi được sai số bên dưới "
        "tới tận những mức nhỏ hơn nhiều so với sai số làm tròn của float32.",
    ),
    "notebook.jvp": T(
        "## J·δ in one forward pass\n\n`acc.jvp({y})` is the Jacobian of `{y}` with respect to `{x}` times "
        "δ, without forming the Jacobian. The cell prints `{yi}` and its entry of J·δ.",
        "## J·δ trong một lượt xuôi\n\n`acc.jvp({y})` là Jacobian của `{y}` theo `{x}` nhân δ, mà không "
        "cần dựng Jacobian. Ô này in ra `{yi}` và phần tử tương ứng của J·δ.",
    ),
    "notebook.linear_table": T(
        "## The function against its linear map, for `{yi}`\n\nFor each t: t, the exact value at x + tδ, "
        "the linear map's value, and the error. When the function is not linear, the error falls like t²: "
        "divide t by 10 and the error is divided by about 100.",
        "## Hàm số so với ánh xạ tuyến tính, cho `{yi}`\n\nVới mỗi t: t, giá trị đúng tại x + tδ, giá trị "
        "của ánh xạ tuyến tính, và sai số. Khi hàm không tuyến tính, sai số giảm như t²: chia t cho 10 "
        "thì sai số giảm khoảng 100 lần.",
    ),
    "notebook.table_exact": T("exact", "giá trị đúng"),
    "notebook.table_linear": T("linear", "tuyến tính"),
    "notebook.table_error": T("error", "sai số"),
    "notebook.digits_network": T(
        "## The network\n\nIts weights as the app ships them, written into this notebook (a NumPy `.npz` "
        "file in base64), and the network as a function: 8 × 8 pixels in, ten logits out.",
        "## Mạng\n\nCác trọng số đúng như ứng dụng dùng, ghi thẳng vào notebook này (một tệp NumPy `.npz` "
        "dạng base64), và mạng viết thành một hàm: vào 8 × 8 điểm ảnh, ra mười logit.",
    ),
    "notebook.digits_image": T(
        "## The image\n\nImage {n} of the UCI handwritten digits, its 16 grey levels scaled to [0, 1], and "
        "the class c = {c} of the page's gradients of one class.",
        "## Ảnh\n\nẢnh {n} của bộ chữ số viết tay UCI, 16 mức xám đưa về [0, 1], và lớp c = {c} của các "
        "gradient của một lớp trên trang.",
    ),
    "notebook.digits_tape": T(
        "## One tape for every gradient on the page\n\nA persistent tape records the logits, their softmax "
        "and its log, and class c's probability and log-probability. The cell prints the logits and the "
        "probabilities.",
        "## Một tape cho mọi gradient trên trang\n\nMột tape bền (persistent) ghi lại các logit, softmax của "
        "chúng và log của nó, cùng xác suất và log xác suất của lớp c. Ô này in ra các logit và các xác suất.",
    ),
    "notebook.digits_jacobian": T(
        "## The Jacobian: ten slices\n\nShape (10,) + (8, 8) = (10, 8, 8): `jacobian[c]` is the slice "
        "∂logits[c]/∂image, shaped like the image.",
        "## Jacobian: mười lát\n\nChiều (10,) + (8, 8) = (10, 8, 8): `jacobian[c]` là lát ∂logits[c]/∂image, "
        "cùng chiều với ảnh.",
    ),
    "notebook.digits_sum": T(
        "## `tape.gradient(logits, image)` is the ten slices' sum\n\nThe last number printed is the largest "
        "difference from `tf.reduce_sum(jacobian, axis=0)`.",
        "## `tape.gradient(logits, image)` là tổng của mười lát\n\nSố in ra cuối cùng là sai khác lớn nhất so "
        "với `tf.reduce_sum(jacobian, axis=0)`.",
    ),
    "notebook.digits_saliency": T(
        "## The saliency map of class c\n\n`output_gradients` = one-hot c keeps slice c alone. The last "
        "number printed is the largest difference from `jacobian[c]`.",
        "## Bản đồ độ nổi bật của lớp c\n\n`output_gradients` = one-hot c chỉ giữ lại lát c. Số in ra cuối "
        "cùng là sai khác lớn nhất so với `jacobian[c]`.",
    ),
    "notebook.digits_trap": T(
        "## The trap and its fix\n\nThe gradient of all the probabilities is zero (they add up to 1); the "
        "gradients of class c's probability and of its log are not.",
        "## Cạm bẫy và cách sửa\n\nGradient của tất cả các xác suất bằng 0 (chúng cộng lại bằng 1); gradient "
        "của xác suất lớp c và của log của nó thì không.",
    ),
}
