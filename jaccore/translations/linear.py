"""The best linear map page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "linear.intro": T(
        "The Jacobian is the best linear map near x: f(x + tδ) ≈ f(x) + J·tδ. How good? The error is a "
        "second-order term: divide t by 10 and it falls about 100-fold, a slope of 2 on a log-log plot.",
        "Jacobian là ánh xạ tuyến tính tốt nhất quanh x: f(x + tδ) ≈ f(x) + J·tδ. Tốt đến đâu? Sai số là một "
        "số hạng bậc hai: chia t cho 10 thì sai số giảm khoảng 100 lần, độ dốc 2 trên đồ thị log-log.",
    ),
    "linear.pick": T("Function", "Hàm"),
    "linear.element": T("Output element drawn", "Phần tử đầu ra được vẽ"),
    "linear.curve": T("{yi} along x + tδ, and the linear map", "{yi} dọc theo x + tδ, và ánh xạ tuyến tính"),
    "linear.at_x": T(
        "At t = 0: {yi} = {value}, and its slope along δ, ({jd})[{index}], is {slope}.",
        "Tại t = 0: {yi} = {value}, và độ dốc của nó theo hướng δ, ({jd})[{index}], là {slope}.",
    ),
    "linear.exact_name": T("f(x + tδ)", "f(x + tδ)"),
    "linear.linear_name": T("f(x) + J·tδ", "f(x) + J·tδ"),
    "linear.error": T("Error of the linear map (log-log)", "Sai số của ánh xạ tuyến tính (log-log)"),
    "linear.error_over": T("the largest over {n} of {y}", "lớn nhất trên {n} của {y}"),
    "linear.error_name": T("maxᵢ |f(x + tδ)[i] − f(x)[i] − (J·tδ)[i]|", "maxᵢ |f(x + tδ)[i] − f(x)[i] − (J·tδ)[i]|"),
    "linear.slope_name": T("slope 2", "độ dốc 2"),
    "linear.slope": T(
        "Fitted slope: **{slope:.2f}**. From t = {t0} to t = {t1} the largest error over every element of "
        "{y} (not only the one drawn above) fell from {e0} to {e1}.",
        "Độ dốc ước lượng: **{slope:.2f}**. Từ t = {t0} đến t = {t1}, sai số lớn nhất trên mọi phần tử của {y} "
        "(không chỉ phần tử vẽ ở trên) giảm từ {e0} xuống {e1}.",
    ),
    "linear.exact": T(
        "{y} is linear in {x}: the error is {err} at every t, rounding only. Its linear map is exact.",
        "{y} tuyến tính theo {x}: sai số là {err} tại mọi t, chỉ do làm tròn. Ánh xạ tuyến tính của nó là chính xác.",
    ),
    "linear.zero_direction": T(
        "δ is zero: nothing moves. Set a direction.", "δ bằng 0: không có gì thay đổi. Hãy đặt một hướng."
    ),
    "linear.q": T(
        "Divide t by 10. The error of the linear map is divided by about…",
        "Chia t cho 10. Sai số của ánh xạ tuyến tính chia cho khoảng…",
    ),
    "linear.why_ten": T(
        "10 is how much t itself shrinks. The linear map gets the first-order change right, so what is "
        "left falls faster: like t², by 100.",
        "10 là mức t tự nó giảm. Ánh xạ tuyến tính đã đúng phần thay đổi bậc nhất, nên phần còn lại giảm "
        "nhanh hơn: như t², tức chia 100.",
    ),
    "linear.why_one": T(
        "The error does shrink with t: what the linear map leaves out is ½ t² δᵀHδ and smaller, so it falls "
        "by about 100 each time.",
        "Sai số có giảm theo t: phần ánh xạ tuyến tính bỏ qua là ½ t² δᵀHδ và nhỏ hơn, nên mỗi lần nó giảm khoảng 100.",
    ),
    "linear.why_thousand": T(
        "1000 would be t³: the linear map would then also get the t² term right, which only the Hessian "
        "knows. The error is that t² term: it falls by 100.",
        "1000 ứng với t³: khi đó ánh xạ tuyến tính phải đúng cả số hạng t², điều chỉ Hessian biết. Sai số "
        "chính là số hạng t² ấy: nó giảm 100 lần.",
    ),
    "linear.why": T(
        "100: what the linear map leaves out is ½ t² δᵀHδ and smaller, so the error goes like t² (for a "
        "function that is not linear in x).",
        "100: phần ánh xạ tuyến tính bỏ qua là ½ t² δᵀHδ và nhỏ hơn, nên sai số tỉ lệ với t² (với hàm "
        "không tuyến tính theo x).",
    ),
}
