package cn.landmarket.oversight;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Different bidders on one listing that registered or bid from the same client address: a token of
 * the address ({@link SignalToken}), how many bidders used it and each registration or bid made from it.
 */
public record ClientAddressFinding(long listingId, String clientAddressToken, int bidders, List<Event> events) {

    /** One page of findings. */
    @Schema(name = "ClientAddressFindingPage")
    public record Page(List<ClientAddressFinding> items, int page, int size, long total) {
    }

    /** What came from the address. */
    @Schema(name = "ClientAddressEventKind")
    public enum Kind {
        REGISTRATION, BID
    }

    /** A registration or bid made from the address; {@code bidSequence} for bids only. */
    @Schema(name = "ClientAddressEvent")
    public record Event(Kind kind, long registrationId, String bidderNo, OffsetDateTime at, Integer bidSequence) {
    }

    /** The columns of the CSV export: one row per registration or bid. */
    static final List<Csv.Column<EvidenceRow<ClientAddressFinding, Event>>> CSV = List.of(
            Csv.column("listingId", r -> r.finding().listingId()),
            Csv.column("clientAddressToken", r -> r.finding().clientAddressToken()),
            Csv.column("bidders", r -> r.finding().bidders()),
            Csv.column("kind", r -> r.item().kind()),
            Csv.column("registrationId", r -> r.item().registrationId()),
            Csv.column("bidderNo", r -> r.item().bidderNo()),
            Csv.column("at", r -> r.item().at()),
            Csv.column("bidSequence", r -> r.item().bidSequence()));
}
