package cn.landmarket.party;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A township or county land office that holds indicators and parcels and lists lots. */
@Entity
@Table(name = "township")
public class Township extends Organisation {

    /** The first six digits of the code: the registered county it belongs to. */
    @Column(name = "county_code")
    public String countyCode;

    /** The county of {@link #countyCode}, read only (its name is the county's, kept once). */
    @ManyToOne
    @JoinColumn(name = "county_code", insertable = false, updatable = false)
    public County county;

    @Override
    public OrganisationKind kind() {
        return OrganisationKind.TOWNSHIP;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = super.facts();
        facts.put("countyCode", countyCode);
        return facts;
    }
}
