package cn.landmarket.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county-level division (区县) under which townships are registered; named by its 6-digit code. */
@Entity
@Table(name = "county")
public class County implements Organisation {

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

    @Override
    public OrganisationKind kind() {
        return OrganisationKind.COUNTY;
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
}
