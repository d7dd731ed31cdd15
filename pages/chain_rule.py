"""The chain rule: J = J_g · J_f, and reverse mode's (vᵀJ_g)·J_f that never forms J."""

from jaccore.ui import show_page

show_page("chain_rule")
