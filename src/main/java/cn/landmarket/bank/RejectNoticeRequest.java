package cn.landmarket.bank;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a second operator rejects a notice typed in by another, e.g. "amount differs from the statement". */
public record RejectNoticeRequest(@NotBlank @Size(max = 500) String reason) {
}
