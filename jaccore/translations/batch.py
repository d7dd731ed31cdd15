"""The batch_jacobian page."""

from jaccore.translations.text import Text

T = Text

SENTENCES = {
    "batch.intro": T(
        "A layer applied to a batch x of shape (B, n~in~) gives y of shape (B, n~out~). Its full Jacobian "
        "`tape.jacobian(y, x)` has shape (B, n~out~, B, n~in~): every sample against every other. "
        "`tape.batch_jacobian(y, x)` has shape (B, n~out~, n~in~): one block per sample. It is computed as "
        "if the samples were independent — for sample b it adds up the whole column of blocks ∂y[c]/∂x[b] "
        "over the output samples c — so it equals the diagonal block ∂y[b]/∂x[b] only when the others are "
        "zero.",
        "Một lớp áp dụng lên lô (nhiều mẫu) x có chiều (B, n~in~) cho ra y có chiều (B, n~out~). Jacobian đầy đủ "
        "`tape.jacobian(y, x)` có chiều (B, n~out~, B, n~in~): mọi mẫu so với mọi mẫu khác. "
        "`tape.batch_jacobian(y, x)` có chiều (B, n~out~, n~in~): mỗi mẫu một khối. Nó được tính như thể "
        "các mẫu độc lập — với mẫu b, nó cộng cả cột khối ∂y[c]/∂x[b] theo các mẫu đầu ra c — nên chỉ "
        "bằng khối đường chéo ∂y[b]/∂x[b] khi các khối còn lại bằng 0.",
    ),
    "batch.couple": T(
        "Couple the samples: subtract the batch mean (as batch normalisation does)",
        "Liên kết các mẫu: trừ trung bình của cả lô (như chuẩn hoá theo lô, batch normalization)",
    ),
    "batch.full": T(
        "Full Jacobian: a B×B grid of (n~out~ × n~in~) blocks ∂y[b]/∂x[c]; the diagonal outlined",
        "Jacobian đầy đủ: lưới B×B các khối (n~out~ × n~in~) ∂y[b]/∂x[c]; đường chéo được viền",
    ),
    "batch.diagonal": T("What `tape.batch_jacobian(y, x)` returns", "Kết quả `tape.batch_jacobian(y, x)`"),
    "batch.lost": T("Off-diagonal share (norm)", "Phần ngoài đường chéo (chuẩn)"),
    "batch.lost_max": T("Largest off-diagonal entry", "Phần tử ngoài đường chéo lớn nhất"),
    "batch.gradient_gap": T("batch_jacobian − diagonal", "batch_jacobian − đường chéo"),
    "batch.gap_help": T(
        "Largest difference between what batch_jacobian returns and the true per-sample blocks "
        "∂y[b]/∂x[b]: zero for independent samples; with coupling, the off-diagonal blocks it added in.",
        "Sai khác lớn nhất giữa kết quả batch_jacobian và các khối đúng của từng mẫu ∂y[b]/∂x[b]: bằng 0 "
        "khi các mẫu độc lập; khi có liên kết, đó là các khối ngoài đường chéo đã bị cộng vào.",
    ),
    "batch.sizes": T("How big is a full Jacobian?", "Jacobian đầy đủ lớn cỡ nào?"),
    "batch.batch": T("batch size N", "số mẫu N"),
    "batch.size_table": T(
        "| | entries | float32 |\n"
        "|---|---|---|\n"
        "| full Jacobian (N, n~out~, N, n~in~) | {full} | {full_bytes} |\n"
        "| gradient (N, n~in~) | {grad} | {grad_bytes} |",
        "| | số phần tử | float32 |\n"
        "|---|---|---|\n"
        "| Jacobian đầy đủ (N, n~out~, N, n~in~) | {full} | {full_bytes} |\n"
        "| gradient (N, n~in~) | {grad} | {grad_bytes} |",
    ),
    "batch.why_vjp": T(
        "That is why frameworks never form the Jacobian during training: `tape.gradient` computes the "
        "vector-Jacobian product vᵀJ directly, layer by layer, at about the cost of the forward pass.",
        "Vì vậy khi huấn luyện, các framework không bao giờ tạo Jacobian: `tape.gradient` tính trực tiếp "
        "tích vector–Jacobian vᵀJ, từng lớp một, với chi phí cỡ một lượt tính xuôi.",
    ),
}
