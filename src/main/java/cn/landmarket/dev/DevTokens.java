package cn.landmarket.dev;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Signs tokens like the identity provider's, with the dev (or test) key: for the dev token endpoint
 * and the dev sign-in page. Absent from production builds.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevTokens {

    @Inject
    MarketConfig config;

    @Inject
    Clock clock;

    public record Minted(String token, String subject, Instant expires) {
    }

    public Minted mint(Role role, String org, String subject) {
        String who = subject == null ? role.group() + "-" + org : subject;
        Instant now = Instant.now(clock);
        Instant expires = now.plus(config.jwt().devTokenLifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .upn(who)
                .subject(who)
                .groups(Set.of(role.group()))
                .claim(CurrentActor.ORG_CLAIM, org)
                .issuedAt(now)
                .expiresAt(expires)
                .sign();
        return new Minted(token, who, expires);
    }
}
