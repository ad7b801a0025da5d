package cn.landmarket.bank;

import java.io.IOException;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/**
 * HTTP face of the deposit bank: its signed notice feed, and manual entry of notices by operators.
 * The body is taken as bytes, because the signature and the replay check are over the exact bytes.
 */
@Path("/api/bank/notifications")
@Tag(name = "Bank")
@Consumes(MediaType.APPLICATION_JSON)
public class BankNoticeResource {

    @Inject
    BankNoticeService service;

    @Inject
    BankNoticeReader reader;

    @Inject
    BankConfig bank;

    @Inject
    CurrentActor actor;

    @POST
    @PermitAll
    @Operation(summary = "A booking on the escrow account, from the bank's feed; authenticated by the body's "
            + "HMAC-SHA256 signature, idempotent by transaction id")
    public NoticeResponse receive(
            @Parameter(description = "sha256= and the lowercase hex HMAC-SHA256 of the body under the shared secret",
                    required = true) @HeaderParam(NoticeSignature.HEADER) String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BankNoticeRequest.class))) byte[] body) throws IOException {
        if (!new NoticeSignature(bank.hmacSecret()).verify(body, signature)) {
            throw new ApiException(ErrorCode.NOT_AUTHENTICATED,
                    signature == null ? "bank.signature-missing" : "bank.signature-invalid");
        }
        return service.record(reader.read(body), body, NoticeSource.FEED, null);
    }

    @POST
    @Path("/manual")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A booking typed in by an operator from a bank statement; processed like the feed's")
    public NoticeResponse enter(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BankNoticeRequest.class))) byte[] body) throws IOException {
        String operator = actor.get().toString();
        return service.record(reader.read(body), body, NoticeSource.MANUAL, operator);
    }
}
