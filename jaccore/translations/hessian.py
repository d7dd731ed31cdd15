"""The Hessian page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "hessian.intro": T(
        "For a function f with one output, the Hessian H[k, l] = ∂²f/∂x[k]∂x[l] is the Jacobian of the "
        "gradient: a tape inside a tape, `outer.jacobian(inner.gradient(f, x), x)`, of shape x.shape + "
        "x.shape.",
        "Với hàm f có một đầu ra, ma trận Hessian H[k, l] = ∂²f/∂x[k]∂x[l] là Jacobian của gradient: một "
        "tape lồng trong một tape, `outer.jacobian(inner.gradient(f, x), x)`, có chiều x.shape + x.shape.",
    ),
    "hessian.pick": T("Function", "Hàm"),
    "hessian.matrix": T("H, the Jacobian of the gradient", "H, Jacobian của gradient"),
    "hessian.facts": T(
        "Largest |H − Hᵀ|: **{sym}** (H is symmetric). Largest difference from the closed form: **{err}**.",
        "|H − Hᵀ| lớn nhất: **{sym}** (H đối xứng). Sai khác lớn nhất so với công thức: **{err}**.",
    ),
    "hessian.hvp": T("A Hessian-vector product", "Tích Hessian-vector"),
    "hessian.v_hint": T(
        "v starts as a one-hot vector: then H·v is one column of H.",
        "v ban đầu là vector one-hot: khi đó H·v là một cột của H.",
    ),
    "hessian.hvp_text": T(
        "`ForwardAccumulator(x, v)` around `tape.gradient(f, x)` gives H·v without forming H: **{hv}**. "
        "The matrix above times v: {hv_matrix}.",
        "`ForwardAccumulator(x, v)` bao quanh `tape.gradient(f, x)` cho H·v mà không cần dựng H: **{hv}**. "
        "Ma trận ở trên nhân v: {hv_matrix}.",
    ),
    "hessian.nested": T(
        "A `tape.gradient` of `tape.gradient(f, x)` is not H: it is the gradient of Σ~k~ ∂f/∂x[k], the "
        "sums of H's rows, {sums}.",
        "`tape.gradient` của `tape.gradient(f, x)` không phải H: đó là gradient của Σ~k~ ∂f/∂x[k], tức tổng "
        "các hàng của H, {sums}.",
    ),
    "hessian.q": T(
        "What shape does the Hessian of {f} with respect to x {xs} have?",
        "Hessian của {f} theo x {xs} có chiều thế nào?",
    ),
    "hessian.why": T(
        "x.shape + x.shape = {hs}: the Jacobian of the gradient, which has x's shape, with respect to x.",
        "x.shape + x.shape = {hs}: Jacobian của gradient (có chiều của x) theo x.",
    ),
    "hessian.why_gradient": T(
        "{xs} is the gradient's shape: one first derivative per element of x. The Hessian differentiates "
        "each of them by every element of x again: {hs}.",
        "{xs} là chiều của gradient: mỗi phần tử của x một đạo hàm bậc nhất. Hessian lấy đạo hàm từng cái "
        "đó theo mọi phần tử của x lần nữa: {hs}.",
    ),
    "hessian.why_scalar": T(
        "() is the shape of {f} itself, one number. Its second derivatives are one per pair of x's elements: {hs}.",
        "() là chiều của chính {f}, một con số. Đạo hàm bậc hai của nó có một giá trị cho mỗi cặp phần tử của x: {hs}.",
    ),
    "hessian.why_flat": T(
        "{nn} counts the second derivatives in one flat line; `tape.jacobian` keeps the axes: x.shape + "
        "x.shape = {hs}.",
        "{nn} đếm các đạo hàm bậc hai trên một hàng phẳng; `tape.jacobian` giữ nguyên các trục: x.shape + "
        "x.shape = {hs}.",
    ),
}
