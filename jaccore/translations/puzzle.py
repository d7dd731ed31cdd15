"""Write the Jacobian yourself: the puzzles, what to write, and what each wrong answer is."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "puzzle.goal": T(
        "Goal: write a Jacobian (or a gradient, or a Hessian) as a formula, in TensorFlow's layout, and see "
        "slice by slice where it agrees with the tape.",
        "Mục tiêu: tự viết Jacobian (hoặc gradient, hoặc Hessian) thành công thức, theo cách sắp xếp của "
        "TensorFlow, và xem từng lát cắt chỗ nào khớp với tape.",
    ),
    "puzzle.intro": T(
        "Write the answer in the playground's language, over the puzzle's inputs: numbers, `pi`, `e`, "
        "`+ - * / ** @`, indexing such as `x[0]` or `W[:, 1]`, and {functions}. `diag(v)` puts a vector on a "
        "diagonal (and takes a matrix's diagonal); `outer(a, b)` has the shape a.shape + b.shape; `eye(n)`, "
        "`ones(n, m)` and `zeros(n)` are constants. It is graded at the point shown and at four random points, "
        "so that a formula right by coincidence is caught. The text is parsed, never run as Python.",
        "Viết đáp án bằng ngôn ngữ của sân chơi, trên các đầu vào của câu đố: số, `pi`, `e`, `+ - * / ** @`, "
        "chỉ số như `x[0]` hay `W[:, 1]`, và {functions}. `diag(v)` đặt một vector lên đường chéo (và lấy đường "
        "chéo của một ma trận); `outer(a, b)` có chiều a.shape + b.shape; `eye(n)`, `ones(n, m)` và `zeros(n)` "
        "là các hằng. Đáp án được chấm tại điểm đang hiện và tại bốn điểm ngẫu nhiên, để một công thức đúng "
        "do trùng hợp cũng bị phát hiện. Văn bản chỉ được phân tích cú pháp, không bao giờ chạy như mã Python.",
    ),
    "puzzle.pick": T("Puzzle", "Câu đố"),
    "puzzle.statement": T(
        "y = `{function}`, where {inputs}. Write {what} as a formula.",
        "y = `{function}`, với {inputs}. Hãy viết {what} thành công thức.",
    ),
    "puzzle.input": T("`{name}` has shape {shape}", "`{name}` có chiều {shape}"),
    "puzzle.what_jacobian": T(
        "**`tape.jacobian(y, {x})`** (the output's axes first)",
        "**`tape.jacobian(y, {x})`** (các trục của đầu ra đứng trước)",
    ),
    "puzzle.what_gradient": T("**`tape.gradient(y, {x})`**", "**`tape.gradient(y, {x})`**"),
    "puzzle.what_hessian": T(
        "**the Hessian** of y with respect to `{x}`: the Jacobian of `tape.gradient(y, {x})`",
        "**ma trận Hessian** của y theo `{x}`: Jacobian của `tape.gradient(y, {x})`",
    ),
    "puzzle.point": T("At the point shown:", "Tại điểm đang hiện:"),
    "puzzle.answer": T("Your formula", "Công thức của bạn"),
    "puzzle.answer_help": T(
        "Press Enter to grade it. Only the inputs above, numbers and the functions are understood.",
        "Nhấn Enter để chấm. Chỉ hiểu các đầu vào ở trên, các số và các hàm.",
    ),
    "puzzle.hint": T("Hint: one slice", "Gợi ý: một lát cắt"),
    "puzzle.hint_help": T(
        "Shows one more slice of the answer's numbers at the point shown, never all of them.",
        "Hiện thêm một lát cắt các số của đáp án tại điểm đang hiện, không bao giờ hiện hết.",
    ),
    "puzzle.hint_slice": T(
        "Slice {i} of the answer (along its first axis) at the point shown:",
        "Lát cắt {i} của đáp án (theo trục đầu tiên) tại điểm đang hiện:",
    ),
    "puzzle.show": T("Show me a formula", "Cho tôi xem một công thức"),
    "puzzle.show_help": T(
        "Shows one formula that is right. The puzzle counts as seen, not solved.",
        "Hiện một công thức đúng. Câu đố được tính là đã xem, chưa giải.",
    ),
    "puzzle.shown": T("One formula that is right: `{answer}`.", "Một công thức đúng: `{answer}`."),
    "puzzle.yours": T("Yours", "Của bạn"),
    "puzzle.difference": T("Yours − the tape's", "Của bạn − của tape"),
    "puzzle.picture": T(
        "Your formula and `{call}` at the point shown, as the same grid of slices (a grid shaped like y, of "
        "slices shaped like `{x}`), then their difference: a cell that disagrees is outlined.",
        "Công thức của bạn và `{call}` tại điểm đang hiện, vẽ thành cùng một lưới lát cắt (lưới có chiều của y, "
        "mỗi lát có chiều của `{x}`), rồi hiệu của chúng: ô nào không khớp thì được viền.",
    ),
    "puzzle.solved_mark": T("solved", "đã giải"),
    "puzzle.seen_mark": T("seen", "đã xem"),
    "puzzle.progress": T(
        "**Puzzles** (*{page}*): {solved} of {n} solved, {seen} seen.",
        "**Câu đố** (*{page}*): đã giải {solved} trên {n}, đã xem {seen}.",
    ),
    "puzzle.refused": T("Your formula cannot be used: {message}", "Không dùng được công thức của bạn: {message}"),
    "puzzle.failed": T("TensorFlow stopped on it: {reason}", "TensorFlow dừng lại ở công thức này: {reason}"),
    "puzzle.rule_jacobian": T("y.shape + {x}.shape = {ys} + {xs}", "y.shape + {x}.shape = {ys} + {xs}"),
    "puzzle.rule_gradient": T("the shape of `{x}`", "chiều của `{x}`"),
    "puzzle.rule_hessian": T("{x}.shape + {x}.shape = {xs} + {xs}", "{x}.shape + {x}.shape = {xs} + {xs}"),
    # The verdicts (jaccore/grading.py): right, or which mistake.
    "puzzle.right": T(
        "Right: your formula equals `{call}` at the point shown and at {others} random points.",
        "Đúng: công thức của bạn bằng `{call}` tại điểm đang hiện và tại {others} điểm ngẫu nhiên.",
    ),
    "puzzle.nonfinite": T(
        "Your formula gives NaN or ∞ at the point shown, where `{call}` is finite (outlined).",
        "Công thức của bạn cho NaN hoặc ∞ tại điểm đang hiện, trong khi `{call}` hữu hạn (các ô được viền).",
    ),
    "puzzle.input_axes_first": T(
        "You wrote shape {s}: the axes of `{x}` first. `tape.jacobian` puts the output's axes first: "
        "y.shape + {x}.shape = {ys} + {xs} = {js}. Transposed, as some textbooks write it?",
        "Bạn viết chiều {s}: các trục của `{x}` đứng trước. `tape.jacobian` đặt các trục của đầu ra trước: "
        "y.shape + {x}.shape = {ys} + {xs} = {js}. Bị chuyển vị, như cách một số giáo trình viết?",
    ),
    "puzzle.flat": T(
        "You wrote the flat matrix {s}: a row per element of y, a column per element of `{x}`. `tape.jacobian` "
        "keeps every axis: {ys} + {xs} = {js}; reshape your matrix to that.",
        "Bạn viết ma trận dạng phẳng {s}: mỗi phần tử của y một hàng, mỗi phần tử của `{x}` một cột. "
        "`tape.jacobian` giữ mọi trục: {ys} + {xs} = {js}; hãy reshape ma trận của bạn về chiều đó.",
    ),
    "puzzle.summed": T(
        "You wrote shape {s}, the gradient's: the slices added up too early. The Jacobian keeps one slice per "
        "element of y: {ys} + {xs} = {js}.",
        "Bạn viết chiều {s}, chiều của gradient: các lát cắt bị cộng lại quá sớm. Jacobian giữ mỗi phần tử "
        "của y một lát: {ys} + {xs} = {js}.",
    ),
    "puzzle.missing_diag": T(
        "These are the right numbers, the Jacobian's diagonal, written as a vector {s}. The Jacobian is a "
        "matrix {js}: put them on a diagonal with `diag(…)`.",
        "Đây là các số đúng, đường chéo của Jacobian, nhưng viết thành vector {s}. Jacobian là ma trận {js}: "
        "hãy đặt chúng lên đường chéo bằng `diag(…)`.",
    ),
    "puzzle.diagonal_as_vector": T(
        "These are the numbers on the Jacobian's diagonal, as a vector {s}; but the Jacobian {js} is not "
        "diagonal: here every y[i] depends on every {x}[k], so its entries off the diagonal are not 0.",
        "Đây là các số trên đường chéo của Jacobian, viết thành vector {s}; nhưng Jacobian {js} không phải ma "
        "trận đường chéo: ở đây mỗi y[i] phụ thuộc vào mọi {x}[k], nên các phần tử ngoài đường chéo khác 0.",
    ),
    "puzzle.jacobian_for_gradient": T(
        "You wrote the whole Jacobian {s}. `tape.gradient` adds its slices over the elements of y and keeps "
        "the shape of `{x}`: {xs}.",
        "Bạn viết toàn bộ Jacobian {s}. `tape.gradient` cộng các lát cắt theo các phần tử của y và giữ chiều "
        "của `{x}`: {xs}.",
    ),
    "puzzle.transposed_shape": T(
        "You wrote {s}, the shape of `{x}` transposed. `tape.gradient(y, {x})` has the shape of `{x}`: {xs}.",
        "Bạn viết {s}, chiều của `{x}` chuyển vị. `tape.gradient(y, {x})` có chiều của `{x}`: {xs}.",
    ),
    "puzzle.not_summed": T(
        "You wrote {s}; added up over its first axis it is the right answer. `tape.gradient` adds these up "
        "into the shape of `{x}`, {xs}: write the sum, `sum(…, 0)`.",
        "Bạn viết {s}; cộng theo trục đầu tiên thì ra đáp án đúng. `tape.gradient` cộng chúng lại thành chiều "
        "của `{x}`, {xs}: hãy viết phép tổng, `sum(…, 0)`.",
    ),
    "puzzle.gradient_not_hessian": T(
        "You wrote {s}, the shape of the gradient. The Hessian differentiates the gradient once more: "
        "{xs} + {xs} = {js}.",
        "Bạn viết {s}, chiều của gradient. Hessian lấy đạo hàm gradient thêm một lần nữa: {xs} + {xs} = {js}.",
    ),
    "puzzle.shape": T(
        "You wrote shape {s}; `{call}` has shape {js}: {rule}.", "Bạn viết chiều {s}; `{call}` có chiều {js}: {rule}."
    ),
    "puzzle.coincidence": T(
        "Right at the point shown and wrong at the random points: right by coincidence (the values shown "
        "happen to make it agree). A formula must hold at every point.",
        "Đúng tại điểm đang hiện nhưng sai tại các điểm ngẫu nhiên: đúng do trùng hợp (các giá trị đang hiện "
        "tình cờ làm nó khớp). Một công thức phải đúng tại mọi điểm.",
    ),
    "puzzle.transposed": T(
        "The right numbers at transposed places: your entry [i, k] is ∂y[k]/∂{x}[i]. The Jacobian's first "
        "index is the output's.",
        "Đúng các số nhưng ở vị trí chuyển vị: phần tử [i, k] của bạn là ∂y[k]/∂{x}[i]. Chỉ số đầu tiên của "
        "Jacobian là của đầu ra.",
    ),
    "puzzle.sign": T("Every entry has the right size and the wrong sign.", "Mọi phần tử đúng độ lớn nhưng sai dấu."),
    "puzzle.scaled": T(
        "Every entry is {c} times the right one: a factor is missing or too many.",
        "Mọi phần tử đều bằng {c} lần giá trị đúng: thiếu hoặc thừa một hệ số.",
    ),
    "puzzle.diagonal_only": T(
        "The diagonal is right and the entries off it are not: here they are not 0 (every y[i] depends on "
        "every {x}[k]).",
        "Đường chéo đúng còn các phần tử ngoài đường chéo thì chưa: ở đây chúng khác 0 (mỗi y[i] phụ thuộc "
        "vào mọi {x}[k]).",
    ),
    "puzzle.values": T(
        "The shape is right, and {k} of {n} entries differ from `{call}` at the point shown (outlined below).",
        "Chiều đúng, nhưng {k} trên {n} phần tử khác `{call}` tại điểm đang hiện (được viền bên dưới).",
    ),
}
