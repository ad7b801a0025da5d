package cn.landmarket.audit;

/** One log entry: its index, its exact canonical JSON bytes (base64) and its leaf hash (base64). */
public record EntryView(long index, String entry, String leafHash) {
}
