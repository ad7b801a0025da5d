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
}
