package cn.landmarket.audit;

import java.util.List;

/** The RFC 9162 consistency proof (base64 hashes) between two tree sizes. */
public record ConsistencyView(long from, long to, List<String> proof) {
}
