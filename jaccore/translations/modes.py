"""The pages on how TensorFlow builds a Jacobian: rows or columns, the Hessian, the best linear map."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    # Rows or columns
    "modes.intro": T(
        "`tape.jacobian(y, x)` has no single pass that returns the whole Jacobian. Reverse mode (what "
        "`tape.gradient` does) gives one **row** per pass: the vector-Jacobian product with a one-hot "
        "e~i~, ∂y[i]/∂x. Forward mode (`tf.autodiff.ForwardAccumulator`) gives one **column** per pass: "
        "the Jacobian-vector product with a one-hot e~k~, ∂y/∂x[k]. Step through both on a small layer.",
        "`tape.jacobian(y, x)` không có một lượt nào trả về cả Jacobian. Chế độ ngược (cách `tape.gradient` "
        "làm) cho một **hàng** mỗi lượt: tích vector-Jacobian với vector one-hot e~i~, tức ∂y[i]/∂x. Chế độ "
        "xuôi (`tf.autodiff.ForwardAccumulator`) cho một **cột** mỗi lượt: tích Jacobian-vector với vector "
        "one-hot e~k~, tức ∂y/∂x[k]. Hãy đi từng bước cả hai cách trên một lớp nhỏ.",
    ),
    "modes.pick": T("Build the Jacobian", "Dựng Jacobian"),
    "modes.rows": T("row by row (reverse mode)", "từng hàng (chế độ ngược)"),
    "modes.columns": T("column by column (forward mode)", "từng cột (chế độ xuôi)"),
    "modes.passes": T("Passes run", "Số lượt đã chạy"),
    "modes.none_yet": T(
        "No pass yet: {total} are needed, one per {what}. Move the slider to run the first.",
        "Chưa chạy lượt nào: cần {total} lượt, mỗi lượt một {what}. Kéo thanh trượt để chạy lượt đầu.",
    ),
    "modes.output_element": T("output element", "phần tử đầu ra"),
    "modes.input_element": T("input element", "phần tử đầu vào"),
    "modes.pass_row": T(
        "Pass {n} of {total}: `tape.gradient({y}, {x}, output_gradients=e)` with e one-hot at {yi} gives "
        "row {r}: ∂{yi}/∂{x}.",
        "Lượt {n} trên {total}: `tape.gradient({y}, {x}, output_gradients=e)` với e là one-hot tại {yi} cho "
        "hàng {r}: ∂{yi}/∂{x}.",
    ),
    "modes.pass_column": T(
        "Pass {n} of {total}: `ForwardAccumulator({x}, e)` with e one-hot at {xk} gives column {c}: ∂{y}/∂{xk}.",
        "Lượt {n} trên {total}: `ForwardAccumulator({x}, e)` với e là one-hot tại {xk} cho cột {c}: ∂{y}/∂{xk}.",
    ),
    "modes.done": T(
        "All {total} passes run: the matrix is `tape.jacobian({y}, {x})` flattened, largest difference {err}.",
        "Đã chạy đủ {total} lượt: ma trận chính là `tape.jacobian({y}, {x})` trải phẳng, sai khác lớn nhất {err}.",
    ),
    "modes.matrix": T("The Jacobian as it is built", "Jacobian trong lúc được dựng"),
    "modes.count": T(
        "Reverse mode needs {rows} passes ({y}.size), forward mode {columns} ({x}.size): for a loss "
        "(one output) and millions of weights, reverse mode builds the gradient in one pass. That is "
        "why `tape.gradient` is reverse mode.",
        "Chế độ ngược cần {rows} lượt ({y}.size), chế độ xuôi cần {columns} lượt ({x}.size): với một hàm "
        "mất mát (một đầu ra) và hàng triệu trọng số, chế độ ngược dựng gradient chỉ trong một lượt. Vì "
        "thế `tape.gradient` dùng chế độ ngược.",
    ),
    "modes.timing": T("Tall or wide: which mode wins", "Cao hay rộng: chế độ nào nhanh hơn"),
    "modes.timing_intro": T(
        "A layer y = tanh(W·x) with W of shape (n~out~, n~in~): its Jacobian with respect to x is "
        "n~out~ × n~in~. Each mode below is compiled once and then timed (median of 5 calls) on this server.",
        "Một lớp y = tanh(W·x) với W có chiều (n~out~, n~in~): Jacobian theo x có kích thước n~out~ × n~in~. "
        "Mỗi chế độ dưới đây được biên dịch một lần rồi đo thời gian (trung vị của 5 lần gọi) trên máy chủ này.",
    ),
    "modes.measure": T("Measure", "Đo"),
    "modes.too_big": T(
        "A {n_out} × {n_in} Jacobian has {size} elements: more than this page times ({limit}). Pick smaller sizes.",
        "Jacobian {n_out} × {n_in} có {size} phần tử: nhiều hơn mức trang này đo ({limit}). Hãy chọn kích thước "
        "nhỏ hơn.",
    ),
    "modes.not_measured": T(
        "Press Measure to time both modes for n~out~ = {n_out}, n~in~ = {n_in} (a few seconds: each graph "
        "is traced first).",
        "Bấm Đo để đo cả hai chế độ với n~out~ = {n_out}, n~in~ = {n_in} (vài giây: mỗi đồ thị được dựng trước).",
    ),
    "modes.table": T(
        "| way | passes | median per call |\n|---|---|---|\n"
        "| rows, reverse mode, vectorised (pfor) | {rows_passes} | {rows} ms |\n"
        "| columns, forward mode, vectorised (pfor) | {columns_passes} | {columns} ms |\n"
        "| rows in a while loop (`experimental_use_pfor=False`) | {rows_passes} | {looped} |\n"
        "| `tape.jacobian` outside `tf.function` (the notebook) | {rows_passes} | {eager} ms |",
        "| cách | số lượt | trung vị mỗi lần gọi |\n|---|---|---|\n"
        "| từng hàng, chế độ ngược, vector hoá (pfor) | {rows_passes} | {rows} ms |\n"
        "| từng cột, chế độ xuôi, vector hoá (pfor) | {columns_passes} | {columns} ms |\n"
        "| từng hàng trong vòng lặp while (`experimental_use_pfor=False`) | {rows_passes} | {looped} |\n"
        "| `tape.jacobian` ngoài `tf.function` (như notebook) | {rows_passes} | {eager} ms |",
    ),
    "modes.not_looped": T("not timed (over {n} passes)", "không đo (quá {n} lượt)"),
    "modes.winner": T(
        "Here the {winner} were {ratio:.1f}× faster than the {loser}.",
        "Ở đây {winner} nhanh hơn {loser} {ratio:.1f} lần.",
    ),
    "modes.measuring": T(
        "Measuring: one measurement at a time on this server, so yours may wait for another learner's.",
        "Đang đo: máy chủ này đo lần lượt từng yêu cầu, nên lượt của bạn có thể phải chờ lượt của người khác.",
    ),
    "modes.busy": T(
        "Other learners' pages ran {n} computations on this server during the measurement: these times are "
        "higher than the same code alone would take.",
        "Trang của những người học khác đã chạy {n} phép tính trên máy chủ này trong lúc đo: các thời gian trên "
        "cao hơn khi đoạn mã chạy một mình.",
    ),
    "modes.rows_short": T("rows (reverse)", "các hàng (chế độ ngược)"),
    "modes.columns_short": T("columns (forward)", "các cột (chế độ xuôi)"),
    "modes.what_tape_does": T(
        "`tape.jacobian` is the rows: pfor turns the y.size vector-Jacobian products into one vectorised "
        "graph; with `experimental_use_pfor=False` (which needs a persistent tape) it runs them one by one "
        "in a while loop. Outside `tf.function` that graph is traced again on every call, which is most "
        "of the notebook's time and its retracing warnings.",
        "`tape.jacobian` chính là cách từng hàng: pfor gộp y.size tích vector-Jacobian thành một đồ thị "
        "vector hoá; với `experimental_use_pfor=False` (cần tape persistent) nó chạy lần lượt từng tích "
        "trong vòng lặp while. Ngoài `tf.function`, đồ thị ấy được dựng lại ở mỗi lần gọi: phần lớn thời "
        "gian của notebook và các cảnh báo retracing của nó.",
    ),
    "modes.q": T(
        "How many passes does reverse mode need for ∂{y}/∂{x}, {y} of shape {ys} and {x} of shape {xs}?",
        "Chế độ ngược cần bao nhiêu lượt cho ∂{y}/∂{x}, với {y} có chiều {ys} và {x} có chiều {xs}?",
    ),
    "modes.why": T(
        "One pass per output element: {y}.size = {n}. Each pass is a vector-Jacobian product and gives one "
        "row; forward mode would need {x}.size = {m}.",
        "Mỗi phần tử đầu ra một lượt: {y}.size = {n}. Mỗi lượt là một tích vector-Jacobian và cho một hàng; "
        "chế độ xuôi sẽ cần {x}.size = {m}.",
    ),
    "modes.why_columns": T(
        "{m} is forward mode's count: one pass per input element, {x}.size = {m}. Reverse mode gives a row "
        "per pass, one per output element: {y}.size = {n}.",
        "{m} là số lượt của chế độ xuôi: mỗi phần tử đầu vào một lượt, {x}.size = {m}. Chế độ ngược cho một "
        "hàng mỗi lượt, mỗi phần tử đầu ra một lượt: {y}.size = {n}.",
    ),
    "modes.why_one": T(
        "One pass gives one row, a vector-Jacobian product: enough only when {y} has one element (a loss). "
        "Here {y}.size = {n} rows are needed.",
        "Một lượt cho một hàng, một tích vector-Jacobian: chỉ đủ khi {y} có một phần tử (một hàm mất mát). "
        "Ở đây cần {y}.size = {n} hàng.",
    ),
    "modes.why_entries": T(
        "That is the number of partial derivatives, {n} × {m}; a pass gives a whole row of {m} of them at "
        "once, so {n} passes.",
        "Đó là số đạo hàm riêng, {n} × {m}; mỗi lượt cho cả một hàng {m} đạo hàm riêng, nên cần {n} lượt.",
    ),
}
