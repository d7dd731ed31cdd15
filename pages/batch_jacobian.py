"""batch_jacobian vs jacobian: the B×B blocks of a batch's Jacobian, and what batch_jacobian drops."""

from jaccore.explorer import render_batch

render_batch("batch_jacobian")
