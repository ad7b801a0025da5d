package cn.landmarket.testing;

import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Mints RS256 test tokens with the test private key (src/test/resources/test-keys). */
public final class Tokens {

    public static final String ISSUER = "https://id.land-market.local";
    public static final String AUDIENCE = "land-market";

    private Tokens() {
    }

    public static String township(String code) {
        return token("township", code);
    }

    public static String enterprise(String creditCode) {
        return token("enterprise", creditCode);
    }

    public static String regulator(String code) {
        return token("regulator", code);
    }

    public static String operator() {
        return token("operator", "MYJYZX");
    }

    public static String token(String group, String org) {
        return claims(group, org).sign();
    }

    /** A token with the usual claims, for a test to change before signing. */
    public static JwtClaimsBuilder claims(String group, String org) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(group + "-user").groups(Set.of(group)).claim("org", org)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
