package cn.landmarket.dev;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.PartyService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Dev mode only: mints a token for a seeded township or regulator, any enterprise credit code, or
 * an operator, signed with the dev key pair in target/dev-keys. Absent from test and prod builds.
 */
@Path("/api/dev/tokens")
@Tag(name = "Dev")
@IfBuildProfile("dev")
@PermitAll
public class DevTokenResource {

    @Inject
    PartyService parties;

    @Inject
    MarketConfig config;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Mint a token for a seeded identity (dev mode only)")
    public DevTokenView mint(@Valid @NotNull DevTokenRequest request) {
        String org = request.org().strip();
        switch (request.role()) {
            case TOWNSHIP -> parties.requireTownship(org);
            case REGULATOR -> parties.requireRegulator(org);
            case ENTERPRISE -> {
                if (!CreditCode.isValid(org)) {
                    throw ApiException.invalid("org", "credit-code.invalid");
                }
            }
            case OPERATOR -> {
                if (!org.matches("^[A-Z0-9]{2,18}$")) {
                    throw ApiException.invalid("org", "dev.operator-org");
                }
            }
        }
        String subject = request.subject() == null ? request.role().group() + "-" + org : request.subject();
        Instant expires = Instant.now(clock).plus(config.jwt().devTokenLifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .upn(subject)
                .subject(subject)
                .groups(Set.of(request.role().group()))
                .claim(CurrentActor.ORG_CLAIM, org)
                .issuedAt(Instant.now(clock))
                .expiresAt(expires)
                .sign();
        return new DevTokenView(token, request.role(), org, subject, expires);
    }
}
