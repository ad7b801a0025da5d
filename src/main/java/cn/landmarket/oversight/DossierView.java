package cn.landmarket.oversight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.InclusionView;
import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.auction.BidView;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageView;
import cn.landmarket.listing.ListingHistoryView;
import cn.landmarket.listing.ListingView;
import cn.landmarket.settlement.TradeView;
import cn.landmarket.escrow.RefundView;

/**
 * Everything about one listing for its regulator: the listing, its status history, registrations
 * and bids by bidder number, the trade, refunds (by bidder number, the payee's account masked), and
 * the audit log entries about it with their inclusion proofs against the signed checkpoint included
 * ({@code auditLog}; null before the log's first checkpoint). Bids and log entries are bounded: their
 * first page of {@link cn.landmarket.common.PageRequest#MAX_SIZE}, with the total; the rest is read
 * page by page from {@code /api/listings/{id}/bids} and {@code /api/audit/listings/{id}/entries}.
 * {@code pendingAuditEntries} counts entries written but not yet in the tree
 * (they are added within about a second).
 */
public record DossierView(ListingView listing, List<ListingHistoryView> history,
        List<RegistrationView> registrations, PageView<BidView> bids, TradeView trade, List<RefundView> refunds,
        ListingEntriesView auditLog, long pendingAuditEntries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the dossier's CSV export: which part it comes from, when, what, and the details. */
    record Line(String part, String at, String what, String bidderNo, Money amount, String detail) {
    }

    /** The columns of the CSV export: one line per status change, registration, bid, trade, refund and log entry. */
    static final List<Csv.Column<Line>> CSV = List.of(
            Csv.column("part", Line::part),
            Csv.column("at", Line::at),
            Csv.column("what", Line::what),
            Csv.column("bidderNo", Line::bidderNo),
            Csv.column("amount", Line::amount),
            Csv.column("detail", Line::detail));

    /** The dossier as lines, part by part in the order of the JSON document. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (ListingHistoryView h : history) {
            lines.add(new Line("history", text(h.at()), String.valueOf(h.to()), null, null,
                    "from " + h.from() + " by " + h.actor() + (h.reason() == null ? "" : ": " + h.reason())));
        }
        for (RegistrationView r : registrations) {
            lines.add(new Line("registration", text(r.registeredAt()), r.status().name(), r.bidderNo(),
                    r.depositReceived(), "registration " + r.id()));
        }
        for (BidView b : bids.items()) {
            lines.add(new Line("bid", text(b.acceptedAt()), "bid " + b.sequence() + " (" + b.phase() + ")",
                    b.bidderNo(), b.amount(), "bid " + b.bidId()));
        }
        if (trade != null) {
            lines.add(new Line("trade", null, trade.status().name(), null, trade.price(),
                    "trade " + trade.id() + ", buyer " + trade.buyerCode() + ", paid " + trade.paid().toYuan()));
        }
        for (RefundView r : refunds) {
            lines.add(new Line("refund", text(r.createdAt()), r.reason().name(), r.bidderNo(), r.amount(),
                    "refund " + r.id() + (r.open() ? ", open, due " + text(r.dueBy()) : ", paid " + text(r.confirmedAt()))));
        }
        if (auditLog != null) {
            for (InclusionView e : auditLog.entries()) {
                JsonNode entry = entry(e.entry());
                lines.add(new Line("audit", entry.path("time").asText(), entry.path("type").asText(), null, null,
                        "index " + e.index() + " of " + e.treeSize() + ", leaf " + e.leafHash() + ", by "
                                + entry.path("actor").asText()));
            }
        }
        return lines;
    }

    private static JsonNode entry(String base64) {
        try {
            return JSON.readTree(Base64.getDecoder().decode(base64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object at) {
        return at == null ? null : at.toString();
    }
}
