"""The app's pages as one table: the router, the home page and the tests all read it.

Each page is pages/<slug>.py, a single call that names its slug; its row says what kind of page
draws it (jaccore/ui/kinds.py), in which section of the navigation, under which title. The
worked examples come from the catalog in its order: adding one to the catalog (and its page
file) adds it to the navigation, the home page and every test that runs over the pages.
"""

from dataclasses import dataclass

from jaccore.catalog import EXAMPLES
from jaccore.translations import Text


@dataclass(frozen=True)
class Page:
    slug: str  # the URL path, and pages/<slug>.py
    kind: str  # what draws it: a key of jaccore/ui/kinds.py's KINDS
    section: str  # "home", "examples" (the notebook's, in its order) or "beyond" (what no cell of it shows)
    title: Text


HOME = Page("home", "home", "home", Text("Home", "Trang chủ"))
# The notebook's "Ví dụ 3" (column sums) follows a·x, so its lesson does too.
LESSON = Page(
    "jacobian_to_gradient", "lesson", "examples", Text("From Jacobian to gradient", "Từ Jacobian đến gradient")
)
BEYOND = (
    Page("playground", "playground", "beyond", Text("Playground: your own formula", "Sân chơi: công thức của bạn")),
    Page("batch_jacobian", "batch", "beyond", Text("batch_jacobian vs jacobian", "batch_jacobian và jacobian")),
    Page("chain_rule", "chain", "beyond", Text("The chain rule", "Quy tắc dây chuyền")),
    Page("rows_or_columns", "modes", "beyond", Text("Row by row or column by column", "Từng hàng hay từng cột")),
    Page("hessian", "hessian", "beyond", Text("The Hessian", "Ma trận Hessian")),
    Page("linear_map", "linear", "beyond", Text("The best linear map", "Ánh xạ tuyến tính tốt nhất")),
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
    """A page with sliders and charts (every page but the home page and the pitfall lab)."""
    return page.kind not in ("home", "pitfalls")


def in_section(section: str) -> list[Page]:
    return [page for page in PAGES.values() if page.section == section]


def of_kind(*kinds: str) -> list[Page]:
    return [page for page in PAGES.values() if page.kind in kinds]
