package cn.landmarket.oversight;

import java.util.List;

import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.auction.BidView;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.bank.RefundView;
import cn.landmarket.listing.ListingHistoryView;
import cn.landmarket.listing.ListingView;
import cn.landmarket.settlement.TradeView;

/**
 * Everything about one listing for its regulator: the listing, its status history, registrations
 * and bids by bidder number, the trade, refunds, and every audit log entry about it with its
 * inclusion proof against the signed checkpoint included ({@code auditLog}; null before the log's
 * first checkpoint). {@code pendingAuditEntries} counts entries written but not yet in the tree
 * (they are added within about a second).
 */
public record DossierView(ListingView listing, List<ListingHistoryView> history,
        List<RegistrationView> registrations, List<BidView> bids, TradeView trade, List<RefundView> refunds,
        ListingEntriesView auditLog, long pendingAuditEntries) {
}
