"""The training-step page: where v comes from, the bias over the batch, per-example gradients."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "training.goal": T(
        "Goal: see that a training step is the notebook's lesson — `tape.gradient` adds up the slices of "
        "a Jacobian — with the weights v computed by the loss instead of set by hand.",
        "Mục tiêu: thấy rằng một bước huấn luyện chính là bài học của notebook — `tape.gradient` cộng các lát "
        "của một Jacobian — chỉ khác là trọng số v do hàm mất mát tính ra chứ không đặt bằng tay.",
    ),
    "training.intro": T(
        "A linear layer on a batch of B = 3 examples: Y = X @ W + b, then a loss L, one number. "
        "`tape.gradient(L, W)` never forms a Jacobian of L, but it equals one: the slices of ∂Y/∂W, each "
        "weighted by how much L changes with that element of Y, v = ∂L/∂Y.",
        "Một lớp tuyến tính trên một lô B = 3 mẫu: Y = X @ W + b, rồi một hàm mất mát L, là một số. "
        "`tape.gradient(L, W)` không bao giờ tạo Jacobian của L, nhưng kết quả bằng: các lát của ∂Y/∂W, mỗi lát "
        "nhân với mức L thay đổi theo phần tử đó của Y, tức v = ∂L/∂Y.",
    ),
    "training.network": T("Network", "Mạng"),
    "training.layer": T("a linear layer, B = 3", "một lớp tuyến tính, B = 3"),
    "training.digits": T("the digit classifier, 6 images", "bộ phân loại chữ số, 6 ảnh"),
    "training.loss": T("Loss", "Hàm mất mát"),
    "training.label": T("class of example {b}", "lớp của mẫu {b}"),
    "training.labels": T("Labels c (the right class of each example)", "Nhãn c (lớp đúng của từng mẫu)"),
    "training.outputs": T("The outputs and the loss", "Đầu ra và hàm mất mát"),
    "training.losses": T(
        "One loss per example, ℓ = {losses}; the loss L is their mean: **{value}**.",
        "Mỗi mẫu một giá trị mất mát, ℓ = {losses}; hàm mất mát L là trung bình của chúng: **{value}**.",
    ),
    "training.upstream": T("Where v comes from: v = ∂L/∂Y", "v từ đâu ra: v = ∂L/∂Y"),
    "training.upstream_mse": T(
        "For the mean squared error, ∂L/∂Y = 2(Y − T)/(B·m): one number per element of Y, shape {ys}, large "
        "where an output misses its target. Checked against that formula in float64: largest difference "
        "{err}.",
        "Với sai số bình phương trung bình, ∂L/∂Y = 2(Y − T)/(B·m): mỗi phần tử của Y một số, chiều {ys}, lớn "
        "ở đầu ra nào lệch xa mục tiêu. So với công thức đó trong float64: sai khác lớn nhất {err}.",
    ),
    "training.upstream_cross_entropy": T(
        "For softmax cross-entropy, ∂L/∂Y = (softmax(Y) − onehot(c))/B: one number per element of Y, shape "
        "{ys}, negative at each example's right class. Checked against that formula in float64: largest "
        "difference {err}.",
        "Với cross-entropy của softmax, ∂L/∂Y = (softmax(Y) − onehot(c))/B: mỗi phần tử của Y một số, chiều "
        "{ys}, âm ở lớp đúng của từng mẫu. So với công thức đó trong float64: sai khác lớn nhất {err}.",
    ),
    "training.weights": T(
        "`tape.gradient(L, W)`: the slices of ∂Y/∂W weighted by v",
        "`tape.gradient(L, W)`: các lát của ∂Y/∂W nhân với v",
    ),
    "training.weights_text": T(
        "∂Y/∂W has shape {js}: one slice of W's shape per element of Y. Weighted by v and added up, they "
        "give what `tape.gradient(Y, W, output_gradients=v)` returns — the same sum as on A·B's page, the "
        "weights now computed by the loss. `tape.gradient(L, W)` agrees with it to {err}, and with Xᵀ·v to "
        "{closed}.",
        "∂Y/∂W có chiều {js}: mỗi phần tử của Y một lát có chiều của W. Nhân với v rồi cộng lại, chúng cho "
        "đúng kết quả của `tape.gradient(Y, W, output_gradients=v)` — phép cộng giống trang A·B, chỉ khác là "
        "trọng số giờ do hàm mất mát tính. `tape.gradient(L, W)` khớp với nó tới {err}, và với Xᵀ·v tới "
        "{closed}.",
    ),
    "training.bias": T("The bias over the batch: ∂Y/∂b", "Độ lệch (bias) trên cả lô: ∂Y/∂b"),
    "training.bias_text": T(
        "b has shape {bs}, but it was copied to every row of X @ W: each of the B·m elements of Y has a "
        "slice ∂Y[i,j]/∂b of b's shape, a 1 at j and 0 elsewhere. Weighted by v and added, the copies add "
        "up: the gradient of b is v summed over the batch axis, shape {bs}, not {ys}. It agrees with "
        "`tape.gradient(L, b)` to {err}, and with `tf.reduce_sum(v, axis=0)` to {closed}.",
        "b có chiều {bs}, nhưng được chép vào mọi hàng của X @ W: mỗi phần tử trong B·m phần tử của Y có một "
        "lát ∂Y[i,j]/∂b cùng chiều với b, bằng 1 tại j và 0 ở chỗ khác. Nhân với v rồi cộng, các bản chép cộng "
        "dồn lại: gradient của b là v cộng theo trục của lô, chiều {bs}, không phải {ys}. Nó khớp với "
        "`tape.gradient(L, b)` tới {err}, và với `tf.reduce_sum(v, axis=0)` tới {closed}.",
    ),
    "training.per_example": T(
        "Per-example gradients: `tape.jacobian(ℓ, {x})`", "Gradient từng mẫu: `tape.jacobian(ℓ, {x})`"
    ),
    "training.per_example_text": T(
        "The losses ℓ, shape {bs}, before the mean: `tape.jacobian(ℓ, W)` has shape {js}, one gradient of "
        "W's shape per example — what a per-example clipping (differential privacy) or an influence "
        "score needs. Added up they are `tape.gradient(tf.reduce_sum(ℓ), W)`; their mean is "
        "`tape.gradient(L, W)` above (largest difference {err}).",
        "Các giá trị mất mát ℓ, chiều {bs}, trước khi lấy trung bình: `tape.jacobian(ℓ, W)` có chiều {js}, "
        "mỗi mẫu một gradient cùng chiều với W — thứ cần cho việc cắt gradient từng mẫu (quyền riêng tư "
        "vi phân) hay điểm ảnh hưởng. Cộng lại, chúng là `tape.gradient(tf.reduce_sum(ℓ), W)`; trung bình "
        "của chúng là `tape.gradient(L, W)` ở trên (sai khác lớn nhất {err}).",
    ),
    "training.digits_text": T(
        "Images {first} to {last}, labels {labels}: the cross-entropy of each against its label, and "
        "`tape.jacobian(ℓ, b2)` with respect to the last layer's bias b2 (10,): one gradient per image, "
        "softmax minus the label's one-hot. Added up: `tape.gradient(tf.reduce_sum(ℓ), b2)`.",
        "Ảnh {first} đến {last}, nhãn {labels}: cross-entropy của từng ảnh với nhãn của nó, và "
        "`tape.jacobian(ℓ, b2)` theo độ lệch b2 (10,) của lớp cuối: mỗi ảnh một gradient, bằng softmax trừ "
        "one-hot của nhãn. Cộng lại: `tape.gradient(tf.reduce_sum(ℓ), b2)`.",
    ),
    "training.digits_weights": T(
        "With respect to W2 ({hidden}, 10), each image's gradient is its hidden activations times that same "
        "row (an outer product): {size} numbers per image, {total} for the batch — too many to draw, "
        "which is why per-example gradients cost memory in training.",
        "Theo W2 ({hidden}, 10), gradient của mỗi ảnh là các kích hoạt ẩn của nó nhân với chính hàng đó (tích "
        "ngoài): {size} số mỗi ảnh, {total} số cho cả lô — quá nhiều để vẽ, và đó là lý do gradient từng mẫu "
        "tốn bộ nhớ khi huấn luyện.",
    ),
    "training.digits_first": T("First image of the batch (0 to {last})", "Ảnh đầu tiên của lô (0 đến {last})"),
    "training.timing": T("Per-example gradients, four ways, timed", "Gradient từng mẫu, bốn cách, đo thời gian"),
    "training.timing_intro": T(
        "A small dense layer, X (B, 32) @ W (32, 10) with softmax cross-entropy, measured on this server: "
        "`tape.jacobian(ℓ, W)` (pfor), the same with `experimental_use_pfor=False` (a while loop), a Python "
        "loop of B `tape.gradient` calls, and one `tape.batch_jacobian` of ℓ with respect to W copied per "
        "example. Each compiled way is traced before the clock starts.",
        "Một lớp kết nối đầy đủ nhỏ, X (B, 32) @ W (32, 10) với cross-entropy của softmax, đo trên máy chủ này: "
        "`tape.jacobian(ℓ, W)` (pfor), cũng vậy với `experimental_use_pfor=False` (vòng lặp while), một vòng "
        "lặp Python gồm B lần gọi `tape.gradient`, và một lần `tape.batch_jacobian` của ℓ theo W được chép "
        "cho từng mẫu. Mỗi cách được biên dịch xong trước khi bấm giờ.",
    ),
    "training.measure": T("Measure on this server", "Đo trên máy chủ này"),
    "training.measuring": T("Measuring (one measurement at a time on the server)…", "Đang đo (mỗi lần một phép đo)…"),
    "training.not_measured": T("Not measured yet in this session.", "Chưa đo trong phiên này."),
    "training.table": T(
        "| B | `jacobian` (pfor) | `jacobian`, while loop | Python loop of `gradient` | `batch_jacobian` |\n"
        "|---|---|---|---|---|\n{rows}",
        "| B | `jacobian` (pfor) | `jacobian`, vòng while | vòng lặp Python của `gradient` | `batch_jacobian` |\n"
        "|---|---|---|---|---|\n{rows}",
    ),
    "training.table_note": T(
        "The Python loop runs B tapes one after the other; pfor writes the B backward passes as one "
        "vectorised graph. `batch_jacobian` needs the batch in the source, hence W copied per example.",
        "Vòng lặp Python chạy B tape lần lượt; pfor viết B lượt lan truyền ngược thành một đồ thị vector "
        "hoá. `batch_jacobian` cần trục lô ở nguồn, nên W được chép cho từng mẫu.",
    ),
    "training.q_bias": T(
        "Before the answer: what shape does `tape.gradient(L, b)` have, with Y of shape {ys} and b of shape {bs}?",
        "Trước khi xem đáp án: `tape.gradient(L, b)` có chiều nào, khi Y có chiều {ys} và b có chiều {bs}?",
    ),
    "training.why_bias": T(
        "A gradient has its source's shape: b's. The copies of b in the B rows add up, so v is summed over "
        "the batch axis.",
        "Gradient có chiều của nguồn: chiều của b. Các bản chép của b ở B hàng cộng dồn lại, nên v được cộng "
        "theo trục của lô.",
    ),
    "training.why_bias_rows": T(
        "{ys} is v = ∂L/∂Y, one row per example: the gradient of b adds those rows up, because b was copied to each.",
        "{ys} là v = ∂L/∂Y, mỗi mẫu một hàng: gradient của b cộng các hàng đó lại, vì b được chép vào từng hàng.",
    ),
    "training.why_bias_identity": T(
        "{ms} is one example's ∂Y[i]/∂b, the identity: one slice of the Jacobian, not the sum the tape returns.",
        "{ms} là ∂Y[i]/∂b của một mẫu, tức ma trận đơn vị: một lát của Jacobian, không phải tổng mà tape trả về.",
    ),
    "training.why_bias_scalar": T(
        "L is one number, but the gradient has the shape of what it is taken with respect to, b {bs}.",
        "L là một số, nhưng gradient có chiều của biến lấy đạo hàm theo, tức b {bs}.",
    ),
    "training.why_bias_losses": T(
        "{bsz} is the losses ℓ, one per example: the gradient is over b's elements, not the examples.",
        "{bsz} là các giá trị mất mát ℓ, mỗi mẫu một số: gradient theo các phần tử của b, không theo các mẫu.",
    ),
    "training.q_per_example": T(
        "And `tape.jacobian(ℓ, W)`, with ℓ of shape {bsz} and W of shape {ws}?",
        "Còn `tape.jacobian(ℓ, W)`, khi ℓ có chiều {bsz} và W có chiều {ws}?",
    ),
    "training.why_per_example": T(
        "ℓ's shape + W's shape: one gradient of W's shape per example.",
        "Chiều của ℓ + chiều của W: mỗi mẫu một gradient cùng chiều với W.",
    ),
    "training.why_summed": T(
        "{ws} is `tape.gradient`: the per-example gradients already added up. `jacobian` keeps them apart.",
        "{ws} là `tape.gradient`: các gradient từng mẫu đã được cộng lại. `jacobian` giữ chúng riêng rẽ.",
    ),
    "training.why_layer": T(
        "{js} is ∂Y/∂W, the layer's Jacobian: ℓ has one element per example, not one per element of Y.",
        "{js} là ∂Y/∂W, Jacobian của lớp: ℓ có mỗi mẫu một phần tử, không phải mỗi phần tử của Y một phần tử.",
    ),
    "training.why_flat": T(
        "{flat} is the flat matrix; `tape.jacobian` keeps every axis of ℓ and of W.",
        "{flat} là ma trận dạng phẳng; `tape.jacobian` giữ nguyên mọi trục của ℓ và của W.",
    ),
    "training.remember": T(
        "- In training, v = ∂L/∂Y: `tape.gradient(L, W)` is ∂Y/∂W's slices weighted by it.\n"
        "- A tensor copied over the batch (a bias) gets the sum over the batch of its copies' gradients.\n"
        "- `tape.jacobian(ℓ, W)` of the per-example losses keeps one gradient per example; their sum is "
        "`tape.gradient`.",
        "- Khi huấn luyện, v = ∂L/∂Y: `tape.gradient(L, W)` là các lát của ∂Y/∂W nhân với nó.\n"
        "- Một tensor được chép cho cả lô (độ lệch) nhận tổng theo lô của gradient các bản chép.\n"
        "- `tape.jacobian(ℓ, W)` của các giá trị mất mát từng mẫu giữ mỗi mẫu một gradient; tổng của chúng là "
        "`tape.gradient`.",
    ),
}
