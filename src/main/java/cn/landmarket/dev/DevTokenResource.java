package cn.landmarket.dev;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.PartyService;
import io.quarkus.arc.profile.IfBuildProfile;

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
    DevTokens tokens;

    @POST
    @Operation(summary = "Mint a token for a seeded identity (dev mode only)")
    public DevTokenView mint(@Valid @NotNull DevTokenRequest request) {
        String org = request.org().strip();
        switch (request.role()) {
            case TOWNSHIP -> parties.requireTownship(org);
            case REGULATOR -> parties.requireRegulator(org);
            case ENTERPRISE -> {
                if (!CreditCode.isValid(org)) {
                    throw ApiException.invalid("org", MessageKey.CREDIT_CODE_INVALID);
                }
            }
            case OPERATOR -> {
                if (!org.matches("^[A-Z0-9]{2,18}$")) {
                    throw ApiException.invalid("org", MessageKey.DEV_OPERATOR_ORG);
                }
            }
        }
        DevTokens.Minted minted = tokens.mint(request.role(), org, request.subject());
        return new DevTokenView(minted.token(), request.role(), org, minted.subject(), minted.expires());
    }
}
