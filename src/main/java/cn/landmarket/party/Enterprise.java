package cn.landmarket.party;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/** A company that registers itself to bid, identified by its unified social credit code. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    /** First part of the type of this feature's audit entries ({@code enterprise.registered}, ...). */
    private static final String ENTRY = "enterprise";

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

    /**
     * {@code enterprise.registered}: the credit code, name and region, and whether it re-submits a
     * rejected registration. People's names, contact details and the bank account stay out.
     */
    public AuditEntry registeredEntry(boolean resubmitted, String actor) {
        Map<String, Object> facts = facts();
        facts.put("name", name);
        facts.put("regionCode", regionCode);
        facts.put("resubmitted", resubmitted);
        return new AuditEntry(ENTRY + ".registered", registeredAt, actor, facts);
    }

    /**
     * {@code enterprise.verified} or {@code enterprise.rejected}: the operator's review. The reason of
     * a rejection, which the API shows only to the enterprise, operators and regulators, goes in as
     * {@code reasonCommitment} ({@link Commitment#ENTERPRISE}).
     */
    public AuditEntry reviewedEntry() {
        Map<String, Object> facts = facts();
        facts.put("reason", null);
        String type = ENTRY + "." + status.name().toLowerCase(Locale.ROOT);
        if (statusReason == null) {
            return new AuditEntry(type, reviewedAt, reviewedBy, facts);
        }
        Commitment reason = Commitment.seal(Commitment.ENTERPRISE, creditCode, "reason", statusReason).into(facts);
        return new AuditEntry(type, reviewedAt, reviewedBy, facts, List.of(reason));
    }

    /** {@code enterprise.barred}: barred from registering until {@link #barredUntil}, because of a default. */
    public AuditEntry barredEntry(Long listingId, Long tradeId, String reason, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("barredUntil", barredUntil.toString());
        facts.put("reason", reason);
        facts.put("listingId", listingId);
        facts.put("tradeId", tradeId);
        return new AuditEntry(ENTRY + ".barred", at, actor, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("enterpriseCode", creditCode);
        facts.put("status", status.name());
        return facts;
    }
}
