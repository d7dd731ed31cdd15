"""WCAG 2's contrast ratio, for the tests that read colours (on screen, or in a figure's spec)."""


def luminance(rgb) -> float:
    linear = [v / 255 / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour, behind) -> float:
    """WCAG's contrast ratio of a colour with alpha, composited over an opaque background."""
    *rgb, alpha = colour
    shown = [c * alpha + b * (1 - alpha) for c, b in zip(rgb, behind, strict=True)]
    high, low = sorted([luminance(shown), luminance(behind)], reverse=True)
    return (high + 0.05) / (low + 0.05)
