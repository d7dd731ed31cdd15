"""The app's pages as one table: the router, the home page and the tests all read it.

Each page is pages/<slug>.py, a single call that names its slug; its row says what kind of page
draws it (jaccore/ui/kinds.py), in which section of the navigation, under which title, and so
which URL parameters it reads (PARAMS): what a link may set on it, what the router keeps of a
link, and what the fuzz throws hostile values at. The worked examples come from the catalog in
its order: adding one to the catalog (and its page file) adds it to the navigation, the home
page and every test that runs over the pages.
"""

import dataclasses
import re
from dataclasses import dataclass

from jaccore.catalog import EXAMPLES
from jaccore.translations import Text


@dataclass(frozen=True)
class Param:
    """A URL parameter a page reads: its key (a pattern for a family, such as every slider's), what
    it holds ("choice", "switch", "number", "whole", "text" or "flag"), and a key of it to try.

    Choices, whole numbers and flags are kept in the URL by the app (jaccore/ui/widgets.py); switches,
    numbers and text by the widgets Streamlit binds to it."""

    key: str
    holds: str
    example: str = ""

    def matches(self, key: str) -> bool:
        return re.fullmatch(self.key, key) is not None

    @property
    def sample(self) -> str:
        return self.example or self.key

    @property
    def kept_by_the_app(self) -> bool:
        return self.holds in ("choice", "whole", "flag")


SLIDERS = Param(r"[A-Za-z]\w*\.(\d+(\.\d+)*)?", "number", "x.0.0")  # x.0.1 is x[0,1], a. the scalar a
UPSTREAM = Param(r"@v\.(\d+(\.\d+)*)?", "number", "@v.0.0")  # v[…], the upstream weights
BUILD = Param(r"build\.[A-Za-z]\w*\.(\d+(\.\d+)*)?", "text", "build.A.0.0")  # the learner's box of ∇A[0,0]
WRT, VIEWS = Param("wrt", "choice"), (Param("flat", "switch"), Param("weights", "switch"), Param("check", "switch"))
# Every page: the language, a teacher's ?predict=off, and what Community Cloud's viewer adds.
APP_PARAMS = (Param("lang", "choice"), Param("predict", "flag"), Param("embed", "text"), Param("embed_options", "text"))


def sliders(example: str) -> Param:
    """The sliders of a kind of page whose inputs are known, with one of them to try (its first)."""
    return dataclasses.replace(SLIDERS, example=example)


PARAMS: dict[str, tuple[Param, ...]] = {
    "home": (),
    "example": (WRT, SLIDERS, UPSTREAM, BUILD, *VIEWS),  # each page's own first slider and box: from the catalog
    "lesson": (Param("example", "choice"), WRT, sliders("W.0.0"), UPSTREAM, BUILD, Param("weights", "switch")),
    "playground": (
        Param("expr", "text"),
        Param(r"shape\.[A-Za-z]\w*", "text", "shape.x"),
        Param("seed", "whole"),
        WRT,
        sliders("W.0.0"),
        UPSTREAM,
        *VIEWS,
    ),
    "batch": (Param("coupled", "switch"), sliders("x.0.0")),
    "chain": (Param("chain", "choice"), WRT, sliders("W.0.0")),
    "modes": (
        Param("mode", "choice"),
        WRT,
        sliders("W.0.0"),
        Param(r"passes\.\w+\.\w+", "number", "passes.rows.x"),
        Param("n_out", "choice"),
        Param("n_in", "choice"),
    ),
    "hessian": (Param("function", "choice"), sliders("x.0")),
    "linear": (Param("example", "choice"), Param("element", "choice"), WRT, sliders("W.0.0")),
    "classifier": (
        Param("image", "whole"),
        Param("class", "choice"),
        Param("output", "choice"),
        Param("upstream", "choice"),
        Param("batch", "whole"),
    ),
    "training": (
        Param("network", "choice"),
        Param("loss", "choice"),
        Param(r"label\.\d+", "choice", "label.0"),  # before the sliders, whose pattern label.0 fits too
        sliders("X.0.0"),
        Param("first", "whole"),
    ),
    "pitfalls": (),
    "puzzles": (Param("puzzle", "choice"), Param("answer", "text")),
}


