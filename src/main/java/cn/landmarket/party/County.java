package cn.landmarket.party;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A county-level division (区县) under which townships are registered; named by its 6-digit code. */
@Entity
@Table(name = "county")
public class County extends Organisation {

    @Override
    public OrganisationKind kind() {
        return OrganisationKind.COUNTY;
    }
}
