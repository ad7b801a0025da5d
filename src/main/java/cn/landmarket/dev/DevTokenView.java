package cn.landmarket.dev;

import java.time.Instant;

import cn.landmarket.common.security.Role;

/** A minted dev token and what it says. */
public record DevTokenView(String token, Role role, String org, String subject, Instant expiresAt) {
}
