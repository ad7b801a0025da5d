package cn.landmarket.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A township or county land office that holds indicators and parcels and lists lots. */
@Entity
@Table(name = "township")
public class Township {

    @Id
    public String code;

    public String name;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "county_name")
    public String countyName;

    @Column(name = "created_at")
    public Instant createdAt;
}
