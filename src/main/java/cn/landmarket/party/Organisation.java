package cn.landmarket.party;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import cn.landmarket.audit.AuditEntry;

/**
 * What counties, townships and regulators share: a division code, a name, and whether they are
 * active, in the same columns of each one's table. A deactivated organisation keeps its row, so
 * everything that names it stays readable (domain.md, "Organisations").
 */
@MappedSuperclass
public abstract class Organisation {

    @Id
    public String code;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When an operator deactivated it; null while it is active. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    public abstract OrganisationKind kind();

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** When it was deactivated; null while it is active. */
    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public boolean active() {
        return deactivatedAt == null;
    }

    public void rename(String newName, Instant at) {
        name = newName;
        updatedAt = at;
    }

    public void deactivate(Instant at) {
        deactivatedAt = at;
        updatedAt = at;
    }

    public void reactivate(Instant at) {
        deactivatedAt = null;
        updatedAt = at;
    }

    /** The public facts every audit entry about it carries: its code and name, and what its kind adds. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("code", code);
        facts.put("name", name);
        return facts;
    }

    /**
     * {@code <kind>.<change>} ({@code county.registered}, {@code township.renamed},
     * {@code regulator.deactivated}, ...): its facts and the change's own.
     */
    public AuditEntry entry(String change, Map<String, Object> more, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.putAll(more);
        return new AuditEntry(kind().entryPrefix() + "." + change, at, actor, facts);
    }
}
