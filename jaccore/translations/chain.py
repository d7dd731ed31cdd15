"""The chain-rule page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "chain.intro": T(
        "For y = g(f(x)) the Jacobians multiply: J = J_g · J_f, a tensordot over f's axes. Reverse mode "
        "(what `tape.gradient` does) multiplies from the left instead, (vᵀJ_g)·J_f, and never forms J.",
        "Với y = g(f(x)), các Jacobian nhân với nhau: J = J_g · J_f, một phép tensordot theo các trục của "
        "f. Chế độ ngược (thứ `tape.gradient` làm) nhân từ bên trái, (vᵀJ_g)·J_f, và không bao giờ tạo ra "
        "J.",
    ),
    "chain.pick": T("Composition", "Hàm hợp"),
    "chain.inner": T("Inner function f", "Hàm trong f"),
    "chain.outer": T("Outer function g, fed with {via} = f", "Hàm ngoài g, với {via} = f"),
    "chain.j_f": T("J_f = ∂f/∂{x}, shape {s}", "J_f = ∂f/∂{x}, chiều {s}"),
    "chain.j_g": T("J_g = ∂y/∂f, shape {s}", "J_g = ∂y/∂f, chiều {s}"),
    "chain.j": T("J = J_g · J_f = ∂y/∂{x}, shape {s}", "J = J_g · J_f = ∂y/∂{x}, chiều {s}"),
    "chain.agree": T(
        "J_g · J_f against `tape.jacobian` of the composition: largest difference **{err}**.",
        "J_g · J_f so với `tape.jacobian` của hàm hợp: sai khác lớn nhất **{err}**.",
    ),
    "chain.reverse": T(
        "(vᵀJ_g)·J_f with v = ones against `tape.gradient`: largest difference **{err}**.",
        "(vᵀJ_g)·J_f với v toàn 1 so với `tape.gradient`: sai khác lớn nhất **{err}**.",
    ),
    "chain.cost": T(
        "| order | multiply-adds for these shapes |\n"
        "|---|---|\n"
        "| form J = J_g·J_f, then vᵀJ | {forward} |\n"
        "| reverse mode (vᵀJ_g)·J_f | {reverse} |",
        "| thứ tự | số phép nhân-cộng với các chiều này |\n"
        "|---|---|\n"
        "| tạo J = J_g·J_f rồi vᵀJ | {forward} |\n"
        "| chế độ ngược (vᵀJ_g)·J_f | {reverse} |",
    ),
}
