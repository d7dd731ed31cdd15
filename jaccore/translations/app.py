"""The app's frame: its title, navigation, home page, and the notes about a link's values."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "app.title": T("Jacobian Explorer", "Khám phá Jacobian"),
    "app.language": T("Language · Ngôn ngữ", "Ngôn ngữ · Language"),
    "app.loading": T("Loading TensorFlow (a few seconds, once)…", "Đang tải TensorFlow (vài giây, chỉ lần đầu)…"),
    "nav.examples": T("Worked examples", "Ví dụ có lời giải"),
    "nav.beyond": T("Beyond the notebook", "Mở rộng"),
    "note.bad_url": T(
        "The link set {key} = {value}; the slider takes numbers from {lo} to {hi} in steps of {step}, so it "
        "shows {shown}.",
        "Đường dẫn đặt {key} = {value}; thanh trượt nhận các số từ {lo} đến {hi}, bước {step}, nên nó hiện {shown}.",
    ),
    "note.bad_choice": T(
        "The link set {key} = {value}, which is not one of: {options}; the page shows {shown}.",
        "Đường dẫn đặt {key} = {value}, không thuộc các lựa chọn: {options}; trang hiện {shown}.",
    ),
    "note.bad_switch": T(
        "The link set {key} = {value}; a switch takes true or false, so it shows {shown}.",
        "Đường dẫn đặt {key} = {value}; công tắc chỉ nhận true hoặc false, nên nó hiện {shown}.",
    ),
    "note.bad_whole": T(
        "The link set {key} = {value}, which is not a whole number from {lo} to {hi}; the page shows {shown}.",
        "Đường dẫn đặt {key} = {value}, không phải một số nguyên từ {lo} đến {hi}; trang hiện {shown}.",
    ),
    "note.repeated": T(
        "The link gives {key} more than once ({values}); the page shows {shown}.",
        "Đường dẫn cho {key} nhiều lần ({values}); trang hiện {shown}.",
    ),
    "note.unknown": T(
        "The link's parameter {keys} is not used on this page; it was removed from the link.",
        "Tham số {keys} của đường dẫn không được dùng ở trang này; nó đã được bỏ khỏi đường dẫn.",
    ),
    "note.unknowns": T(
        "The link's parameters {keys}{more} are not used on this page; they were removed from the link.",
        "Các tham số {keys}{more} của đường dẫn không được dùng ở trang này; chúng đã được bỏ khỏi đường dẫn.",
    ),
    "note.more": T(" and {n} more", " và {n} tham số khác"),
    "note.shapes": T(
        "These inputs do not fit the formula: {shapes}. TensorFlow says: {reason}",
        "Các đầu vào này không khớp với công thức: {shapes}. TensorFlow báo: {reason}",
    ),
    "note.run_failed": T(
        "TensorFlow stopped while computing this, for inputs {shapes}. It says: {reason}",
        "TensorFlow dừng lại khi tính phần này, với các đầu vào {shapes}. Thông báo của nó: {reason}",
    ),
    "note.bad_input": T("This input cannot be used: {reason}", "Không dùng được đầu vào này: {reason}"),
    "app.failed": T(
        "Something unexpected went wrong on this page, so it stopped here. The details are in the server's log.",
        "Đã có lỗi ngoài dự kiến ở trang này nên trang dừng tại đây. Chi tiết nằm trong nhật ký của máy chủ.",
    ),
    "app.back_to_start": T("Open this page again with its starting values", "Mở lại trang này với các giá trị ban đầu"),
    "panel.heatmap": T("Heatmap: {panels}", "Bản đồ nhiệt: {panels}"),
    "panel.round_off": T("round-off", "sai số làm tròn"),
    "panel.size": T("{rows} by {cols}", "{rows} hàng, {cols} cột"),
    "panel.too_many": T("{n} numbers, too many to list here", "{n} số, quá nhiều để liệt kê ở đây"),
    "panel.scroll": T(
        "Wider than the screen at a readable size: scroll it sideways →",
        "Rộng hơn màn hình ở cỡ đọc được: hãy cuộn ngang →",
    ),
    "note.bad_flag": T(
        "The link set {key} = {value}; {key} takes only {only}, so the page does not use it.",
        "Đường dẫn đặt {key} = {value}; {key} chỉ nhận {only}, nên trang không dùng giá trị này.",
    ),
}
