package cn.landmarket.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One fact for the log: what kind of change ({@code listing.<status>}, {@code bid.accepted}),
 * when, by whom, and its details. Its canonical bytes are encoded once, on first use: the bidding
 * path needs them both for the receipt's leaf hash and for the insert.
 */
public final class AuditEntry {

    private final String type;
    private final Instant time;
    private final String actor;
    private final Map<String, ?> facts;
    private final List<Commitment> commitments;
    private byte[] bytes;

    public AuditEntry(String type, Instant time, String actor, Map<String, ?> facts) {
        this(type, time, actor, facts, List.of());
    }

    /**
     * An entry whose facts carry commitments ({@code <field>Commitment}) to facts that are not
     * public; {@link AuditLog#append} stores their openings with the entry.
     */
    public AuditEntry(String type, Instant time, String actor, Map<String, ?> facts, List<Commitment> commitments) {
        this.type = type;
        this.time = time;
        this.actor = actor;
        this.facts = facts;
        this.commitments = List.copyOf(commitments);
    }

    public String type() {
        return type;
    }

    public Instant time() {
        return time;
    }

    public String actor() {
        return actor;
    }

    public Map<String, ?> facts() {
        return facts;
    }

    /** The commitments this entry's facts carry, with their openings (salt and value). */
    public List<Commitment> commitments() {
        return commitments;
    }

    /** A listing moved to {@code status}: type {@code listing.<status in lower case>}. */
    public static AuditEntry listingStatus(String status, Instant time, String actor, Map<String, ?> facts) {
        return listingStatus(status, time, actor, facts, List.of());
    }

    /** A listing moved to {@code status}, with commitments to facts that are not public. */
    public static AuditEntry listingStatus(String status, Instant time, String actor, Map<String, ?> facts,
            List<Commitment> commitments) {
        return new AuditEntry("listing." + status.toLowerCase(java.util.Locale.ROOT), time, actor, facts, commitments);
    }

    /** A bid was accepted: type {@code bid.accepted}. */
    public static AuditEntry bidAccepted(Instant time, String actor, Map<String, ?> facts) {
        return new AuditEntry("bid.accepted", time, actor, facts);
    }

    /** The listing the entry concerns ({@code facts.listingId}), or null. */
    public Long listingId() {
        return facts.get("listingId") instanceof Number n ? n.longValue() : null;
    }

    /** The entry's RFC 9162 leaf hash, SHA-256(0x00 ‖ bytes). */
    public byte[] leafHash() {
        return MerkleTree.leafHash(bytes());
    }

    /** The canonical JSON bytes that are hashed into the log: {@code {"actor","facts","time","type"}}; not to be modified. */
    public byte[] bytes() {
        if (bytes == null) {
            bytes = encode();
        }
        return bytes;
    }

    private byte[] encode() {
        return CanonicalJson.encode(Map.of("type", type, "time", time.truncatedTo(ChronoUnit.MICROS).toString(),
                "actor", actor == null ? "system" : actor, "facts", facts));
    }
}
