package cn.landmarket.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** One fact for the log: what kind of change, when, by whom, and its details. */
public record AuditEntry(String type, Instant time, String actor, Map<String, ?> facts) {

    /** The canonical JSON bytes that are hashed into the log: {@code {"actor","facts","time","type"}}. */
    public byte[] bytes() {
        return CanonicalJson.encode(Map.of("type", type, "time", time.truncatedTo(ChronoUnit.MICROS).toString(),
                "actor", actor == null ? "system" : actor, "facts", facts));
    }
}
