package cn.landmarket.audit;

import java.util.List;

/** An entry with the RFC 9162 inclusion proof (base64 hashes) of its leaf in the tree of {@code treeSize}. */
public record InclusionView(long index, long treeSize, String entry, String leafHash, List<String> proof) {
}
