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
    "expression.syntax": T(
        "Python cannot read this as a formula: check that every parenthesis is closed and that an operator "
        "stands between every two values",
        "Python không đọc được công thức này: hãy kiểm tra mọi dấu ngoặc đã đóng và giữa hai giá trị luôn có "
        "một phép toán",
    ),
    "expression.juxtaposed_number": T(
        "a number stands right before {name}, as in a textbook: Python needs the operator, {instead}",
        "một con số đứng ngay trước {name}, như cách viết trong sách: Python cần phép toán, {instead}",
    ),
    "expression.juxtaposed_names": T(
        "{left} and {right} stand side by side with no operator between them: write `@` for the matrix "
        "product or `*` element by element",
        "{left} và {right} đứng cạnh nhau mà không có phép toán: hãy viết `@` cho tích ma trận hoặc `*` cho "
        "phép nhân từng phần tử",
    ),
    "expression.call_of_input": T(
        "{name} followed by a parenthesis calls it as a function, and it is none of the functions: to "
        "multiply, write {instead}",
        "{name} đứng trước dấu ngoặc nghĩa là gọi nó như một hàm, mà nó không phải hàm nào cả: để nhân, hãy "
        "viết {instead}",
    ),
    "expression.unknown_function": T(
        "there is no function {name}: did you mean {nearest}? The functions are: {allowed}",
        "không có hàm {name}: có phải bạn muốn {nearest}? Các hàm được dùng: {allowed}",
    ),
    "expression.xor": T(
        "`^` is not a power in Python (it combines the bits of whole numbers): write `**`, as in `x ** 2`",
        "`^` không phải phép luỹ thừa trong Python (nó kết hợp các bit của số nguyên): hãy viết `**`, ví dụ `x ** 2`",
    ),
    "expression.floor_division": T(
        "`//` divides and rounds down to a whole number, which has no derivative: write `/`",
        "`//` chia rồi làm tròn xuống thành số nguyên, phép này không có đạo hàm: hãy viết `/`",
    ),
    "expression.remainder": T(
        "`%` (the remainder of a division) is not one of a formula's operators: `+`, `-`, `*`, `/`, `**`, `@`",
        "`%` (phần dư của phép chia) không thuộc các phép toán của công thức: `+`, `-`, `*`, `/`, `**`, `@`",
    ),
    "expression.operator": T(
        "the operator `{symbol}` is not one of a formula's: `+`, `-`, `*`, `/`, `**`, `@`",
        "phép toán `{symbol}` không thuộc các phép toán của công thức: `+`, `-`, `*`, `/`, `**`, `@`",
    ),
    "expression.not_ascii": T(
        "the character {char} is not allowed: a formula is written with ASCII letters, digits, operators and "
        "parentheses",
        "không dùng được ký tự {char}: công thức chỉ viết bằng chữ cái và chữ số ASCII, các phép toán và dấu ngoặc",
    ),
    "expression.construct": T(
        "this part of Python is not allowed in a formula: it is made of numbers, inputs, `+ - * / ** @`, "
        "parentheses and the functions",
        "không được dùng phần này của Python trong công thức: công thức gồm số, đầu vào, `+ - * / ** @`, "
        "dấu ngoặc và các hàm",
    ),
    "expression.keyword": T(
        "`{function}` takes one argument, written without a name, like `{function}(x)`",
        "`{function}` nhận một đối số, viết không kèm tên, ví dụ `{function}(x)`",
    ),
    "expression.repeated_keyword": T(
        "`{function}` is given axis more than once", "`{function}` được cho axis nhiều lần"
    ),
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
        "`{function}` is a function: call it, like `{function}(x)`",
        "`{function}` là hàm: hãy gọi nó, ví dụ `{function}(x)`",
    ),
    "expression.matmul_rank": T(
        "the operator `@` multiplies matrices and vectors (2 axes or 1); here the shapes are {a} and {b}",
        "phép toán `@` nhân ma trận và vector (2 trục hoặc 1); ở đây chiều là {a} và {b}",
    ),
    "expression.matmul_shapes": T(
        "the operator `@` cannot multiply shapes {a} and {b}: {k} against {m}",
        "phép toán `@` không nhân được chiều {a} với {b}: {k} so với {m}",
    ),
    "expression.broadcast": T(
        "the operator `{symbol}` cannot combine shapes {a} and {b} element by element",
        "phép toán `{symbol}` không kết hợp từng phần tử được hai chiều {a} và {b}",
    ),
    "expression.unknown_call": T(
        "calls to {name} are not allowed; the functions are: {allowed}",
        "không được gọi {name}; các hàm được dùng: {allowed}",
    ),
    "expression.arity": T(
        "`{function}` takes {expected}; {given} given",
        "`{function}` nhận {expected}; ở đây có {given}",
    ),
    "expression.axis_range": T(
        "`{function}`: axis {axis} does not exist for shape {shape}",
        "`{function}`: không có trục {axis} cho chiều {shape}",
    ),
    "expression.axis_of_one": T(
        "`{function}` works along axis {axis} of {arg}, which has shape {shape}: that axis has one element, so "
        "{what} Along the axis with {n} elements: `{suggestion}`.",
        "`{function}` tính dọc trục {axis} của {arg}, có chiều {shape}: trục đó chỉ có một phần tử, nên {what} "
        "Dọc theo trục có {n} phần tử: `{suggestion}`.",
    ),
    "expression.softmax_of_one": T(
        "every output is 1 and every partial derivative 0, not because an input does not reach an output.",
        "mọi đầu ra bằng 1 và mọi đạo hàm riêng bằng 0, không phải vì đầu vào không ảnh hưởng tới đầu ra.",
    ),
    "expression.reduce_of_one": T(
        "nothing is added up: the result is its input with that axis dropped.",
        "không có gì được cộng lại: kết quả chỉ là đầu vào bỏ đi trục đó.",
    ),
    "expression.axis_value": T(
        "axis must be a small whole number, like 0 or -1",
        "axis phải là số nguyên nhỏ, ví dụ 0 hoặc -1",
    ),
    "expression.missing": T("no value for {names}", "chưa có giá trị cho {names}"),
    "expression.not_an_input": T(
        "{name} is not an input here: write the answer with {inputs}, numbers, `pi`, `e` and the functions",
        "{name} không phải đầu vào ở đây: hãy viết đáp án bằng {inputs}, các số, `pi`, `e` và các hàm",
    ),
    "expression.undefined": T(
        "`{at}` is {what}: there {element} = {value}, and {cause}. TensorFlow's rule for the derivative still "
        "gives a slope at that element, which is no derivative: a function has none where it has no value.",
        "`{at}` là {what}: tại đó {element} = {value}, và {cause}. Quy tắc đạo hàm của TensorFlow vẫn cho một "
        "độ dốc tại phần tử đó, nhưng đó không phải đạo hàm: hàm không có giá trị thì cũng không có đạo hàm.",
    ),
    "expression.pow_base": T(
        "`{call}` at {element} = {value}: the derivative with respect to `{exponent}` would be "
        "`{call}` · ln({element}), and {cause}. TensorFlow writes 0 there (its rule takes the logarithm only "
        "of a positive base), and finite differences give NaN: no real derivative exists.",
        "`{call}` tại {element} = {value}: đạo hàm theo `{exponent}` sẽ là `{call}` · ln({element}), và {cause}. "
        "TensorFlow ghi 0 ở đó (quy tắc của nó chỉ lấy logarit của cơ số dương), còn sai phân hữu hạn cho NaN: "
        "không có đạo hàm thực nào.",
    ),
    "expression.cause.log": T(
        "the logarithm of a number ≤ 0 is not a real number", "logarit của một số ≤ 0 không phải là số thực"
    ),
    "expression.cause.sqrt": T(
        "the square root of a negative number is not a real number", "căn bậc hai của số âm không phải là số thực"
    ),
    "expression.cause.division": T("a division by zero has no value", "phép chia cho 0 không có giá trị"),
    "expression.cause.power": T(
        "a number ≤ 0 to a power that is not a whole number is not a real number (nor is its logarithm)",
        "một số ≤ 0 mũ một số không nguyên không phải là số thực (logarit của nó cũng vậy)",
    ),
    "expression.cause.other": T("the operation has no finite value there", "phép toán không có giá trị hữu hạn tại đó"),
    "expression.constant": T(
        "`{constant}` is the constant {constant} = {value}, not an input: no slider sets it. To differentiate "
        "with respect to an input, give it another name, such as `{constant}_`.",
        "`{constant}` là hằng số {constant} = {value}, không phải đầu vào: không có thanh trượt nào cho nó. Muốn "
        "lấy đạo hàm theo một đầu vào, hãy đặt tên khác, ví dụ `{constant}_`.",
    ),
    "expression.diag_rank": T(
        "`diag` takes a vector (its numbers go on a diagonal) or a matrix (its diagonal comes out); here the "
        "shape is {shape}",
        "`diag` nhận một vector (các số của nó nằm trên đường chéo) hoặc một ma trận (lấy ra đường chéo); ở đây "
        "chiều là {shape}",
    ),
    "expression.trace_rank": T(
        "`trace` adds up a matrix's diagonal: it takes a matrix (2 axes); here the shape is {shape}",
        "`trace` cộng đường chéo của một ma trận: nó nhận một ma trận (2 trục); ở đây chiều là {shape}",
    ),
    "expression.broadcast_function": T(
        "`{function}` cannot combine shapes {a} and {b} element by element",
        "`{function}` không kết hợp từng phần tử được hai chiều {a} và {b}",
    ),
    "expression.reshape_size": T(
        "`reshape` cannot give the shape {shape} to {n} numbers (the shape {given}): the sizes must multiply to {n}",
        "`reshape` không đặt được chiều {shape} cho {n} số (chiều {given}): tích các độ dài phải bằng {n}",
    ),
    "expression.sizes": T(
        "`{function}` takes from 1 to {most} sizes, like `{function}(3)`; {given} given",
        "`{function}` nhận từ 1 đến {most} độ dài, ví dụ `{function}(3)`; ở đây có {given}",
    ),
    "expression.size_value": T(
        "`{function}` takes its sizes as whole numbers from 1 to {most}, written in the formula, like `{function}(3)`",
        "`{function}` nhận độ dài là số nguyên từ 1 đến {most}, viết ngay trong công thức, ví dụ `{function}(3)`",
    ),
    "expression.shape_value": T(
        "`reshape` takes the new shape as whole numbers written in the formula, like `reshape(x, (2, 3))`; "
        "one of them may be -1",
        "`reshape` nhận chiều mới là các số nguyên viết ngay trong công thức, ví dụ `reshape(x, (2, 3))`; có "
        "thể có một số là -1",
    ),
    "expression.index_value": T(
        "an index is a whole number written in the formula, like `x[0]` or `x[-1]`, or a slice like `x[1:]`",
        "chỉ số là một số nguyên viết ngay trong công thức, ví dụ `x[0]` hay `x[-1]`, hoặc một lát như `x[1:]`",
    ),
    "expression.index_step": T(
        "a slice with a step (`a:b:c`) is not allowed: write `x[1:]` or `x[:2]`",
        "không dùng lát có bước nhảy (`a:b:c`): hãy viết `x[1:]` hoặc `x[:2]`",
    ),
    "expression.index_count": T(
        "{arg} has shape {shape}: it cannot take {n} indices",
        "{arg} có chiều {shape}: không nhận được {n} chỉ số",
    ),
    "expression.index_range": T(
        "{arg} has shape {shape}: index {index} is outside its axis {axis}",
        "{arg} có chiều {shape}: chỉ số {index} nằm ngoài trục {axis} của nó",
    ),
    "expression.attribute_T": T(
        "{written} is written {instead} in a formula (attributes such as .T are not allowed)",
        "trong công thức, {written} được viết là {instead} (không dùng thuộc tính như .T)",
    ),
    "expression.attribute_function": T(
        "{written} is written {instead} in a formula (methods such as .{function}() are not allowed)",
        "trong công thức, {written} được viết là {instead} (không dùng phương thức như .{function}())",
    ),
    "expression.statement": T(
        "`{keyword}` begins a Python statement, and a formula is one expression over its inputs, like "
        "`tanh(W @ x + b)`: nothing is imported, defined or run",
        "`{keyword}` mở đầu một câu lệnh Python, còn công thức là một biểu thức trên các đầu vào, ví dụ "
        "`tanh(W @ x + b)`: không có gì được import, định nghĩa hay chạy",
    ),
    "expression.where": T(" (column {column})", " (cột {column})"),
}
