"""TensorFlow for the whole package, imported once, here: its log silenced and Keras kept out."""

import os
import sys

# TensorFlow's start-up log is noise for learners: silence it before TensorFlow loads.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

# TensorFlow imports Keras at start-up, and Streamlit, finding Keras loaded, calls
# keras.backend.clear_session() after every rerun: that empties TensorFlow's kernel cache, and the
# next slider move re-creates every kernel of a compiled graph (~30 ms instead of ~1 ms). Nothing
# here uses Keras. A None entry in sys.modules makes `import keras` raise ImportError, which
# TensorFlow's start-up tolerates (it also saves ~0.7 s of it); removing the entry afterwards
# leaves Keras importable for anyone else.
_keep_keras_out = sys.modules.setdefault("keras", None) is None
import tensorflow as tf  # noqa: E402

if _keep_keras_out:
    del sys.modules["keras"]

tf.get_logger().setLevel("ERROR")

__all__ = ["tf"]
