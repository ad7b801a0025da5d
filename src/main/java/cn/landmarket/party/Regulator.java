package cn.landmarket.party;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A natural-resources bureau; its code is the 6-digit division code of its jurisdiction, whose
 * 2-, 4- or 6-digit prefix is the jurisdiction itself (domain.md, "Organisations").
 */
@Entity
@Table(name = "regulator")
public class Regulator implements Organisation {

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

    /** The prefix every region code of this regulator's jurisdiction starts with. */
    public String jurisdictionPrefix() {
        return DivisionCode.jurisdictionPrefix(code);
    }

    /** Whether a region (6-digit division or 9-digit township code) lies in this regulator's jurisdiction. */
    public boolean covers(String regionCode) {
        return DivisionCode.covers(code, regionCode);
    }

    @Override
    public OrganisationKind kind() {
        return OrganisationKind.REGULATOR;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    @Override
    public void rename(String newName, Instant at) {
        name = newName;
        updatedAt = at;
    }

    @Override
    public void deactivate(Instant at) {
        deactivatedAt = at;
        updatedAt = at;
    }

    @Override
    public void reactivate(Instant at) {
        deactivatedAt = null;
        updatedAt = at;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = Organisation.super.facts();
        facts.put("jurisdiction", DivisionCode.isDivision(code) ? jurisdictionPrefix() : null);
        return facts;
    }
}
