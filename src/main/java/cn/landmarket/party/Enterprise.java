package cn.landmarket.party;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A company that registers itself to bid, identified by its unified social credit code. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    @Id
    @Column(name = "credit_code")
    public String creditCode;

    public String name;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "contact_person")
    public String contactPerson;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String address;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "bank_name")
    public String bankName;

    @Column(name = "bank_account_name")
    public String bankAccountName;

    @Column(name = "bank_account_no")
    public String bankAccountNo;

    @Enumerated(EnumType.STRING)
    public EnterpriseStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    /** Barred from new registrations until then, after a default. */
    @Column(name = "barred_until")
    public Instant barredUntil;
}
