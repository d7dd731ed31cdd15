"""The batch_jacobian page's two layers: samples independent, then coupled by the batch mean."""

from collections.abc import Callable, Mapping

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.example import Example, constant, eye
from jaccore.translations import Text


def dense_jacobian(centred: bool) -> Callable[[Mapping[str, np.ndarray], str], np.ndarray]:
    """y = tanh(x̃·W) with x̃ = x, or x − its batch mean: ∂y[b,i]/∂x[c,k] = (1 − y[b,i]²) M[b,c] W[k,i].

    M is the identity for independent samples, and I − 1/B when the batch mean couples them.
    """

    def jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
        x, w = v["x"], v["W"]
        batch = x.shape[0]
        mixed = eye(batch) - (1 / batch if centred else 0)
        y = np.tanh((x - x.mean(axis=0) if centred else x) @ w)
        return np.einsum("bi,bc,ki->bick", 1 - y**2, mixed, w)

    return jacobian


DENSE_INPUTS = {"x": constant([[1, 2], [0, -1], [2, 1]]), "W": constant([[0.5, -1], [1, 0.5]])}

BATCH_EXAMPLES: dict[str, Example] = {
    "independent": Example(
        slug="independent",
        output_name="y",
        fn=lambda x, W: tf.tanh(tf.matmul(x, W)),
        inputs=DENSE_INPUTS,
        wrt=("x",),
        formula=r"y[b] = \tanh(x[b]\,W)",
        code="tf.tanh(tf.matmul(x, W))",
        closed_form=dense_jacobian(centred=False),
        title=Text("Independent samples", "Các mẫu độc lập"),
        question=Text(
            "Does sample b's output depend on sample c's input?", "Đầu ra của mẫu b có phụ thuộc đầu vào mẫu c?"
        ),
        insights={
            "x": Text(
                "No: every off-diagonal block is zero, so batch_jacobian returns exactly the diagonal blocks.",
                "Không: mọi khối ngoài đường chéo bằng 0, nên batch_jacobian trả về đúng các khối đường chéo.",
            ),
        },
        value_range=(-3.0, 3.0),
        step=0.25,
    ),
    "coupled": Example(
        slug="coupled",
        output_name="y",
        fn=lambda x, W: tf.tanh(tf.matmul(x - tf.reduce_mean(x, axis=0), W)),
        inputs=DENSE_INPUTS,
        wrt=("x",),
        formula=r"y[b] = \tanh\big((x[b] - \bar{x})\,W\big),\quad \bar{x} = \tfrac{1}{B}\textstyle\sum_c x[c]",
        code="tf.tanh(tf.matmul(x - tf.reduce_mean(x, axis=0), W))",
        closed_form=dense_jacobian(centred=True),
        title=Text("Samples coupled by the batch mean", "Các mẫu liên kết qua trung bình của cả lô"),
        question=Text(
            "Now every output sees the batch mean. What happens off the diagonal?",
            "Giờ mỗi đầu ra đều thấy trung bình của batch. Ngoài đường chéo thì sao?",
        ),
        insights={
            "x": Text(
                "Off-diagonal blocks light up (−1/B · …). batch_jacobian still returns one block per sample, "
                "but each is its whole column added up, not ∂y[b]/∂x[b]: the coupling is silently folded in.",
                "Các khối ngoài đường chéo sáng lên (−1/B · …). batch_jacobian vẫn trả về mỗi mẫu một khối, nhưng "
                "mỗi khối là cả cột cộng lại chứ không phải ∂y[b]/∂x[b]: sự liên kết bị gộp vào mà không báo.",
            ),
        },
        value_range=(-3.0, 3.0),
        step=0.25,
    ),
}
