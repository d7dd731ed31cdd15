"""The digit classifier's page: a real network's input Jacobian, saliency, and the probabilities' trap."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "digits.intro": T(
        "A real network at a size that fits on screen: 8 × 8 pixels of a handwritten digit in, ten "
        "logits out, one per digit 0–9. It is a small perceptron, `logits = tanh(image @ W1 + b1) @ W2 + b2`, "
        "trained on the first {trained} images of the UCI handwritten digits; it reads {right} of "
        "the {held_out} images it never saw. Its Jacobian is the notebook's picture again: one slice per "
        "output element, and the slices adding up to the gradient.",
        "Một mạng thật, cỡ vừa màn hình: vào là 8 × 8 điểm ảnh của một chữ số viết tay, ra là mười logit, "
        "mỗi logit ứng với một chữ số 0–9. Đó là một perceptron nhỏ, `logits = tanh(image @ W1 + b1) @ W2 + b2`, "
        "được huấn luyện trên {trained} ảnh đầu tiên của bộ chữ số viết tay UCI; nó đọc đúng "
        "{right} trong {held_out} ảnh nó chưa từng thấy. Jacobian của nó lại là hình ảnh của notebook: mỗi "
        "phần tử đầu ra một lát, và các lát cộng lại thành gradient.",
    ),
    "digits.predict": T("Predict first", "Dự đoán trước"),
    "digits.q_shape": T(
        "For one image of 8 × 8 pixels, what shape does `tape.jacobian(logits, image)` have?",
        "Với một ảnh 8 × 8 điểm ảnh, `tape.jacobian(logits, image)` có chiều thế nào?",
    ),
    "digits.why_shape": T(
        "Jacobian shape = output shape + input shape: (10,) + (8, 8). Ten slices, each shaped like the image.",
        "Chiều của Jacobian = chiều đầu ra + chiều đầu vào: (10,) + (8, 8). Mười lát, mỗi lát có chiều của ảnh.",
    ),
    "digits.why_reversed": T(
        "The output's axes come first: J[c, i, j] = ∂logits[c]/∂image[i, j].",
        "Các trục của đầu ra đứng trước: J[c, i, j] = ∂logits[c]/∂image[i, j].",
    ),
    "digits.why_gradient": T(
        "(8, 8) is the shape of `tape.gradient(logits, image)`: the ten slices added into one.",
        "(8, 8) là chiều của `tape.gradient(logits, image)`: mười lát cộng thành một.",
    ),
    "digits.why_flat": T(
        "`tape.jacobian` keeps the image's two axes; (10, 64) is the Jacobian flattened, as a matrix.",
        "`tape.jacobian` giữ nguyên hai trục của ảnh; (10, 64) là Jacobian đã trải phẳng thành ma trận.",
    ),
    "digits.q_zero": T(
        "What does `tape.gradient(probabilities, image)` return, where probabilities = softmax(logits)?",
        "`tape.gradient(probabilities, image)` trả về gì, với probabilities = softmax(logits)?",
    ),
    "digits.zeros": T("Zeros, shape (8, 8)", "Toàn số 0, chiều (8, 8)"),
    "digits.why_zeros": T(
        "The probabilities always add up to 1, so each pixel's ten partial derivatives add up to 0: the "
        "slices cancel. The tape returns their sum, zero, for every image.",
        "Các xác suất luôn cộng lại bằng 1, nên mười đạo hàm riêng của mỗi điểm ảnh cộng lại bằng 0: các lát "
        "triệt tiêu nhau. Tape trả về tổng của chúng, là 0, với mọi ảnh.",
    ),
    "digits.saliency_option": T(
        "The saliency map of the class the network reads", "Bản đồ độ nổi bật của lớp mạng đọc ra"
    ),
    "digits.why_saliency": T(
        "That is the gradient of one class's output: ask for it with `output_gradients` = one-hot, or "
        "`tape.gradient(probabilities[c], image)`. Without them the tape adds all ten slices.",
        "Đó là gradient của đầu ra của một lớp: hãy lấy nó bằng `output_gradients` = one-hot, hoặc "
        "`tape.gradient(probabilities[c], image)`. Không có chúng, tape cộng cả mười lát.",
    ),
    "digits.jacobian_option": T("The Jacobian, shape (10, 8, 8)", "Jacobian, chiều (10, 8, 8)"),
    "digits.why_jacobian": T(
        "`tape.gradient` returns one number per element of the image, never a Jacobian: for the ten slices "
        "ask for `tape.jacobian`.",
        "`tape.gradient` trả về một số cho mỗi phần tử của ảnh, không bao giờ là Jacobian: muốn mười lát, "
        "hãy dùng `tape.jacobian`.",
    ),
    "digits.none_option": T("None", "None"),
    "digits.why_none": T(
        "`None` means the image is not connected to the output (or not watched). Here it is, through every "
        "pixel: the tape returns numbers, and they are zeros.",
        "`None` nghĩa là ảnh không nối với đầu ra (hoặc không được theo dõi). Ở đây nó nối qua mọi điểm ảnh: "
        "tape trả về các số, và chúng bằng 0.",
    ),
    "digits.image": T("Image (0 to {last})", "Ảnh (0 đến {last})"),
    "digits.image_help": T(
        "Images 0 to {trained_last} trained the network; {held_first} to {last} are held out.",
        "Ảnh 0 đến {trained_last} đã dùng để huấn luyện mạng; {held_first} đến {last} được giữ lại để kiểm tra.",
    ),
    "digits.mistake": T("Next digit the network gets wrong", "Chữ số tiếp theo mà mạng đọc sai"),
    "digits.class": T("Class c, for the gradients of one class", "Lớp c, cho gradient của một lớp"),
    "digits.class_read": T("the one it reads ({c})", "lớp nó đọc ra ({c})"),
    "digits.output": T("The output to differentiate", "Đầu ra cần lấy đạo hàm"),
    "digits.upstream": T(
        "The upstream weights v, `output_gradients` of `tape.gradient`",
        "Trọng số ngược v, `output_gradients` của `tape.gradient`",
    ),
    "digits.upstream_ones": T("none (v = ones): the ten slices' sum", "không có (v = toàn số 1): tổng mười lát"),
    "digits.upstream_one_hot": T(
        "one-hot {c}: the saliency map of class {c}", "one-hot {c}: bản đồ độ nổi bật của lớp {c}"
    ),
    "digits.picture": T(
        "Image {n}: a handwritten {label}, 8 × 8 pixels", "Ảnh {n}: chữ số {label} viết tay, 8 × 8 điểm ảnh"
    ),
    "digits.reads": T("What the network reads", "Mạng đọc ra gì"),
    "digits.trained": T(
        "Image {n}, a handwritten **{label}**, is one of the images the network was trained on.",
        "Ảnh {n}, chữ số **{label}** viết tay, là một trong các ảnh đã dùng để huấn luyện mạng.",
    ),
    "digits.held_out": T(
        "Image {n}, a handwritten **{label}**, is one of the {held_out} images the network never saw.",
        "Ảnh {n}, chữ số **{label}** viết tay, là một trong {held_out} ảnh mạng chưa từng thấy.",
    ),
    "digits.right": T(
        "The network reads a **{predicted}**, with probability {p}: right.",
        "Mạng đọc ra số **{predicted}**, với xác suất {p}: đúng.",
    ),
    "digits.wrong": T(
        "The network reads a **{predicted}**, with probability {p}: wrong. Its slices show which pixels "
        "pulled it there.",
        "Mạng đọc ra số **{predicted}**, với xác suất {p}: sai. Các lát cho thấy những điểm ảnh nào kéo nó về đó.",
    ),
    "digits.class_column": T("class", "lớp"),
    "digits.slices": T("The Jacobian: ten slices ∂{y}[c]/∂image", "Jacobian: mười lát ∂{y}[c]/∂image"),
    "digits.slices_caption": T(
        "Slice c is the image's 8 × 8 pixels, each coloured by how fast it moves {y}[c]: blue pixels raise "
        "it, red ones lower it. One colour scale for all ten, centred at 0; {y} is a vector of ten, its "
        "slices drawn in two rows of five.",
        "Lát c là 8 × 8 điểm ảnh, mỗi điểm tô màu theo tốc độ nó làm {y}[c] thay đổi: điểm xanh làm nó "
        "tăng, điểm đỏ làm nó giảm. Một thang màu chung cho cả mười lát, lấy 0 làm tâm; {y} là vector mười "
        "phần tử, các lát của nó được vẽ thành hai hàng, mỗi hàng năm lát.",
    ),
    "digits.sum": T(
        "`tape.gradient(logits, image)`: the ten slices added up",
        "`tape.gradient(logits, image)`: mười lát cộng lại",
    ),
    "digits.sum_text": T(
        "Without `output_gradients` the tape weights every slice by 1 and returns their sum: one number per "
        "pixel, how fast the sum of all ten logits moves. A picture with no meaning: nobody asks how to "
        "raise every class at once. Set v to one-hot above, and the tape keeps one slice.",
        "Không có `output_gradients`, tape nhân mỗi lát với 1 và trả về tổng: một số cho mỗi điểm ảnh, tốc "
        "độ thay đổi của tổng cả mười logit. Một hình ảnh vô nghĩa: không ai hỏi làm sao tăng mọi lớp cùng "
        "lúc. Đặt v thành one-hot ở trên, tape sẽ chỉ giữ một lát.",
    ),
    "digits.saliency": T(
        "The saliency map of class {c}: `output_gradients` = one-hot",
        "Bản đồ độ nổi bật của lớp {c}: `output_gradients` = one-hot",
    ),
    "digits.saliency_text": T(
        "The upstream weights v of the worked examples, here with a purpose: v = one-hot {c} keeps slice {c} "
        "and drops the other nine. `tape.gradient(logits, image, output_gradients=v)` is ∂logits[{c}]/∂image, "
        "the same as `tape.gradient(logits[{c}], image)`: the pixels that make the network read a {c}.",
        "Trọng số ngược v của các ví dụ, ở đây có mục đích: v = one-hot {c} giữ lát {c} và bỏ chín lát còn "
        "lại. `tape.gradient(logits, image, output_gradients=v)` là ∂logits[{c}]/∂image, giống "
        "`tape.gradient(logits[{c}], image)`: những điểm ảnh khiến mạng đọc ra số {c}.",
    ),
    "digits.trap": T(
        "The trap: the gradient of the probabilities is zero", "Cạm bẫy: gradient của các xác suất bằng 0"
    ),
    "digits.trap_text": T(
        "The probabilities add up to 1 for every image, so each pixel's ten partial derivatives add up to "
        "0: the ten slices above cancel, and `tape.gradient(probabilities, image)` returns zeros (its largest "
        "|value| here: {zero}). Not because no pixel matters: the largest |∂probabilities[c]/∂image[i, j]| "
        "is {largest}. The column sums are zero, not the Jacobian.",
        "Các xác suất cộng lại bằng 1 với mọi ảnh, nên mười đạo hàm riêng của mỗi điểm ảnh cộng lại bằng 0: "
        "mười lát ở trên triệt tiêu nhau, và `tape.gradient(probabilities, image)` trả về toàn số 0 (|giá "
        "trị| lớn nhất ở đây: {zero}). Không phải vì không điểm ảnh nào quan trọng: "
        "|∂probabilities[c]/∂image[i, j]| lớn nhất là {largest}. Tổng theo cột bằng 0, chứ Jacobian thì không.",
    ),
    "digits.one_probability": T(
        "The gradient of probabilities[{c}]: `output_gradients` = one-hot",
        "Gradient của probabilities[{c}]: `output_gradients` = one-hot",
    ),
    "digits.one_probability_text": T(
        "v = one-hot {c} keeps the slice of probabilities[{c}] alone: `tape.gradient(probabilities, image, "
        "output_gradients=v)` is `tape.gradient(probabilities[{c}], image)`, and it is not zero.",
        "v = one-hot {c} chỉ giữ lại lát của probabilities[{c}]: `tape.gradient(probabilities, image, "
        "output_gradients=v)` là `tape.gradient(probabilities[{c}], image)`, và nó khác 0.",
    ),
    "digits.fix": T("The trap and its fix", "Cạm bẫy và cách sửa"),
    "digits.fix_hint": T(
        "`tape.gradient(probabilities, image)` returns zeros, for every image. Choose the probabilities as "
        "the output above: their ten slices, why they add up to zero, and the gradients of one class that "
        "do not.",
        "`tape.gradient(probabilities, image)` trả về toàn số 0, với mọi ảnh. Hãy chọn probabilities làm đầu "
        "ra ở trên: mười lát của chúng, vì sao chúng cộng lại bằng 0, và các gradient của một lớp thì khác 0.",
    ),
    "digits.fix_text": T(
        "`tape.gradient(probabilities, image)` returns zeros for every image: the probabilities add up to 1, "
        "so softmax's ten slices above cancel. Ask for one class "
        "c = {c} instead: `tape.gradient(probabilities[{c}], image)`, or of its log, "
        "`tf.nn.log_softmax(logits)[{c}]`, which is (one-hot {c} − p)·J~logits~: upstream weights again, "
        "on the logits' slices (largest difference: {err}). The two maps differ by the factor "
        "probabilities[{c}] = {pc}: for a class the network thinks unlikely the probability's map fades "
        "away, the log-probability's does not.",
        "`tape.gradient(probabilities, image)` trả về toàn số 0 với mọi ảnh: các xác suất cộng lại bằng 1, "
        "nên mười lát của softmax ở trên triệt tiêu nhau. Hãy hỏi một lớp "
        "c = {c}: `tape.gradient(probabilities[{c}], image)`, hoặc của log của nó, "
        "`tf.nn.log_softmax(logits)[{c}]`, bằng (one-hot {c} − p)·J~logits~: lại là trọng số ngược, trên các "
        "lát của logits (sai khác lớn nhất: {err}). Hai bản đồ chênh nhau đúng hệ số probabilities[{c}] = "
        "{pc}: với một lớp mà mạng cho là khó xảy ra, bản đồ của xác suất mờ dần đi, còn bản đồ của log xác "
        "suất thì không.",
    ),
    "digits.batch": T("`batch_jacobian` over a batch of {b} images", "`batch_jacobian` trên một lô {b} ảnh"),
    "digits.batch_first": T("First image of the batch (0 to {last})", "Ảnh đầu tiên của lô (0 đến {last})"),
    "digits.batch_text": T(
        "Images {first} to {last} as one batch, shape ({b}, 8, 8). `tape.batch_jacobian(logits, images)` "
        "returns ({b}, 10, 8, 8): each image's own ten slices. Below, each image's saliency map for the class "
        "the network reads.",
        "Các ảnh {first} đến {last} thành một lô, chiều ({b}, 8, 8). `tape.batch_jacobian(logits, images)` "
        "trả về ({b}, 10, 8, 8): mười lát của riêng từng ảnh. Bên dưới là bản đồ độ nổi bật của từng ảnh, cho "
        "lớp mạng đọc ra.",
    ),
    "digits.batch_why": T(
        "It is right here because the network reads each image alone: the full `tape.jacobian(logits, "
        "images)`, shape {full_shape}, is zero off its diagonal blocks (largest |∂logits[a, c]/∂images[b]|, "
        "a ≠ b: **{across}**). `batch_jacobian` keeps the {kept} numbers that can be nonzero and skips "
        "the other {skipped}.",
        "Ở đây nó đúng vì mạng đọc từng ảnh một cách độc lập: Jacobian đầy đủ `tape.jacobian(logits, "
        "images)`, chiều {full_shape}, bằng 0 ngoài các khối đường chéo (|∂logits[a, c]/∂images[b]| lớn "
        "nhất, a ≠ b: **{across}**). `batch_jacobian` giữ {kept} số có thể khác 0 và bỏ qua {skipped} số "
        "còn lại.",
    ),
}
