package cn.landmarket.common.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production build whose web sign-in would work on one instance only. quarkus-oidc
 * encrypts the sign-in's state cookie (which holds the PKCE verifier) with
 * {@code quarkus.oidc.authentication.state-secret}, else with the client secret when that has at least
 * {@value #MIN_LENGTH} characters, else with a key each instance makes at start: behind a load balancer
 * the provider's redirect back then reaches another instance, which cannot read the cookie, and the
 * sign-in fails. (A missing provider URL or client id already stops quarkus-oidc at start.)
 */
@IfBuildProfile("prod")
@Singleton
public class ProductionSignInCheck {

    /** Fewest characters of a secret quarkus-oidc derives the state cookie key from. */
    public static final int MIN_LENGTH = 32;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    Optional<String> clientSecret;

    @ConfigProperty(name = "quarkus.oidc.authentication.state-secret")
    Optional<String> stateSecret;

    void onStart(@Observes StartupEvent event) {
        problem(enabled, clientSecret, stateSecret).ifPresent(p -> {
            throw new IllegalStateException("Refusing to start: " + p);
        });
    }

    /** What is wrong with these settings, saying what to set; empty when every instance can finish a sign-in. */
    static Optional<String> problem(boolean enabled, Optional<String> clientSecret, Optional<String> stateSecret) {
        if (!enabled) {
            return Optional.empty();
        }
        String what = "set QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET to the same random secret of at least " + MIN_LENGTH
                + " characters on every instance, e.g. the output of openssl rand -hex 32";
        if (stateSecret.filter(s -> !s.isBlank()).isPresent()) {
            int bytes = stateSecret.get().getBytes(StandardCharsets.UTF_8).length;
            return bytes >= MIN_LENGTH ? Optional.empty()
                    : Optional.of("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET is " + bytes + " bytes long: " + what);
        }
        if (clientSecret.map(String::length).orElse(0) >= MIN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of("The sign-in's state cookie would be encrypted with a key each instance makes at start "
                + "(no QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET and a client secret shorter than " + MIN_LENGTH
                + " characters), so a sign-in that comes back to another instance fails: " + what);
    }
}
