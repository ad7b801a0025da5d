package cn.landmarket.party;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.landmarket.audit.AuditEntry;

/**
 * What counties, townships and regulators share: a division code, a name, and whether they are
 * active. A deactivated organisation keeps its row, so everything that names it stays readable
 * (domain.md, "Organisations").
 */
public interface Organisation {

    OrganisationKind kind();

    String code();

    String name();

    /** When it was deactivated; null while it is active. */
    Instant deactivatedAt();

    default boolean active() {
        return deactivatedAt() == null;
    }

    void rename(String newName, Instant at);

    void deactivate(Instant at);

    void reactivate(Instant at);

    /** The public facts every audit entry about it carries: its code and name, and what its kind adds. */
    default Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", code());
        facts.put("name", name());
        return facts;
    }

    /**
     * {@code <kind>.<change>} ({@code county.registered}, {@code township.renamed},
     * {@code regulator.deactivated}, ...): its facts and the change's own.
     */
    default AuditEntry entry(String change, Map<String, Object> more, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.putAll(more);
        return new AuditEntry(kind().entryPrefix() + "." + change, at, actor, facts);
    }
}
