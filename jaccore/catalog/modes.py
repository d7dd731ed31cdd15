"""The functions of the pages beyond the Jacobian: a small layer, whose Jacobian is built row by
row or column by column, and scalar functions, whose Hessian is the Jacobian of their gradient."""

from collections.abc import Mapping

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.example import Example, constant
from jaccore.translations import Text


def layer_jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    """y = tanh(W·x): ∂y[i,0]/∂x[k,0] = (1 − y[i]²) W[i,k]; ∂y[i,0]/∂W[j,k] = (1 − y[i]²) δ_ij x[k]."""
    w, x = v["W"], v["x"]
    slope = 1 - np.tanh(w @ x)[:, 0] ** 2
    if wrt == "x":
        return (slope[:, None] * w)[:, None, :, None]
    rows = np.einsum("i,ij,k->ijk", slope, np.eye(w.shape[0]), x[:, 0])
    return rows[:, None, :, :]


LAYER = Example(
    slug="layer",
    output_name="y",
    fn=lambda W, x: tf.tanh(tf.matmul(W, x)),
    inputs={
        "W": constant([[0.5, -1, 1.5, 1], [1, 0.5, -0.5, 0], [-0.5, 1, 1, 0.5]]),
        "x": constant([[1], [0.5], [-1], [2]]),
    },
    wrt=("x", "W"),
    formula=r"y = \tanh(W x),\quad W \in \mathbb{R}^{3\times 4},\ x \in \mathbb{R}^{4\times 1}",
    code="tf.tanh(tf.matmul(W, x))",
    closed_form=layer_jacobian,
    title=Text("A small layer", "Một lớp nhỏ"),
    question=Text("How many passes build its Jacobian?", "Cần bao nhiêu lượt để dựng Jacobian của nó?"),
    insights={},
    # The worked examples' slider range and step: the linear map's page switches between them and
    # this layer, and a slider keeps its value (x[0,0] = 7 must stay in range).
)


def quadratic_hessian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    a = QUADRATIC_A.astype(np.float64)
    return a + a.T


def cubic_hessian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    x = v["x"]
    return np.diag(6 * x) + np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]])


def log_sum_exp_hessian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    x = v["x"]
    p = np.exp(x - x.max())
    p /= p.sum()
    return np.diag(p) - np.outer(p, p)


# Not symmetric on purpose: xᵀAx only sees A's symmetric part, and the Hessian shows it.
QUADRATIC_A = constant([[1, 2, 0], [0, 3, -1], [1, 0, 2]])
START = constant([1, -0.5, 2])

HESSIAN_EXAMPLES: dict[str, Example] = {
    example.slug: example
    for example in (
        Example(
            slug="cubic",
            output_name="f",
            fn=lambda x: tf.reduce_sum(x**3) + x[0] * x[1],
            inputs={"x": START},
            wrt=("x",),
            formula=r"f(x) = x[0]^3 + x[1]^3 + x[2]^3 + x[0]\,x[1]",
            code="tf.reduce_sum(x**3) + x[0] * x[1]",
            closed_form=cubic_hessian,
            title=Text("A cubic with one cross term", "Hàm bậc ba có một số hạng chéo"),
            question=Text("Which entries off the diagonal are not zero?", "Phần tử nào ngoài đường chéo khác 0?"),
            insights={
                "x": Text(
                    "Only H[0,1] = H[1,0] = 1, from the cross term x[0]·x[1]; the diagonal is 6·x[k].",
                    "Chỉ H[0,1] = H[1,0] = 1, từ số hạng chéo x[0]·x[1]; đường chéo là 6·x[k].",
                )
            },
        ),
        Example(
            slug="quadratic",
            output_name="f",
            fn=lambda x: tf.tensordot(x, tf.linalg.matvec(tf.cast(QUADRATIC_A, x.dtype), x), 1),
            inputs={"x": START},
            wrt=("x",),
            formula=r"f(x) = x^\top A x,\quad A = \begin{bmatrix}1&2&0\\0&3&-1\\1&0&2\end{bmatrix}",
            code="tf.tensordot(x, tf.linalg.matvec(A, x), 1)",
            constants={"A": QUADRATIC_A},
            closed_form=quadratic_hessian,
            title=Text("A quadratic form xᵀAx", "Dạng toàn phương xᵀAx"),
            question=Text("Does H depend on x?", "H có phụ thuộc x không?"),
            insights={
                "x": Text(
                    "No: H = A + Aᵀ at every x, symmetric although A is not. Move the sliders: H stays.",
                    "Không: H = A + Aᵀ tại mọi x, đối xứng dù A không đối xứng. Kéo thanh trượt: H không đổi.",
                )
            },
        ),
        Example(
            slug="log_sum_exp",
            output_name="f",
            fn=lambda x: tf.reduce_logsumexp(x),
            inputs={"x": START},
            wrt=("x",),
            formula=r"f(x) = \log \textstyle\sum_k e^{x[k]}",
            code="tf.reduce_logsumexp(x)",
            closed_form=log_sum_exp_hessian,
            title=Text("log-sum-exp (softmax's potential)", "Hàm LogSumExp (thế năng của softmax)"),
            question=Text("What does each row of H add up to?", "Mỗi hàng của H cộng lại bằng bao nhiêu?"),
            insights={
                "x": Text(
                    "Zero: H = diag(p) − p pᵀ with p = softmax(x), and moving every x[k] by the same amount "
                    "changes no p.",
                    "Bằng 0: H = diag(p) − p pᵀ với p = softmax(x), và cộng cùng một lượng vào mọi x[k] "
                    "không làm p thay đổi.",
                )
            },
        ),
    )
}
