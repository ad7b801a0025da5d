package cn.landmarket.audit;

import java.time.OffsetDateTime;

/** One signed tree head of the log's history. */
public record CheckpointView(long treeSize, String rootHash, String note, OffsetDateTime createdAt) {
}
