package cn.landmarket.party;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A township or county land office that holds indicators and parcels and lists lots. */
@Entity
@Table(name = "township")
public class Township implements Organisation {

    @Id
    public String code;

    public String name;

    /** The first six digits of the code: the registered county it belongs to. */
    @Column(name = "county_code")
    public String countyCode;

    /** The county of {@link #countyCode}, read only (its name is the county's, kept once). */
    @ManyToOne
    @JoinColumn(name = "county_code", insertable = false, updatable = false)
    public County county;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When an operator deactivated it; null while it is active. */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Override
    public OrganisationKind kind() {
        return OrganisationKind.TOWNSHIP;
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
        facts.put("countyCode", countyCode);
        return facts;
    }
}
