package cn.landmarket.auction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;

/**
 * The rule for showing a regulator who is behind bidder numbers: only with a stated reason, and
 * every such reveal is itself an audit log entry {@code identity.revealed} (who, when, why, which
 * listing, which bidder numbers) written in the transaction that reads the identities. The reason
 * may name the bidder (a complaint against an enterprise), so the public entry carries only
 * {@code reasonCommitment}; regulators of the listing's region open it ({@link Commitment#REVEAL}).
 */
public final class IdentityReveal {

    /** The audit entry type of a reveal. */
    public static final String TYPE = "identity.revealed";

    /** Longest reason accepted, in characters. */
    public static final int REASON_MAX = 200;

    private IdentityReveal() {
    }

    /**
     * The reason a regulator gave, stripped, when it gave one. Raises 400 when the parameter is
     * present but blank or longer than {@link #REASON_MAX}.
     */
    public static Optional<String> reason(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(require(raw));
    }

    /** The reason, stripped; raises 400 when it is missing, blank or longer than {@link #REASON_MAX}. */
    public static String require(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalid("reason", MessageKey.REVEAL_REASON_REQUIRED);
        }
        String reason = raw.strip();
        if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
            throw ApiException.invalid("reason", MessageKey.REVEAL_REASON_TOO_LONG, REASON_MAX);
        }
        return reason;
    }

    /**
     * The log entry of one reveal: the reason goes in as a commitment ({@code reasonCommitment}).
     *
     * @param view what showed the identities: {@code identities}, {@code registrations} or {@code bids}
     * @param bidderNos the bidder numbers whose enterprises were shown
     * @param registrationIds the registrations whose enterprises were shown (also those without a number yet)
     */
    public static AuditEntry entry(Actor regulator, Instant at, long listingId, String reason, String view,
            List<String> bidderNos, List<Long> registrationIds) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("listingId", listingId);
        Commitment why = Commitment.seal(Commitment.REVEAL, listingId, "reason", reason).into(facts);
        facts.put("view", view);
        facts.put("bidderNos", List.copyOf(bidderNos));
        facts.put("registrationIds", List.copyOf(registrationIds));
        return new AuditEntry(TYPE, at, regulator.toString(), facts, List.of(why));
    }
}
