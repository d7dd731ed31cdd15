"""The chain-rule page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "chain.intro": T(
        "For y = g(f(x)) the Jacobians multiply: J = J~g~ · J~f~, a tensordot over f's axes. Reverse mode "
        "(what `tape.gradient` does) multiplies from the left instead, (vᵀJ~g~)·J~f~, and never forms J.",
        "Với y = g(f(x)), các Jacobian nhân với nhau: J = J~g~ · J~f~, một phép tensordot theo các trục của "
        "f. Chế độ ngược (thứ `tape.gradient` làm) nhân từ bên trái, (vᵀJ~g~)·J~f~, và không bao giờ tạo ra "
        "J.",
    ),
    "chain.pick": T("Composition", "Hàm hợp"),
    "chain.inner": T("Inner function f", "Hàm trong f"),
    "chain.outer": T("Outer function g, of the inner output {name}", "Hàm ngoài g, nhận đầu ra {name} của hàm trong"),
    "chain.product": T("## The chain rule as a matrix product", "## Quy tắc dây chuyền là một phép nhân ma trận"),
    "chain.product_caption": T(
        "Each Jacobian drawn flat, (out.size × in.size), as `tf.reshape` of its tensor shape: then the "
        "tensordot over f's axes is the product of the matrices, J~g~ ({yn} × {fn}) · J~f~ ({fn} × {xn}) "
        "= J ({yn} × {xn}). Row i of J~g~ meets column k of J~f~ across f's {fn} elements.",
        "Mỗi Jacobian được vẽ phẳng, (out.size × in.size), như `tf.reshape` từ chiều tensor của nó: khi đó "
        "phép tensordot theo các trục của f là tích hai ma trận, J~g~ ({yn} × {fn}) · J~f~ ({fn} × {xn}) "
        "= J ({yn} × {xn}). Hàng i của J~g~ gặp cột k của J~f~ qua {fn} phần tử của f.",
    ),
    "chain.shape_note": T("{shape} → {rows} × {cols}", "{shape} → {rows} × {cols}"),
    "chain.agree": T(
        "J~g~ · J~f~ against `tape.jacobian` of the composition: largest difference **{err}**.",
        "J~g~ · J~f~ so với `tape.jacobian` của hàm hợp: sai khác lớn nhất **{err}**.",
    ),
    "chain.reverse": T(
        "(vᵀJ~g~)·J~f~ with v = ones against `tape.gradient`: largest difference **{err}**.",
        "(vᵀJ~g~)·J~f~ với v toàn 1 so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "chain.cost": T(
        "| order | multiply-adds for these shapes |\n"
        "|---|---|\n"
        "| form J = J~g~·J~f~, then vᵀJ | {forward} |\n"
        "| reverse mode (vᵀJ~g~)·J~f~ | {reverse} |",
        "| thứ tự | số phép nhân-cộng với các chiều này |\n"
        "|---|---|\n"
        "| tạo J = J~g~·J~f~ rồi vᵀJ | {forward} |\n"
        "| chế độ ngược (vᵀJ~g~)·J~f~ | {reverse} |",
    ),
}
