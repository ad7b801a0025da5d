package cn.landmarket.party;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A natural-resources bureau; its code is the 6-digit division code of its jurisdiction, whose
 * 2-, 4- or 6-digit prefix is the jurisdiction itself (domain.md, "Organisations").
 */
@Entity
@Table(name = "regulator")
public class Regulator extends Organisation {

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
    public Map<String, Object> facts() {
        Map<String, Object> facts = super.facts();
        facts.put("jurisdiction", DivisionCode.isDivision(code) ? jurisdictionPrefix() : null);
        return facts;
    }
}
