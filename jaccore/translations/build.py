"""The learner builds `tape.gradient` from the slices: the boxes, what each wrong number is, the hints."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "build.title": T("Now you build `tape.gradient`", "Đến lượt bạn: tự dựng `tape.gradient`"),
    "build.intro": T(
        "Add the slices above **across the output elements, cell by cell**: the box of `{x_k}` gets "
        "{sum_i}{v_i}·∂{y_i}/∂{x_k}, the same cell of every slice, each slice weighted by its {v_i} (ones unless "
        "you set them). One box per element of `{x}`, laid out as `{x}` is. Each box is graded on its own, at "
        "the values the sliders hold now; a wrong number is told which mistake it is.",
        "Cộng các lát cắt ở trên **theo các phần tử đầu ra, từng ô một**: ô của `{x_k}` là "
        "{sum_i}{v_i}·∂{y_i}/∂{x_k}, tức cùng một ô của mọi lát cắt, mỗi lát nhân với {v_i} của nó (bằng 1 nếu bạn "
        "không đặt). Mỗi phần tử của `{x}` một ô, xếp đúng như `{x}`. Từng ô được chấm riêng, tại giá trị "
        "các thanh trượt đang giữ; một số sai sẽ được cho biết đó là lỗi nào.",
    ),
    "build.yours": T("your ∇{x}", "∇{x} của bạn"),
    "build.done": T(
        "All {n} right: this is `tape.gradient({y}, {x})`. Your grid stands beside it in the sum above.",
        "Đúng cả {n}: đây chính là `tape.gradient({y}, {x})`. Lưới của bạn đứng cạnh nó trong phép cộng ở trên.",
    ),
    "build.score": T("{right} of {n} right.", "Đúng {right} trên {n}."),
    "build.hint": T("Hint", "Gợi ý"),
    "build.hint_help": T(
        "For the first box that is not right yet: which slices add to it, then one slice's term at a time. "
        "Never the total.",
        "Cho ô đầu tiên chưa đúng: những lát cắt nào cộng vào ô đó, rồi từng số hạng của một lát cắt. Không "
        "bao giờ cho tổng.",
    ),
    "build.hint_slices": T(
        "Hint: the slices that add to `{xk}` are {slices}; every other slice is 0 there.",
        "Gợi ý: các lát cắt cộng vào `{xk}` là {slices}; mọi lát cắt khác bằng 0 tại đó.",
    ),
    "build.hint_one": T(
        "Hint: only {slices} adds to `{xk}`: read its cell `{xk}`{weighted}.",
        "Gợi ý: chỉ có {slices} cộng vào `{xk}`: hãy đọc ô `{xk}` của nó{weighted}.",
    ),
    "build.hint_weighted": T(", times its weight v", ", nhân với trọng số v của nó"),
    "build.hint_none": T(
        "Hint: no slice adds anything at `{xk}`: every slice is 0 there.",
        "Gợi ý: không lát cắt nào đóng góp tại `{xk}`: mọi lát cắt đều bằng 0 tại đó.",
    ),
    "build.hint_terms": T("Terms so far: {terms}.", "Các số hạng đến giờ: {terms}."),
    "build.no_more_hints": T(
        "Every box has all the hints it can get: the last term of each is yours to add.",
        "Mọi ô đã nhận đủ gợi ý: số hạng cuối cùng của mỗi ô là phần bạn tự cộng.",
    ),
    "build.show": T("Show me tape.gradient", "Cho tôi xem tape.gradient"),
    "build.show_help": T(
        "Shows the sum and what `tape.gradient` returns. The example counts as seen, not built.",
        "Hiện phép cộng và kết quả `tape.gradient` trả về. Ví dụ này được tính là đã xem, chưa tự dựng.",
    ),
    "build.shown": T(
        "The answer is on the page; the boxes are still graded, if you want to try.",
        "Đáp án đã hiện trên trang; các ô vẫn được chấm nếu bạn muốn thử.",
    ),
    "build.held": T(
        "The sum, what `tape.gradient` returns and the script appear once your boxes are all right, or "
        "when you ask for them.",
        "Phép cộng, kết quả `tape.gradient` trả về và đoạn mã sẽ hiện khi mọi ô của bạn đều đúng, hoặc khi "
        "bạn yêu cầu.",
    ),
    # What a wrong number is, computed from the values on screen (../shared/LEARNERS.md, 14).
    "build.row_sums": T(
        "{s} adds up the numbers inside one slice, the slice of `{yk}`: a row sum of the flat Jacobian. "
        "`tape.gradient` adds across the slices instead: the cell `{xk}` of every slice.",
        "{s} cộng các số bên trong một lát cắt, lát của `{yk}`: tổng một hàng của Jacobian dạng phẳng. "
        "`tape.gradient` cộng xuyên qua các lát cắt: ô `{xk}` của mọi lát cắt.",
    ),
    "build.partial": T(
        "{s} leaves out {missing}: every slice adds its cell `{xk}`, so the sum needs all of them.",
        "{s} bỏ sót {missing}: lát cắt nào cũng cộng ô `{xk}` của nó, nên tổng phải có đủ các lát.",
    ),
    "build.unweighted": T(
        "{s} is the plain sum, as if every {v_i} were 1. With the weights v set, each slice counts {v_i} "
        "times: {sum_i}{v_i}·∂{y_i}/∂{xk}.",
        "{s} là tổng thường, như thể mọi {v_i} đều bằng 1. Khi đã đặt trọng số v, mỗi lát cắt được tính {v_i} "
        "lần: {sum_i}{v_i}·∂{y_i}/∂{xk}.",
    ),
    "build.weighted_twice": T(
        "{s} multiplies by v twice ({v_i}²). Each slice is weighted once: {v_i}·∂{y_i}/∂{xk}.",
        "{s} nhân với v hai lần ({v_i}²). Mỗi lát cắt chỉ nhân trọng số một lần: {v_i}·∂{y_i}/∂{xk}.",
    ),
    "build.transposed": T(
        "{s} belongs at `{xt}`, the transposed place: ∇{x} has the shape of `{x}`, each number at its own "
        "element's place.",
        "{s} thuộc về ô `{xt}`, vị trí chuyển vị: ∇{x} có chiều của `{x}`, mỗi số nằm đúng chỗ phần tử của nó.",
    ),
    "build.output_value": T(
        "{s} is the value of the output `{yk}`, not how fast the output changes with `{xk}`.",
        "{s} là giá trị của đầu ra `{yk}`, không phải tốc độ đầu ra thay đổi theo `{xk}`.",
    ),
    "build.input_value": T(
        "{s} is the value of `{xk}` itself. The box asks how much the outputs move when `{xk}` moves.",
        "{s} là giá trị của chính `{xk}`. Ô này hỏi các đầu ra thay đổi bao nhiêu khi `{xk}` thay đổi.",
    ),
    "build.other_input": T(
        "{s} is the gradient's entry for `{ok}`, with respect to `{other}`; this grid is the gradient with "
        "respect to `{x}`.",
        "{s} là phần tử của gradient ứng với `{ok}`, tức đạo hàm theo `{other}`; lưới này là gradient theo `{x}`.",
    ),
    "build.stale_start": T(
        "{s} was right at the starting values; the sliders have moved since. Read the slices as they are now.",
        "{s} đúng tại các giá trị ban đầu; các thanh trượt đã di chuyển từ đó. Hãy đọc các lát cắt như bây giờ.",
    ),
    "build.stale_before": T(
        "{s} was right before the last slider move. Read the slices as they are now.",
        "{s} đúng trước lần kéo thanh trượt vừa rồi. Hãy đọc các lát cắt như bây giờ.",
    ),
    "build.sign": T(
        "{s} has the right size and the wrong sign.",
        "{s} đúng độ lớn nhưng sai dấu.",
    ),
}
