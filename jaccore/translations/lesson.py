"""The column-sum lesson (the notebook's Ví dụ 3)."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "lesson.sum_row": T(
        "The last row, Σ, adds up each column: every element of {y} differentiated by the same input "
        "element. One colour scale for the entries and their sums.",
        "Hàng cuối, Σ, là tổng từng cột: đạo hàm của mọi phần tử của {y} theo cùng một phần tử đầu vào. "
        "Các phần tử và tổng của chúng dùng chung một thang màu.",
    ),
    "lesson.intro": T(
        "Lay the Jacobian flat: one **row** per output element, one **column** per input element. A column "
        "holds the partial derivatives of every output element with respect to one input element — every "
        "way that input element moves the output. Add each column up and you get the gradient: exactly "
        "what `tape.gradient` returns. Pick any example, move the sliders, and watch the column sums follow.",
        "Trải Jacobian ra thành ma trận phẳng: mỗi **hàng** là một phần tử đầu ra, mỗi **cột** là một "
        "phần tử đầu vào. Mỗi cột chứa đạo hàm riêng của mọi phần tử đầu ra theo một phần tử đầu vào — mọi "
        "cách mà phần tử đầu vào đó ảnh hưởng tới đầu ra. "
        "Cộng từng cột lại, ta được gradient: đúng thứ mà `tape.gradient` trả về. Hãy chọn một ví dụ, kéo "
        "thanh trượt và xem tổng các cột thay đổi theo.",
    ),
    "lesson.goal": T(
        "Goal: see the gradient as the column sums of the flat Jacobian, add the columns up yourself, and "
        "check them against `tape.gradient`.",
        "Mục tiêu: thấy gradient là tổng từng cột của Jacobian dạng phẳng, tự cộng các cột, rồi so với "
        "`tape.gradient`.",
    ),
    "lesson.remember": T(
        "- Flat, the Jacobian has a row per output element and a column per input element.\n"
        "- The gradient is its column sums: each input element's partial derivatives added over every output "
        "element. The row sums give one number per output element: not the gradient.",
        "- Ở dạng phẳng, Jacobian có mỗi phần tử đầu ra một hàng, mỗi phần tử đầu vào một cột.\n"
        "- Gradient là tổng từng cột: các đạo hàm riêng của một phần tử đầu vào cộng qua mọi phần tử đầu ra. "
        "Tổng từng hàng cho mỗi phần tử đầu ra một số: đó không phải gradient.",
    ),
    "lesson.flat_heading": T("The Jacobian, laid flat", "Jacobian trải phẳng"),
    "lesson.slices_heading": T("The same sum, slice by slice", "Cùng phép cộng ấy, theo từng lát cắt"),
    "lesson.pick": T("Example", "Ví dụ"),
    "lesson.column_sums": T("column sums", "tổng từng cột"),
    "lesson.why": T(
        "Each column sum is {sum_i}∂{y_i}/∂{x_k}: the partial derivatives of all output elements with "
        "respect to the same input element. That is the derivative of `tf.reduce_sum({y})` — which is why "
        "`tape.gradient` of a non-scalar {y} has {x}'s shape and not the Jacobian's.",
        "Mỗi tổng cột là {sum_i}∂{y_i}/∂{x_k}: các đạo hàm riêng của mọi phần tử đầu ra theo cùng một phần "
        "tử đầu vào. Đó là đạo hàm của `tf.reduce_sum({y})` — vì vậy `tape.gradient` của {y} không phải số vô hướng "
        "có chiều của {x}, không phải chiều của Jacobian.",
    ),
}
