"""batch_jacobian vs jacobian: the B×B blocks of a batch's Jacobian, and what batch_jacobian drops."""

from jaccore.ui import show_page

show_page("batch_jacobian")
