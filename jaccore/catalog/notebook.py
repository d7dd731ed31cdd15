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
            formula=r"z = \mathbf{x}\,\mathbf{y}^\top = x[0,0]\,y[0,0] + x[0,1]\,y[0,1]",
            code="tf.matmul(x, y, transpose_b=True)",
            closed_form=vector_scalar_jacobian,
            title=Text("x·yᵀ: vector → scalar", "x·yᵀ: vector → số"),
            question=Text(
                "z is a single number that depends on two vectors. How does z change with each element of x and of y?",
                "z là một con số phụ thuộc vào hai vector. z thay đổi thế nào theo từng phần tử của x và của y?",
            ),
            insights={
                "x": Text(
                    "z has shape (1, 1): one output element, so there is a single slice ∂z[0,0]/∂x, and it is "
                    "the gradient: ∂z/∂x = y = `{gradient}`. Even so the Jacobian's shape is (1, 1) + (1, 2) = "
                    "(1, 1, 1, 2): the output's axes come first, even when they have length 1.",
                    "z có chiều (1, 1): chỉ một phần tử đầu ra, nên chỉ có một lát cắt ∂z[0,0]/∂x, và nó chính là "
                    "gradient: ∂z/∂x = y = `{gradient}`. Dù vậy Jacobian vẫn có chiều (1, 1) + (1, 2) = (1, 1, 1, "
                    "2): các trục của đầu ra luôn đứng trước, kể cả khi chúng dài 1.",
                ),
                "y": Text(
                    "z has shape (1, 1): one output element, so there is a single slice ∂z[0,0]/∂y, and it is "
                    "the gradient: ∂z/∂y = x = `{gradient}`. Even so the Jacobian's shape is (1, 1) + (1, 2) = "
                    "(1, 1, 1, 2): the output's axes come first, even when they have length 1.",
                    "z có chiều (1, 1): chỉ một phần tử đầu ra, nên chỉ có một lát cắt ∂z[0,0]/∂y, và nó chính là "
                    "gradient: ∂z/∂y = x = `{gradient}`. Dù vậy Jacobian vẫn có chiều (1, 1) + (1, 2) = (1, 1, 1, "
                    "2): các trục của đầu ra luôn đứng trước, kể cả khi chúng dài 1.",
                ),
            },
            goal=Text(
                "Goal: see that one output still puts its own axes first in the Jacobian, (1, 1, 1, 2), and "
                "build ∂z/∂x from its single slice.",
                "Mục tiêu: thấy rằng dù chỉ có một đầu ra, Jacobian vẫn đặt các trục của đầu ra lên trước, "
                "(1, 1, 1, 2), và tự dựng ∂z/∂x từ lát cắt duy nhất của nó.",
            ),
            remember=Text(
                "- One output element, one slice, and that slice is the gradient: ∂z/∂x = y and ∂z/∂y = x.\n"
                "- The output's axes stay in the shape even when they have length 1: (1, 1) + (1, 2) = (1, 1, 1, 2).",
                "- Một phần tử đầu ra, một lát cắt, và lát cắt đó chính là gradient: ∂z/∂x = y và ∂z/∂y = x.\n"
                "- Các trục của đầu ra vẫn nằm trong chiều của Jacobian dù chúng dài 1: (1, 1) + (1, 2) = "
                "(1, 1, 1, 2).",
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
            formula=r"\mathbf{y} = \mathbf{x} \odot \mathbf{x},\quad y[0,j] = x[0,j]^2",
            code="x * x",
            closed_form=square_jacobian,
            title=Text("x ⊙ x: element-wise square", "x ⊙ x: bình phương từng phần tử"),
            question=Text(
                "Each y[0,j] is x[0,j] squared. Which inputs does each output element depend on?",
                "Mỗi y[0,j] là bình phương của x[0,j]. Mỗi phần tử đầu ra phụ thuộc vào những đầu vào nào?",
            ),
            insights={
                "x": Text(
                    "y[0,k] depends on x[0,k] alone, so each slice has a single non-zero entry, 2·x[0,k], on the "
                    "diagonal. The Jacobian is a matrix of every partial derivative; `tape.gradient(y, x)` keeps "
                    "one number per input element, the slices added up: `{gradient}`. The Jacobian is the most "
                    "detailed form of the gradient.",
                    "y[0,k] chỉ phụ thuộc vào x[0,k], nên mỗi lát cắt chỉ có một phần tử khác 0 là 2·x[0,k], nằm "
                    "trên đường chéo. Jacobian là ma trận của mọi đạo hàm riêng; `tape.gradient(y, x)` chỉ giữ mỗi "
                    "phần tử đầu vào một số, là tổng các lát cắt: `{gradient}`. Jacobian là cách viết chi tiết nhất "
                    "của gradient.",
                ),
            },
            goal=Text(
                "Goal: see why an element-wise function has a diagonal Jacobian, and build `tape.gradient(y, x)` "
                "from its slices.",
                "Mục tiêu: hiểu vì sao một hàm tính theo từng phần tử có Jacobian đường chéo, và tự dựng "
                "`tape.gradient(y, x)` từ các lát cắt của nó.",
            ),
            remember=Text(
                "- Element-wise: y[0,k] depends on x[0,k] alone, so each slice has one non-zero cell, 2·x[0,k], "
                "and the Jacobian is diagonal.\n"
                "- The gradient adds the slices up: 2·x, one number per element of x. The Jacobian keeps every "
                "partial derivative; the gradient only their sums.",
                "- Tính theo từng phần tử: y[0,k] chỉ phụ thuộc vào x[0,k], nên mỗi lát cắt có một ô khác 0 là "
                "2·x[0,k], và Jacobian là ma trận đường chéo.\n"
                "- Gradient là tổng các lát cắt: 2·x, mỗi phần tử của x một số. Jacobian giữ mọi đạo hàm riêng; "
                "gradient chỉ giữ tổng của chúng.",
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
            formula=r"\mathbf{y} = a\,\mathbf{x},\quad y[0,j] = a\,x[0,j]",
            code="a * x",
            closed_form=scale_jacobian,
            title=Text("a·x: scaling by a scalar", "a·x: nhân với một số vô hướng"),
            question=Text(
                "Multiplying by the scalar a stretches x. What is ∂y/∂x, and what is ∂y/∂a when a is copied "
                "to every element?",
                "Nhân với số a làm giãn x. ∂y/∂x là gì, và ∂y/∂a là gì khi a được nhân vào mọi phần tử?",
            ),
            insights={
                "x": Text(
                    "With respect to x the slices are a times a unit vector: a diagonal Jacobian with a on its "
                    "diagonal. `tape.gradient(y, x)` adds them up to [a, a] = `{gradient}`.",
                    "Theo x, các lát cắt là a nhân một vector đơn vị: Jacobian đường chéo với a trên đường chéo. "
                    "`tape.gradient(y, x)` cộng chúng lại thành [a, a] = `{gradient}`.",
                ),
                "a": Text(
                    "With respect to a (shape ()), J has shape (1, 2) + () = (1, 2) and equals x. "
                    "`tape.gradient(y, a)` adds it up to x[0,0] + x[0,1] = `{gradient}`: a was used by every output "
                    "element, so its contributions add up. This is why a bias's gradient is a sum.",
                    "Theo a (chiều ()), J có chiều (1, 2) + () = (1, 2) và bằng x. `tape.gradient(y, a)` cộng lại "
                    "thành x[0,0] + x[0,1] = `{gradient}`: a được dùng ở mọi phần tử đầu ra nên các đóng góp cộng "
                    "dồn. Đó là lý do gradient của bias là một phép tổng.",
                ),
            },
            goal=Text(
                "Goal: compare the Jacobian with respect to the vector x and to the scalar a, and see why the "
                "gradient of something shared by every output element is a sum.",
                "Mục tiêu: so sánh Jacobian theo vector x và theo số a, và hiểu vì sao gradient của một tham số "
                "dùng chung cho mọi phần tử đầu ra là một phép tổng.",
            ),
            remember=Text(
                "- With respect to x: a on the diagonal, and the gradient [a, a].\n"
                "- With respect to the scalar a: the Jacobian is x itself, shape y.shape + () = (1, 2); the "
                "gradient adds it up, x[0,0] + x[0,1]. A bias's gradient is a sum for the same reason.",
                "- Theo x: a nằm trên đường chéo, và gradient là [a, a].\n"
                "- Theo số a: Jacobian chính là x, chiều y.shape + () = (1, 2); gradient cộng lại thành "
                "x[0,0] + x[0,1]. Gradient của bias là một phép tổng cũng vì lý do này.",
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
            formula=r"\mathbf{f} = W\mathbf{x},\quad f[i,0] = \sum_k W[i,k]\,x[k,0]",
            code="tf.matmul(W, x)",
            closed_form=matmul_jacobian("W", "x"),
            title=Text("W·x: matrix times vector", "W·x: ma trận nhân vector"),
            question=Text(
                "A matrix maps x to f. What shape does the Jacobian have with respect to x, and with respect to W?",
                "Một ma trận biến x thành f. Jacobian theo x có chiều thế nào, còn theo W thì sao?",
            ),
            insights={
                "x": Text(
                    "The slice ∂f[i,0]/∂x is row i of W, standing as a column because x is one: the Jacobian "
                    "(3, 1, 3, 1) is W with two axes of length 1 (its flat view, f.size × x.size, is W itself). "
                    "`tape.gradient(f, x)` adds the three slices: W's column sums, `{gradient}`.",
                    "Lát cắt ∂f[i,0]/∂x là hàng i của W, dựng đứng thành cột vì x là một cột: Jacobian (3, 1, 3, 1) "
                    "là W thêm hai trục dài 1 (dạng phẳng f.size × x.size của nó chính là W). "
                    "`tape.gradient(f, x)` cộng ba lát cắt lại: tổng từng cột của W, `{gradient}`.",
                ),
                "W": Text(
                    "The slice ∂f[i,0]/∂W is x placed in row i of a 3×3 grid: shape (3, 1) + (3, 3) = (3, 1, 3, "
                    "3). `tape.gradient(f, W)` adds the three slices: every row of it is xᵀ, `{gradient}`.",
                    "Lát cắt ∂f[i,0]/∂W là x đặt vào hàng i của một lưới 3×3: chiều (3, 1) + (3, 3) = (3, 1, 3, "
                    "3). `tape.gradient(f, W)` cộng ba lát cắt lại: mỗi hàng của nó là xᵀ, `{gradient}`.",
                ),
            },
            goal=Text(
                "Goal: read ∂f/∂x as W itself and ∂f/∂W as x laid in a row, and build both gradients from "
                "their three slices.",
                "Mục tiêu: nhận ra ∂f/∂x chính là W, ∂f/∂W là x đặt vào một hàng, và tự dựng cả hai gradient từ "
                "ba lát cắt của chúng.",
            ),
            remember=Text(
                "- ∂f[i,0]/∂x is row i of W: flat, the Jacobian with respect to x is W, and the gradient is W's "
                "column sums, [2, 8, 6] at the notebook's values.\n"
                "- ∂f[i,0]/∂W is x laid in row i: (3, 1) + (3, 3) = (3, 1, 3, 3), and every row of the gradient "
                "is xᵀ.",
                "- ∂f[i,0]/∂x là hàng i của W: ở dạng phẳng, Jacobian theo x chính là W, còn gradient là tổng "
                "từng cột của W, [2, 8, 6] tại các giá trị của notebook.\n"
                "- ∂f[i,0]/∂W là x đặt vào hàng i: (3, 1) + (3, 3) = (3, 1, 3, 3), và mỗi hàng của gradient là xᵀ.",
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
            formula=r"Y = W^\top M,\quad Y[i,j] = \sum_m W[m,i]\,M[m,j],\quad W \in \mathbb{R}^{3\times 2},\ "
            r"Y \in \mathbb{R}^{2\times 4}",
            code="tf.matmul(W, M, transpose_a=True)",
            closed_form=shape_rule_jacobian,
            title=Text("The shape rule: W(3,2) → Y(2,4)", "Quy tắc về chiều: W(3,2) → Y(2,4)"),
            question=Text(
                "A (3, 2) matrix becomes a (2, 4) matrix. Before looking: what shape is ∂Y/∂W?",
                "Một ma trận (3, 2) biến thành ma trận (2, 4). Trước khi xem: ∂Y/∂W có chiều thế nào?",
            ),
            insights={
                "W": Text(
                    "Go through Y first, then W: (2, 4) + (3, 2) = (2, 4, 3, 2) — a 2×4 grid of 3×2 slices. "
                    "Y[i,j] uses only column i of W, so the slice ∂Y[i,j]/∂W is M's column j placed in column i.",
                    "Đi theo Y trước rồi đến W: (2, 4) + (3, 2) = (2, 4, 3, 2) — một lưới 2×4, mỗi ô là một lát "
                    "cắt 3×2. Y[i,j] chỉ dùng cột i của W, nên lát cắt ∂Y[i,j]/∂W là cột j của M đặt vào cột i.",
                ),
                "M": Text(
                    "Go through Y first, then M: (2, 4) + (3, 4) = (2, 4, 3, 4) — a 2×4 grid of 3×4 slices. "
                    "Y[i,j] uses only column j of M, so the slice ∂Y[i,j]/∂M is W's column i placed in column j.",
                    "Đi theo Y trước rồi đến M: (2, 4) + (3, 4) = (2, 4, 3, 4) — một lưới 2×4, mỗi ô là một lát "
                    "cắt 3×4. Y[i,j] chỉ dùng cột j của M, nên lát cắt ∂Y[i,j]/∂M là cột i của W đặt vào cột j.",
                ),
            },
            goal=Text(
                "Goal: apply the rule “Jacobian shape = output shape + input shape” to W (3, 2) → Y (2, 4), and "
                "build ∇W from its eight slices.",
                "Mục tiêu: áp dụng quy tắc “chiều của Jacobian = chiều của kết quả + chiều của đầu vào” cho "
                "W (3, 2) → Y (2, 4), và tự dựng ∇W từ tám lát cắt của nó.",
            ),
            remember=Text(
                "- Jacobian shape = output shape + input shape: (2, 4) + (3, 2) = (2, 4, 3, 2), the output's "
                "axes first.\n"
                "- The gradient has the input's shape, (3, 2): the eight slices added cell by cell.",
                "- Chiều của Jacobian = chiều của kết quả + chiều của đầu vào: (2, 4) + (3, 2) = (2, 4, 3, 2), "
                "các trục của đầu ra đứng trước.\n"
                "- Gradient có chiều của đầu vào, (3, 2): tám lát cắt cộng lại theo từng ô.",
            ),
            notebook={"jacobian_shape": {"W": (2, 4, 3, 2)}},
        ),
        Example(
            slug="matmul",
            output_name="C",
            fn=lambda A, B: tf.matmul(A, B),
            inputs={"A": constant([[1, 2], [3, 4]]), "B": constant([[5, 6], [7, 8]])},
            wrt=("A", "B"),
            formula=r"C = A\,B,\quad C[i,j] = \sum_k A[i,k]\,B[k,j]",
            code="tf.matmul(A, B)",
            closed_form=matmul_jacobian("A", "B"),
            title=Text("A·B: matrix times matrix", "A·B: ma trận nhân ma trận"),
            question=Text(
                "Compute ∇~A~C and the matching Jacobian. Predict the Jacobian's shape first.",
                "Tính ∇~A~C và Jacobian tương ứng. Hãy đoán chiều của Jacobian trước.",
            ),
            insights={
                "A": Text(
                    "C[i,j] uses row i of A, so the slice ∂C[i,j]/∂A is column j of B laid in row i: (2, 2) + "
                    "(2, 2) = (2, 2, 2, 2). `tape.gradient(C, A)` adds the four slices: every row of it is B's "
                    "row sums, `{gradient}`.",
                    "C[i,j] dùng hàng i của A, nên lát cắt ∂C[i,j]/∂A là cột j của B đặt vào hàng i: (2, 2) + "
                    "(2, 2) = (2, 2, 2, 2). `tape.gradient(C, A)` cộng bốn lát cắt lại: mỗi hàng của nó là tổng "
                    "từng hàng của B, `{gradient}`.",
                ),
                "B": Text(
                    "C[i,j] uses column j of B, so the slice ∂C[i,j]/∂B is row i of A laid in column j: (2, 2) + "
                    "(2, 2) = (2, 2, 2, 2). `tape.gradient(C, B)` adds the four slices: every column of it is A's "
                    "column sums, `{gradient}`.",
                    "C[i,j] dùng cột j của B, nên lát cắt ∂C[i,j]/∂B là hàng i của A đặt vào cột j: (2, 2) + "
                    "(2, 2) = (2, 2, 2, 2). `tape.gradient(C, B)` cộng bốn lát cắt lại: mỗi cột của nó là tổng "
                    "từng cột của A, `{gradient}`.",
                ),
            },
            goal=Text(
                "Goal: work out ∇~A~C for C = A·B by hand from the four slices of its (2, 2, 2, 2) Jacobian, "
                "then check it against `tape.gradient`.",
                "Mục tiêu: tự tính ∇~A~C với C = A·B từ bốn lát cắt của Jacobian (2, 2, 2, 2), rồi so với "
                "`tape.gradient`.",
            ),
            remember=Text(
                "- ∂C[i,j]/∂A is column j of B laid in row i; the Jacobian is (2, 2) + (2, 2) = (2, 2, 2, 2).\n"
                "- `tape.gradient(C, A)` adds the four slices: every row of it is B's row sums, "
                "[[11, 15], [11, 15]] at the notebook's values. With weights v it is Σ v[i,j]·∂C[i,j]/∂A = v·Bᵀ.",
                "- ∂C[i,j]/∂A là cột j của B đặt vào hàng i; Jacobian có chiều (2, 2) + (2, 2) = (2, 2, 2, 2).\n"
                "- `tape.gradient(C, A)` cộng bốn lát cắt: mỗi hàng của nó là tổng từng hàng của B, "
                "[[11, 15], [11, 15]] tại các giá trị của notebook. Với trọng số v, nó là Σ v[i,j]·∂C[i,j]/∂A = v·Bᵀ.",
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
