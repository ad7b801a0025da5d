package cn.landmarket.document;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/**
 * The documents as PDF files (README, "Documents (PDF)"), each for those who may read it through
 * the API: the announcement and the result for anyone, the confirmation for its parties,
 * regulators of its region and operators, the deposit receipt for the enterprise it is made out to,
 * a refund's for that enterprise, operators and regulators of the listing's region.
 */
@Path("/api/documents")
@Tag(name = "Documents")
@Produces(DocumentResource.PDF)
public class DocumentResource {

    static final String PDF = "application/pdf";

    @Inject
    DocumentService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/announcements/{id}.pdf")
    @PermitAll
    @Operation(summary = "挂牌公告 with 竞买须知 of an announced listing, as a PDF (404 before its announcement)")
    @APIResponse(responseCode = "200", description = "The PDF (PDF/A-2u)",
            content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response announcement(@PathParam("id") long listingId) {
        return pdf(service.announcement(listingId));
    }

    @GET
    @Path("/results/{id}.pdf")
    @PermitAll
    @Operation(summary = "成交结果公示 of a closed listing, as a PDF with its log proof attached (404 until it closes)")
    @APIResponse(responseCode = "200", description = "The PDF (PDF/A-3u) with proof.json attached",
            content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response result(@PathParam("id") long listingId) {
        return pdf(service.result(listingId));
    }

    @GET
    @Path("/confirmations/{id}.pdf")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "成交确认书 of a trade, as a PDF with its text and log proof attached, for those who may read the trade",
            description = "The confirmation text is printed and attached (confirmation.txt) exactly as GET /api/trades/{id}"
                    + " gives it: the text whose SHA-256 the parties accept. 404 for anyone the trade API refuses.")
    @APIResponse(responseCode = "200", description = "The PDF (PDF/A-3u) with proof.json and confirmation.txt attached",
            content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response confirmation(@PathParam("id") long tradeId) {
        return pdf(service.confirmation(actor.get(), tradeId));
    }

    @GET
    @Path("/deposit-receipts/{id}.pdf")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "竞买保证金收款凭证: the calling enterprise's deposit receipt for a listing (409 before money arrived)")
    @APIResponse(responseCode = "200", description = "The PDF (PDF/A-2u)",
            content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response depositReceipt(@PathParam("id") long listingId) {
        return pdf(service.depositReceipt(actor.get(), listingId));
    }

    @GET
    @Path("/refund-receipts/{id}.pdf")
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.OPERATOR_GROUP, Role.REGULATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "退款凭证 (paid) or 退款通知 (owed): for the enterprise it is owed to, operators, and regulators of the listing's region",
            description = "Operators and regulators see the payee as listing and bidder number only, as GET /api/refunds shows it."
                    + " 404 for another enterprise's refund, one outside the regulator's region or an unknown one.")
    @APIResponse(responseCode = "200", description = "The PDF (PDF/A-2u)",
            content = @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response refundReceipt(@PathParam("id") long refundId) {
        return pdf(service.refundReceipt(actor.get(), refundId));
    }

    private static Response pdf(DocumentService.Pdf pdf) {
        return Response.ok(pdf.content(), PDF)
                .header("Content-Disposition", "inline; filename=\"" + pdf.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
