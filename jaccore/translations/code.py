"""The comments of the TensorFlow script the app writes."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "code.record": T(
        "# persistent=True: the tape answers more than one question (jacobian, then gradient)",
        "# persistent=True: tape trả lời được nhiều lần (jacobian, rồi gradient)",
    ),
    "code.watch": T(
        "# tf.constant is not a Variable: watch it, or its gradient is None",
        "# tf.constant không phải Variable: phải watch, nếu không gradient là None",
    ),
    "code.outside": T(
        "# outside the `with` block: the tape has stopped recording",
        "# bên ngoài khối `with`: tape đã ngừng ghi",
    ),
    "code.upstream": T("# upstream weights v, with the output's shape", "# trọng số upstream v, cùng chiều với đầu ra"),
    "code.shape": T("shape", "chiều"),
}
