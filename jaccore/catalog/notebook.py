"""The notebook's worked examples, in its order, each with the numbers it printed.

Each closed-form Jacobian is written in numpy from the formula: an oracle that shares no code
with TensorFlow's autodiff.
"""

from collections.abc import Callable, Mapping

import numpy as np

from jaccore._tensorflow import tf
from jaccore.catalog.example import Example, constant, eye
from jaccore.translations import Text


def vector_scalar_jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    # z[a,b] = Σ_d x[a,d] y[b,d]: ∂z[a,b]/∂x[c,d] = δ_ac y[b,d], ∂z[a,b]/∂y[c,d] = x[a,d] δ_bc
    x, y = v["x"], v["y"]
    if wrt == "x":
        return np.einsum("ac,bd->abcd", eye(len(x)), y)
    return np.einsum("ad,bc->abcd", x, eye(len(y)))


def square_jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    # y = x ⊙ x: ∂y[a,b]/∂x[c,d] = 2 x[c,d] δ_ac δ_bd, a diagonal Jacobian
    x = v["x"]
    return np.einsum("ac,bd,cd->abcd", eye(x.shape[0]), eye(x.shape[1]), 2 * x)


def scale_jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    # y = a·x: ∂y[a,b]/∂x[c,d] = a δ_ac δ_bd; ∂y[a,b]/∂a = x[a,b]
    a, x = v["a"], v["x"]
    if wrt == "a":
        return x.copy()
    return a * np.einsum("ac,bd->abcd", eye(x.shape[0]), eye(x.shape[1]))


def matmul_jacobian(left: str, right: str) -> Callable[[Mapping[str, np.ndarray], str], np.ndarray]:
    """C = L·R: ∂C[i,j]/∂L[k,l] = δ_ik R[l,j] and ∂C[i,j]/∂R[k,l] = L[i,k] δ_jl."""

    def jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
        a, b = v[left], v[right]
        if wrt == left:
            return np.einsum("ik,lj->ijkl", eye(a.shape[0]), b)
        return np.einsum("ik,jl->ijkl", a, eye(b.shape[1]))

    return jacobian


def shape_rule_jacobian(v: Mapping[str, np.ndarray], wrt: str) -> np.ndarray:
    # Y = Wᵀ·M, Y[i,j] = Σ_m W[m,i] M[m,j]: ∂Y[i,j]/∂W[k,l] = δ_il M[k,j]; ∂Y[i,j]/∂M[k,l] = W[k,i] δ_jl
    w, m = v["W"], v["M"]
    if wrt == "W":
        return np.einsum("il,kj->ijkl", eye(w.shape[1]), m)
    return np.einsum("ki,jl->ijkl", w, eye(m.shape[1]))


