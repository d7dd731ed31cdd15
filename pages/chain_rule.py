"""The chain rule: J = J_g · J_f, and reverse mode's (vᵀJ_g)·J_f that never forms J."""

from jaccore.explorer import render_chain

render_chain("chain_rule")
