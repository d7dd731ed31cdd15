"""The playground's parser: why a formula is refused, and where."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "expression.not_text": T("an expression must be text", "biểu thức phải là văn bản"),
    "expression.too_long": T(
        "the expression has {n} characters; the limit is {limit}",
        "biểu thức dài {n} ký tự; tối đa {limit}",
    ),
    "expression.nul": T("the expression contains a NUL character", "biểu thức chứa ký tự NUL"),
    "expression.empty": T("the expression is empty", "biểu thức đang trống"),
    "expression.no_input": T(
        "the expression uses no input: name at least one, like x",
        "biểu thức không dùng đầu vào nào: hãy dùng ít nhất một tên, ví dụ x",
    ),
    "expression.syntax": T("this is not a formula Python can read: {what}", "không đọc được công thức: {what}"),
    "expression.too_deep": T("the expression is nested more than {limit} deep", "biểu thức lồng sâu quá {limit} mức"),
    "expression.too_big": T("the expression has more than {limit} parts", "biểu thức có hơn {limit} thành phần"),
    "expression.refused": T("{what} are not allowed", "không được dùng {what}"),
    "expression.too_large_number": T("the number is too large", "con số quá lớn"),
    "expression.underscore": T(
        "names beginning with _ are not allowed: {name}",
        "không dùng tên bắt đầu bằng _: {name}",
    ),
    "expression.bare_function": T(
        "{name} is a function: call it, like {name}(x)",
        "{name} là hàm: hãy gọi nó, ví dụ {name}(x)",
    ),
    "expression.matmul_rank": T(
        "@ multiplies matrices (2 axes); here the shapes are {a} and {b}",
        "@ nhân hai ma trận (2 trục); ở đây chiều là {a} và {b}",
    ),
    "expression.matmul_shapes": T(
        "@ cannot multiply shapes {a} and {b}: {k} columns against {m} rows",
        "@ không nhân được chiều {a} với {b}: {k} cột so với {m} hàng",
    ),
    "expression.broadcast": T(
        "{symbol} cannot combine shapes {a} and {b} element by element",
        "{symbol} không kết hợp từng phần tử được hai chiều {a} và {b}",
    ),
    "expression.unknown_call": T(
        "calls to {name} are not allowed; the functions are: {allowed}",
        "không được gọi {name}; các hàm được dùng: {allowed}",
    ),
    "expression.arity": T(
        "{name} takes {expected} argument(s), {given} given",
        "{name} nhận {expected} đối số, nhưng có {given}",
    ),
    "expression.axis_range": T(
        "{name}: axis {axis} does not exist for shape {shape}",
        "{name}: không có trục {axis} cho chiều {shape}",
    ),
    "expression.axis_value": T(
        "axis must be a small whole number, like 0 or -1",
        "axis phải là số nguyên nhỏ, ví dụ 0 hoặc -1",
    ),
    "expression.missing": T("no value for {names}", "chưa có giá trị cho {names}"),
    "expression.where": T(" (column {column})", " (cột {column})"),
}