EXAMPLES: dict[str, Example] = {
    example.slug: example
    for example in (
        Example(
            slug="vector_scalar",
            output_name="z",
            fn=lambda x, y: tf.matmul(x, y, transpose_b=True),
            inputs={"x": constant([[1, 2]]), "y": constant([[3, 4]])},
            wrt=("x", "y"),
            formula=r"z = \mathbf{x}\,\mathbf{y}^\top = x_1 y_1 + x_2 y_2",
            code="tf.matmul(x, y, transpose_b=True)",
            closed_form=vector_scalar_jacobian,
            title=Text("x·yᵀ: vector → scalar", "x·yᵀ: véc-tơ → số"),
            question=Text(
                "z is a single number that depends on two vectors. How does z change with each element of x and of y?",
                "z là một con số phụ thuộc vào hai véc-tơ. z thay đổi thế nào theo từng phần tử của x và của y?",
            ),
            insight=Text(
                "z has shape (1, 1), so there is a single slice, and it is the gradient: ∂z/∂x = y and "
                "∂z/∂y = x. Even so the Jacobian's shape is (1, 1) + (1, 2) = (1, 1, 1, 2): the output's "
                "axes stay in front, even when they have length 1.",
                "z có chiều (1, 1) nên chỉ có một lát cắt, và nó chính là gradient: ∂z/∂x = y và "
                "∂z/∂y = x. Dù vậy Jacobian vẫn có chiều (1, 1) + (1, 2) = (1, 1, 1, 2): các trục của đầu "
                "ra luôn đứng trước, kể cả khi chúng dài 1.",
            ),
            notebook={
                "output": [[11.0]],
                "jacobian": {"x": [[[[3.0, 4.0]]]], "y": [[[[1.0, 2.0]]]]},
            },
        ),
        Example(
            slug="square",
            output_name="y",
            fn=lambda x: x * x,
            inputs={"x": constant([[1, 2]])},
            wrt=("x",),
            formula=r"\mathbf{y} = \mathbf{x} \odot \mathbf{x},\quad y_i = x_i^2",
            code="x * x",
            closed_form=square_jacobian,
            title=Text("x ⊙ x: element-wise square", "x ⊙ x: bình phương từng phần tử"),
            question=Text(
                "Each y_i is x_i squared. Which inputs does each output element depend on?",
                "Mỗi y_i là bình phương của x_i. Mỗi phần tử đầu ra phụ thuộc vào những đầu vào nào?",
            ),
            insight=Text(
                "y_i depends on x_i alone, so each slice has a single non-zero entry, 2·x_i, on the "
                "diagonal. The Jacobian is a matrix; the gradient keeps one number per input, [2x₁, 2x₂]. "
                "The Jacobian is the most detailed form of the gradient.",
                "y_i chỉ phụ thuộc vào x_i, nên mỗi lát cắt chỉ có một phần tử khác 0 là 2·x_i, nằm trên "
                "đường chéo. Jacobian là một ma trận; gradient chỉ giữ mỗi đầu vào một số, [2x₁, 2x₂]. "
                "Jacobian là cách viết chi tiết nhất của gradient.",
            ),
            notebook={
                "output": [[1.0, 4.0]],
                "jacobian": {"x": [[[[2.0, 0.0]], [[0.0, 4.0]]]]},
                "gradient": {"x": [[2.0, 4.0]]},
            },
        ),
        Example(
            slug="scale",
            output_name="y",
            fn=lambda a, x: a * x,
            inputs={"a": constant(3), "x": constant([[1, 3]])},
            wrt=("x", "a"),
            formula=r"\mathbf{y} = a\,\mathbf{x},\quad y_i = a\,x_i",
            code="a * x",
            closed_form=scale_jacobian,
            title=Text("a·x: scaling by a scalar", "a·x: nhân với một số vô hướng"),
            question=Text(
                "Multiplying by the scalar a stretches x. What is ∂y/∂x, and what is ∂y/∂a when a is copied "
                "to every element?",
                "Nhân với số a làm giãn x. ∂y/∂x là gì, và ∂y/∂a là gì khi a được nhân vào mọi phần tử?",
            ),
            insight=Text(
                "With respect to x the slices are a·(unit vectors): a diagonal Jacobian, gradient [a, a]. "
                "With respect to a (shape ()), J has shape (1, 2) + () = (1, 2) and equals x; the gradient "
                "sums it to x₁ + x₂ — a was used by every output element, so its contributions add up. "
                "This is why a bias's gradient is a sum.",
                "Theo x, các lát cắt là a·(véc-tơ đơn vị): Jacobian đường chéo, gradient [a, a]. Theo a "
                "(chiều ()), J có chiều (1, 2) + () = (1, 2) và bằng x; gradient cộng lại thành x₁ + x₂ — a "
                "được dùng ở mọi phần tử đầu ra nên các đóng góp cộng dồn. Đó là lý do gradient của bias là "
                "một phép tổng.",
            ),
            notebook={
                "output": [[3.0, 9.0]],
                "jacobian": {"x": [[[[3.0, 0.0]], [[0.0, 3.0]]]]},
                "gradient": {"x": [[3.0, 3.0]]},
            },
        ),
        Example(
            slug="matvec",
            output_name="f",
            fn=lambda W, x: tf.matmul(W, x),
            inputs={
                "W": constant([[1, 2, 3], [-1, 3, 2], [2, 3, 1]]),
                "x": constant([[4], [5], [6]]),
            },
            wrt=("x", "W"),
            formula=r"\mathbf{f} = W\mathbf{x},\quad f_i = \sum_k W_{ik}\,x_k",
            code="tf.matmul(W, x)",
            closed_form=matmul_jacobian("W", "x"),
            title=Text("W·x: matrix times vector", "W·x: ma trận nhân véc-tơ"),
            question=Text(
                "A matrix maps x to f. What shape does the Jacobian have with respect to x, and with respect to W?",
                "Một ma trận biến x thành f. Jacobian theo x có chiều thế nào, còn theo W thì sao?",
            ),
            insight=Text(
                "With respect to x, the slice of f_i is row i of W, so the Jacobian (3, 1, 3, 1) is W itself "
                "and the gradient is W's column sums [2, 8, 6]. With respect to W, the slice of f_i is x "
                "placed in row i: shape (3, 1) + (3, 3) = (3, 1, 3, 3), and every row of the gradient is xᵀ.",
                "Theo x, lát cắt của f_i là hàng i của W, nên Jacobian (3, 1, 3, 1) chính là W và gradient là "
                "tổng các cột của W: [2, 8, 6]. Theo W, lát cắt của f_i là x đặt vào hàng i: chiều (3, 1) + "
                "(3, 3) = (3, 1, 3, 3), và mỗi hàng của gradient là xᵀ.",
            ),
            notebook={
                "output": [[32.0], [23.0], [29.0]],
                "jacobian": {"x": [[[[1.0], [2.0], [3.0]]], [[[-1.0], [3.0], [2.0]]], [[[2.0], [3.0], [1.0]]]]},
                "gradient": {"W": [[4.0, 5.0, 6.0]] * 3, "x": [[2.0], [8.0], [6.0]]},
                "jacobian_shape": {"x": (3, 1, 3, 1), "W": (3, 1, 3, 3)},
            },
        ),
        Example(
            slug="shape_rule",
            output_name="Y",
            # The notebook names only the shapes, W (3,2) → Y (2,4). Y = Wᵀ·M is the simplest map
            # with them: W stays in a dense layer's (in, out) layout, and each Y[i, j] reads only
            # column i of W, so every slice has one non-zero column and the rule is easy to see.
            fn=lambda W, M: tf.matmul(W, M, transpose_a=True),
            inputs={
                "W": constant([[1, 2], [3, 4], [5, 6]]),
                "M": constant([[1, 0, 2, 1], [0, 1, 1, 2], [1, 1, 0, 1]]),
            },
            wrt=("W", "M"),
            formula=r"Y = W^\top M,\quad Y_{ij} = \sum_m W_{mi}\,M_{mj},\quad W \in \mathbb{R}^{3\times 2},\ "
            r"Y \in \mathbb{R}^{2\times 4}",
            code="tf.matmul(W, M, transpose_a=True)",
            closed_form=shape_rule_jacobian,
            title=Text("The shape rule: W(3,2) → Y(2,4)", "Quy tắc về chiều: W(3,2) → Y(2,4)"),
            question=Text(
                "A (3, 2) matrix becomes a (2, 4) matrix. Before looking: what shape is ∂Y/∂W?",
                "Một ma trận (3, 2) biến thành ma trận (2, 4). Trước khi xem: ∂Y/∂W có chiều thế nào?",
            ),
            insight=Text(
                "Go through Y first, then W: (2, 4) + (3, 2) = (2, 4, 3, 2) — a 2×4 grid of 3×2 slices. "
                "Y[i, j] uses only column i of W, so slice (i, j) is M's column j placed in column i.",
                "Đi theo Y trước rồi đến W: (2, 4) + (3, 2) = (2, 4, 3, 2) — một lưới 2×4, mỗi ô là một lát "
                "cắt 3×2. Y[i, j] chỉ dùng cột i của W, nên lát cắt (i, j) là cột j của M đặt vào cột i.",
            ),
            notebook={"jacobian_shape": {"W": (2, 4, 3, 2)}},
        ),
        Example(
            slug="matmul",
            output_name="C",
            fn=lambda A, B: tf.matmul(A, B),
            inputs={"A": constant([[1, 2], [3, 4]]), "B": constant([[5, 6], [7, 8]])},
            wrt=("A", "B"),
            formula=r"C = A\,B,\quad C_{ij} = \sum_k A_{ik}\,B_{kj}",
            code="tf.matmul(A, B)",
            closed_form=matmul_jacobian("A", "B"),
            title=Text("A·B: matrix times matrix", "A·B: ma trận nhân ma trận"),
            question=Text(
                "Compute ∇_A C and the matching Jacobian. Predict the Jacobian's shape first.",
                "Tính ∇_A C và Jacobian tương ứng. Hãy đoán chiều của Jacobian trước.",
            ),
            insight=Text(
                "C[i, j] uses row i of A, so the slice ∂C[i, j]/∂A is column j of B laid in row i: "
                "shape (2, 2) + (2, 2) = (2, 2, 2, 2). Summing the four slices gives every row of the "
                "gradient equal to B's row sums: [[11, 15], [11, 15]].",
                "C[i, j] dùng hàng i của A, nên lát cắt ∂C[i, j]/∂A là cột j của B đặt vào hàng i: chiều "
                "(2, 2) + (2, 2) = (2, 2, 2, 2). Cộng bốn lát cắt lại, mỗi hàng của gradient bằng tổng các "
                "hàng của B: [[11, 15], [11, 15]].",
            ),
            notebook={
                "output": [[19.0, 22.0], [43.0, 50.0]],
                "jacobian": {
                    "A": [
                        [[[5.0, 7.0], [0.0, 0.0]], [[6.0, 8.0], [0.0, 0.0]]],
                        [[[0.0, 0.0], [5.0, 7.0]], [[0.0, 0.0], [6.0, 8.0]]],
                    ]
                },
                "gradient": {"A": [[11.0, 15.0], [11.0, 15.0]]},
                "jacobian_shape": {"A": (2, 2, 2, 2), "B": (2, 2, 2, 2)},
            },
        ),
    )
}
