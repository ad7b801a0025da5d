package cn.landmarket.audit;

import java.util.List;

/**
 * One page of the log entries about one listing, in log order, each with its inclusion proof in
 * the tree of {@code treeSize}, and the signed checkpoint of that tree, so the page can be checked
 * offline. {@code total} counts the listing's entries in that tree; the next page is {@code page + 1}
 * (ask for it with the same {@code treeSize} to stay on one checkpoint).
 */
public record ListingEntriesView(long listingId, long treeSize, String checkpoint, List<InclusionView> entries,
        int page, int size, long total) {
}