@dataclass(frozen=True)
class Page:
    slug: str  # the URL path, and pages/<slug>.py
    kind: str  # what draws it: a key of jaccore/ui/kinds.py's KINDS, and of PARAMS
    section: str  # "home", "examples" (the notebook's, in its order) or "beyond" (what no cell of it shows)
    title: Text

    @property
    def params(self) -> tuple[Param, ...]:
        """What a link may set on this page: the app's parameters, then its kind's."""
        return (*APP_PARAMS, *PARAMS[self.kind])

    def reads(self, key: str) -> bool:
        return self.param(key) is not None

    def param(self, key: str) -> Param | None:
        return next((param for param in self.params if param.matches(key)), None)

    def samples(self) -> list[str]:
        """A key of every parameter the page reads, as a link would set it (the fuzz's targets): a
        worked example's first slider is its own first input's."""
        keys = [param.sample for param in self.params]
        if self.kind == "example":
            example = EXAMPLES[self.slug]
            name, value = next(iter(example.inputs.items()))
            keys[keys.index(SLIDERS.sample)] = f"{name}." + ".".join("0" * value.ndim)
            wrt = example.wrt[0]
            keys[keys.index(BUILD.sample)] = f"build.{wrt}." + ".".join("0" * example.inputs[wrt].ndim)
        if self.kind == "lesson":
            keys[keys.index(BUILD.sample)] = "build.x.0.0"  # W·x, the lesson's first example, x first
        return keys


HOME = Page("home", "home", "home", Text("Home", "Trang chủ"))
# The notebook's "Ví dụ 3" (column sums) follows a·x, so its lesson does too.
LESSON = Page(
    "jacobian_to_gradient", "lesson", "examples", Text("From Jacobian to gradient", "Từ Jacobian đến gradient")
)
BEYOND = (
    Page("puzzles", "puzzles", "beyond", Text("Write the Jacobian yourself", "Tự viết Jacobian")),
    Page("playground", "playground", "beyond", Text("Playground: your own formula", "Sân chơi: công thức của bạn")),
    Page("batch_jacobian", "batch", "beyond", Text("batch_jacobian vs jacobian", "batch_jacobian và jacobian")),
    Page("chain_rule", "chain", "beyond", Text("The chain rule", "Quy tắc dây chuyền")),
    Page("rows_or_columns", "modes", "beyond", Text("Row by row or column by column", "Từng hàng hay từng cột")),
    Page("hessian", "hessian", "beyond", Text("The Hessian", "Ma trận Hessian")),
    Page("linear_map", "linear", "beyond", Text("The best linear map", "Ánh xạ tuyến tính tốt nhất")),
    Page("digits", "classifier", "beyond", Text("A digit classifier's Jacobian", "Jacobian của bộ phân loại chữ số")),
    Page("training_step", "training", "beyond", Text("A training step", "Một bước huấn luyện")),
    Page("pitfalls", "pitfalls", "beyond", Text("Pitfalls: silent wrong answers", "Cạm bẫy: những đáp án sai lặng lẽ")),
)


def _worked_examples() -> list[Page]:
    pages = []
    for slug, example in EXAMPLES.items():
        pages.append(Page(slug, "example", "examples", example.title))
        if slug == "scale":
            pages.append(LESSON)
    return pages


PAGES: dict[str, Page] = {page.slug: page for page in (HOME, *_worked_examples(), *BEYOND)}


def live(page: Page) -> bool:
    """A page with sliders and charts (every page but the home page, the puzzles and the pitfall lab)."""
    return page.kind not in ("home", "puzzles", "pitfalls")


def in_section(section: str) -> list[Page]:
    return [page for page in PAGES.values() if page.section == section]


def of_kind(*kinds: str) -> list[Page]:
    return [page for page in PAGES.values() if page.kind in kinds]
