package cn.landmarket.listing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A regulator's reason for rejecting, suspending or terminating a listing; shown to the township and the public. */
public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
}
