package cn.landmarket.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A natural-resources bureau; its code is the division code of its jurisdiction. */
@Entity
@Table(name = "regulator")
public class Regulator {

    @Id
    public String code;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The prefix every region code of this regulator's jurisdiction starts with. */
    public String jurisdictionPrefix() {
        return DivisionCode.jurisdictionPrefix(code);
    }

    /** Whether a region (6-digit division or 9-digit township code) lies in this regulator's jurisdiction. */
    public boolean covers(String regionCode) {
        return DivisionCode.covers(code, regionCode);
    }
}
