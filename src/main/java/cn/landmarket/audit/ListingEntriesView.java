package cn.landmarket.audit;

import java.util.List;

/**
 * Every log entry about one listing, each with its inclusion proof in the tree of {@code treeSize},
 * and the signed checkpoint of that tree, so the whole set can be checked offline.
 */
public record ListingEntriesView(long listingId, long treeSize, String checkpoint, List<InclusionView> entries) {
}
