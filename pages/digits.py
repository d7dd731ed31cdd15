"""A digit classifier's Jacobian: ten slices, one class's saliency map, and the zero gradient of softmax."""

from jaccore.ui import show_page

show_page("digits")
