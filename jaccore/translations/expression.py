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
    "expression.syntax": T("this is not a formula Python can read", "đây không phải là công thức đọc được"),
    "expression.not_ascii": T(
        "the character {char} is not allowed: a formula is written with ASCII letters, digits, operators and "
        "parentheses",
        "không dùng được ký tự {char}: công thức chỉ viết bằng chữ cái và chữ số ASCII, các phép toán và dấu ngoặc",
    ),
    "expression.construct": T(
        "this part of Python ({construct}) is not allowed", "không được dùng phần này của Python ({construct})"
    ),
    "expression.keyword": T(
        "{function} takes one argument, written without a name, like {function}(x)",
        "{function} nhận một đối số, viết không kèm tên, ví dụ {function}(x)",
    ),
    "expression.repeated_keyword": T("{function} is given axis more than once", "{function} được cho axis nhiều lần"),
    "expression.too_deep": T("the expression is nested more than {limit} deep", "biểu thức lồng sâu quá {limit} mức"),
    "expression.too_many_inputs": T(
        "the expression names more than {limit} inputs", "biểu thức dùng quá {limit} đầu vào"
    ),
    "expression.too_big": T("the expression has more than {limit} parts", "biểu thức có hơn {limit} thành phần"),
    "expression.refused": T("{what} are not allowed", "không được dùng {what}"),
    "expression.too_large_number": T("the number is too large", "con số quá lớn"),
    "expression.underscore": T(
        "names beginning with _ are not allowed: {name}",
        "không dùng tên bắt đầu bằng _: {name}",
    ),
    "expression.reserved": T(
        "{name} is one of Python's own names, which the script this page writes needs: call the input "
        "something else, such as {instead}",
        "{name} là tên có sẵn của Python, mà đoạn mã trang này viết ra cần dùng: hãy đặt tên khác cho đầu vào, "
        "ví dụ {instead}",
    ),
    "expression.bare_function": T(
        "{function} is a function: call it, like {function}(x)",
        "{function} là hàm: hãy gọi nó, ví dụ {function}(x)",
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
        "{function} takes {expected}; {given} given",
        "{function} nhận {expected}; ở đây có {given}",
    ),
    "expression.axis_range": T(
        "{function}: axis {axis} does not exist for shape {shape}",
        "{function}: không có trục {axis} cho chiều {shape}",
    ),
    "expression.axis_value": T(
        "axis must be a small whole number, like 0 or -1",
        "axis phải là số nguyên nhỏ, ví dụ 0 hoặc -1",
    ),
    "expression.missing": T("no value for {names}", "chưa có giá trị cho {names}"),
    "expression.where": T(" (column {column})", " (cột {column})"),
}
