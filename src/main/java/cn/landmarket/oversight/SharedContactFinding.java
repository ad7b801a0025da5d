package cn.landmarket.oversight;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Different enterprises among the bidders that name the same contact person, contact phone or legal
 * representative: on one listing ({@code across} LISTING, with its id) or on any listings of the
 * region searched ({@code across} REGION). The value appears only as a token ({@link SignalToken}),
 * bidders by listing, registration and bidder number; who they are is shown only by the identities
 * endpoint, with a reason.
 */
public record SharedContactFinding(Across across, Attribute attribute, String valueToken, Long listingId,
        int enterprises, List<Bidder> bidders) {

    /** One page of findings. */
    @Schema(name = "SharedContactFindingPage")
    public record Page(List<SharedContactFinding> items, int page, int size, long total) {
    }

    /** Which bidders are compared with each other. */
    @Schema(name = "ContactComparison")
    public enum Across {
        /** The bidders of one listing. */
        LISTING,
        /** The bidders of every listing searched. */
        REGION
    }

    /** What they share. */
    @Schema(name = "ContactAttribute")
    public enum Attribute {
        CONTACT_PERSON, CONTACT_PHONE, LEGAL_REPRESENTATIVE
    }

    /** One registration of an enterprise that shares the value. */
    @Schema(name = "ContactBidder")
    public record Bidder(long listingId, long registrationId, String bidderNo) {
    }

    /** The columns of the CSV export: one row per bidder. */
    static final List<Csv.Column<EvidenceRow<SharedContactFinding, Bidder>>> CSV = List.of(
            Csv.column("across", r -> r.finding().across()),
            Csv.column("attribute", r -> r.finding().attribute()),
            Csv.column("valueToken", r -> r.finding().valueToken()),
            Csv.column("enterprises", r -> r.finding().enterprises()),
            Csv.column("listingId", r -> r.item().listingId()),
            Csv.column("registrationId", r -> r.item().registrationId()),
            Csv.column("bidderNo", r -> r.item().bidderNo()));
}
