package cn.landmarket.dev;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.landmarket.common.security.Role;

/** Which identity the dev token endpoint should mint a token for. */
public record DevTokenRequest(
        @NotNull Role role,
        @NotBlank @Size(max = 18) String org,
        @Pattern(regexp = "^[A-Za-z0-9._@-]{1,64}$") String subject) {
}
