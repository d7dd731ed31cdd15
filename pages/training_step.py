"""A training step: v = ∂L/∂Y from the loss, the bias summed over the batch, per-example gradients."""

from jaccore.ui import show_page

show_page("training_step")
