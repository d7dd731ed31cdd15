"""The pitfall lab's traps: for each, a broken snippet and its fixed twin as real functions.

The page shows each function's own source (inspect) and what it returned when the app ran it, so
the code on screen is the code that ran; nothing a reader types is ever run. `reproduces` says
whether this TensorFlow still falls into the trap: a trap that stops reproducing says so on the
page instead of describing an answer TensorFlow no longer gives.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from jaccore._tensorflow import tf
from jaccore.translations import Text


@dataclass(frozen=True)
class Trap:
    slug: str
    title: Text
    broken: Callable[[], object]
    fixed: Callable[[], object]
    reproduces: Callable[[object, object], bool]  # (what broken returned, what fixed returned)
    why: Text
    thread: str  # where learners met it
    see: str = ""  # the slug of a page that shows it on a real network
    see_with: dict[str, str] | None = None  # and the link's parameters that open that page on it


# 1 ---------------------------------------------------------------------------------------------


def gradient_of_a_vector():
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x  # three outputs
    return tape.gradient(y, x)  # hoped for: ∂y[i]/∂x[k], a 3×3 Jacobian


def jacobian_of_a_vector():
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x
    return tape.jacobian(y, x)


# 2 ---------------------------------------------------------------------------------------------


def constant_not_watched():
    x = tf.constant(3.0)
    with tf.GradientTape() as tape:
        y = x * x
    return tape.gradient(y, x)


def variable_watched():
    x = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = x * x
    return tape.gradient(y, x)


# 3 ---------------------------------------------------------------------------------------------


def unconnected_is_none():
    x, z = tf.Variable(2.0), tf.Variable([1.0, 1.0])
    with tf.GradientTape() as tape:
        y = x * x  # does not use z
    return tape.gradient(y, [x, z])


def unconnected_as_zeros():
    x, z = tf.Variable(2.0), tf.Variable([1.0, 1.0])
    with tf.GradientTape() as tape:
        y = x * x
    return tape.gradient(y, [x, z], unconnected_gradients=tf.UnconnectedGradients.ZERO)


# 4 ---------------------------------------------------------------------------------------------


def asked_twice():
    x = tf.Variable(3.0)
    with tf.GradientTape() as tape:
        y = x * x
        z = y * y
    first = tape.gradient(y, x)
    second = tape.gradient(z, x)  # the tape let go of its records after the first call
    return first, second


def asked_twice_persistent():
    x = tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as tape:
        y = x * x
        z = y * y
    first = tape.gradient(y, x)
    second = tape.gradient(z, x)
    del tape  # a persistent tape holds its records until it is deleted
    return first, second


# 5 ---------------------------------------------------------------------------------------------


def batch_jacobian_with_a_batch_mean():
    x = tf.constant([[1.0], [2.0], [4.0]])  # 3 samples of 1 feature
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x - tf.reduce_mean(x, axis=0)  # every sample sees the others (as batch normalisation does)
    return tape.batch_jacobian(y, x)[:, 0, 0]  # hoped for: ∂y[b]/∂x[b] = 1 − 1/3


def diagonal_of_the_full_jacobian():
    x = tf.constant([[1.0], [2.0], [4.0]])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x - tf.reduce_mean(x, axis=0)
    full = tape.jacobian(y, x)  # (3, 1, 3, 1): every sample against every sample
    return tf.linalg.diag_part(full[:, 0, :, 0])


# 6 ---------------------------------------------------------------------------------------------


def jacobian_of_two_sources_as_one():
    x, y = tf.Variable([1.0, 2.0]), tf.Variable(3.0)
    with tf.GradientTape() as tape:
        z = x * y
    return tape.jacobian(z, [x, y]).shape  # as if it were one tensor


def jacobian_of_two_sources():
    x, y = tf.Variable([1.0, 2.0]), tf.Variable(3.0)
    with tf.GradientTape() as tape:
        z = x * y
    jx, jy = tape.jacobian(z, [x, y])  # a list: one Jacobian per source
    return jx.shape, jy.shape


# 7 ---------------------------------------------------------------------------------------------


def gradient_of_the_gradient():
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            f = x[0] ** 2 * x[1]
        g = inner.gradient(f, x)  # [2·x0·x1, x0²]
    return outer.gradient(g, x)  # hoped for: the Hessian


def jacobian_of_the_gradient():
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            f = x[0] ** 2 * x[1]
        g = inner.gradient(f, x)
    return outer.jacobian(g, x)  # H = [[2·x1, 2·x0], [2·x0, 0]]


# 8 ---------------------------------------------------------------------------------------------


def jacobian_in_a_loop_not_persistent():
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.tanh(x)
    return tape.jacobian(y, x, experimental_use_pfor=False)


def jacobian_in_a_loop_persistent():
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = tf.tanh(x)
    return tape.jacobian(y, x, experimental_use_pfor=False)


def _fails(result: object) -> bool:
    return isinstance(result, Exception)


def _differ(a: object, b: object) -> bool:
    return not _fails(a) and not _fails(b) and not np.allclose(np.asarray(a), np.asarray(b))


def _is_none(value: object) -> bool:
    return value is None


TRAPS: dict[str, Trap] = {
    trap.slug: trap
    for trap in (
        Trap(
            "non_scalar_target",
            Text("The gradient of a vector is the gradient of its sum", "Gradient của một vector là gradient của tổng"),
            gradient_of_a_vector,
            jacobian_of_a_vector,
            lambda b, f: not _fails(b) and np.shape(b) == (3,) and np.shape(f) == (3, 3),
            Text(
                "`tape.gradient(y, x)` with a y of many elements returns one number per element of x: "
                "`tape.gradient(tf.reduce_sum(y), x)`, the Jacobian's column sums. No error says so. For "
                "every ∂y[i]/∂x[k], ask for `tape.jacobian`.",
                "`tape.gradient(y, x)` với y nhiều phần tử trả về một số cho mỗi phần tử của x: chính là "
                "`tape.gradient(tf.reduce_sum(y), x)`, tổng theo cột của Jacobian. Không có lỗi nào báo điều "
                "đó. Muốn mọi ∂y[i]/∂x[k], hãy dùng `tape.jacobian`.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/29064",
            see="digits",
            see_with={"output": "probabilities"},
        ),
        Trap(
            "unwatched_constant",
            Text("A constant the tape does not watch", "Hằng số mà tape không theo dõi"),
            constant_not_watched,
            variable_watched,
            lambda b, f: _is_none(b) and not _is_none(f),
            Text(
                "A tape records operations on what it watches: trainable `tf.Variable`s, and tensors "
                "passed to `tape.watch`. A `tf.constant` is not watched, so its gradient is `None`, "
                "silently. Use a `tf.Variable`, or call `tape.watch(x)` first.",
                "Tape chỉ ghi lại phép tính trên những gì nó theo dõi: các `tf.Variable` huấn luyện được, và "
                "tensor truyền vào `tape.watch`. `tf.constant` không được theo dõi nên gradient của nó là "
                "`None`, không báo lỗi. Hãy dùng `tf.Variable`, hoặc gọi `tape.watch(x)` trước.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/29942",
        ),
        Trap(
            "none_for_unconnected",
            Text("None, not zeros, for a source y does not use", "None, không phải số 0, cho nguồn mà y không dùng"),
            unconnected_is_none,
            unconnected_as_zeros,
            lambda b, f: not _fails(b) and _is_none(b[1]) and not _is_none(f[1]),
            Text(
                "When y does not depend on a source, `tape.gradient` returns `None` for it, and code that "
                "adds gradients fails later, far from the cause. "
                "`unconnected_gradients=tf.UnconnectedGradients.ZERO` returns zeros of the source's shape.",
                "Khi y không phụ thuộc một nguồn, `tape.gradient` trả về `None` cho nguồn đó, và đoạn mã cộng "
                "các gradient sẽ lỗi ở chỗ khác, xa nguyên nhân. "
                "`unconnected_gradients=tf.UnconnectedGradients.ZERO` trả về các số 0 cùng chiều với nguồn.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/26808",
        ),
        Trap(
            "asked_twice",
            Text("A tape asked twice", "Hỏi tape hai lần"),
            asked_twice,
            asked_twice_persistent,
            lambda b, f: _fails(b) and not _fails(f),
            Text(
                "A tape releases what it recorded at its first `gradient` call. Asked again, it raises. "
                "`tf.GradientTape(persistent=True)` keeps the records for as many calls as needed (delete "
                "the tape afterwards to free them).",
                "Tape giải phóng những gì đã ghi ngay ở lần gọi `gradient` đầu tiên. Hỏi lần nữa thì báo lỗi. "
                "`tf.GradientTape(persistent=True)` giữ lại bản ghi cho bao nhiêu lần gọi cũng được (xoá tape "
                "sau đó để giải phóng).",
            ),
            "https://www.tensorflow.org/guide/autodiff#gradients_with_respect_to_a_model",
        ),
        Trap(
            "batch_jacobian_coupled",
            Text("batch_jacobian on samples that interact", "batch_jacobian trên các mẫu ảnh hưởng lẫn nhau"),
            batch_jacobian_with_a_batch_mean,
            diagonal_of_the_full_jacobian,
            _differ,
            Text(
                "`tape.batch_jacobian` assumes sample b's output depends only on sample b's input. It "
                "differentiates each output column summed over the batch, so with a batch mean it returns "
                "Σ~c~ ∂y[c]/∂x[b] (here 0), not the diagonal block ∂y[b]/∂x[b] (here 2/3). The full "
                "Jacobian's diagonal is the honest answer.",
                "`tape.batch_jacobian` giả định đầu ra của mẫu b chỉ phụ thuộc đầu vào của mẫu b. Nó lấy đạo "
                "hàm của từng cột đầu ra cộng theo cả lô, nên khi có trung bình của lô nó trả về "
                "Σ~c~ ∂y[c]/∂x[b] (ở đây bằng 0), không phải khối đường chéo ∂y[b]/∂x[b] (ở đây 2/3). Đường "
                "chéo của Jacobian đầy đủ mới là đáp án đúng.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/38428",
        ),
        Trap(
            "jacobian_list",
            Text("A Jacobian per source, in a list", "Mỗi nguồn một Jacobian, trong một danh sách"),
            jacobian_of_two_sources_as_one,
            jacobian_of_two_sources,
            lambda b, f: _fails(b) and not _fails(f),
            Text(
                "`tape.jacobian(z, [x, y])` returns a list with one Jacobian per source, z.shape + x.shape "
                "and z.shape + y.shape: they cannot be one tensor when the sources' shapes differ.",
                "`tape.jacobian(z, [x, y])` trả về một danh sách, mỗi nguồn một Jacobian, z.shape + x.shape "
                "và z.shape + y.shape: chúng không thể là một tensor khi các nguồn khác chiều.",
            ),
            "https://www.tensorflow.org/api_docs/python/tf/GradientTape#jacobian",
        ),
        Trap(
            "gradient_of_gradient",
            Text("The gradient of the gradient is not the Hessian", "Gradient của gradient không phải Hessian"),
            gradient_of_the_gradient,
            jacobian_of_the_gradient,
            lambda b, f: not _fails(b) and np.shape(b) == (2,) and np.shape(f) == (2, 2),
            Text(
                "The inner gradient g has two elements, so the outer `tape.gradient(g, x)` is the gradient "
                "of their sum: the sums of the Hessian's columns, [2·x1 + 2·x0, 2·x0] = [6, 2]. The Hessian "
                "is the Jacobian of g: `outer.jacobian(g, x)`.",
                "Gradient trong g có hai phần tử, nên `tape.gradient(g, x)` bên ngoài là gradient của tổng "
                "của chúng: tổng các cột của Hessian, [2·x1 + 2·x0, 2·x0] = [6, 2]. Hessian là Jacobian của "
                "g: `outer.jacobian(g, x)`.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/29781",
        ),
        Trap(
            "loop_needs_persistent",
            Text(
                "experimental_use_pfor=False needs a persistent tape", "experimental_use_pfor=False cần tape persistent"
            ),
            jacobian_in_a_loop_not_persistent,
            jacobian_in_a_loop_persistent,
            lambda b, f: _fails(b) and not _fails(f),
            Text(
                "Without pfor, `tape.jacobian` runs one `gradient` call per output element in a while loop, "
                "and a tape answers more than one call only when persistent. The loop is also slower than "
                "pfor (the rows-or-columns page times both), and outside `tf.function` either way is traced "
                "again on every call.",
                "Không có pfor, `tape.jacobian` gọi `gradient` một lần cho mỗi phần tử đầu ra trong vòng lặp "
                "while, mà tape chỉ trả lời nhiều lần khi là persistent. Vòng lặp cũng chậm hơn pfor (trang "
                "từng hàng hay từng cột đo cả hai), và ngoài `tf.function` cả hai cách đều được dựng lại ở "
                "mỗi lần gọi.",
            ),
            "https://github.com/tensorflow/tensorflow/issues/36227",
        ),
    )
}
