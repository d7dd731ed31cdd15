"""Compositions y = g(f(x)) of the worked examples, for the chain-rule page."""

from jaccore._tensorflow import tf
from jaccore.catalog.example import Example
from jaccore.catalog.notebook import EXAMPLES
from jaccore.translations import Text

# Chain-rule pairs y = g(f(x)): (inner f, outer g, the input of g that f's output feeds).
CHAINS: tuple[tuple[str, str, str], ...] = (
    ("matvec", "square", "x"),
    ("matmul", "scale", "x"),
    ("shape_rule", "square", "x"),
)


# g written with f's output as its argument, indexed at f's output's rank (not g's own formula, whose x is
# a row vector): what g computes here.
OUTER_FORMULAS: dict[str, str] = {
    "square_of_matvec": r"y = f \odot f,\quad y[i,0] = f[i,0]^2",
    "scale_of_matmul": r"y = a\,C,\quad y[i,j] = a\,C[i,j]",
    "square_of_shape_rule": r"y = Y \odot Y,\quad y[i,j] = Y[i,j]^2",
}


def chain_slug(inner: str, outer: str) -> str:
    return f"{outer}_of_{inner}"


def compose(inner: Example, outer: Example, via: str) -> Example:
    """y = g(f(x)) as an example of its own: f's inputs, then g's other inputs."""
    extra = {name: value for name, value in outer.inputs.items() if name != via}

    def fn(**inputs: tf.Tensor) -> tf.Tensor:
        middle = inner.fn(**{name: inputs[name] for name in inner.inputs})
        return outer.fn(**{**{name: inputs[name] for name in extra}, via: middle})

    return Example(
        slug=chain_slug(inner.slug, outer.slug),
        output_name="y",
        fn=fn,
        inputs={**inner.inputs, **extra},
        wrt=inner.wrt,
        formula=r"y = g\big(f(x)\big)",
        code=outer.code.replace(via, f"({inner.code})"),
        title=Text(
            f"{outer.title.en.split(':')[0]} ∘ {inner.title.en.split(':')[0]}",
            f"{outer.title.vi.split(':')[0]} ∘ {inner.title.vi.split(':')[0]}",
        ),
        question=Text("", ""),
        insights={},
    )


# Built once: a composition made anew on every rerun would be a new function, traced anew.
CHAIN_EXAMPLES: dict[str, Example] = {
    chain_slug(inner, outer): compose(EXAMPLES[inner], EXAMPLES[outer], via) for inner, outer, via in CHAINS
}
