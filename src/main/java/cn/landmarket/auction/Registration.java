package cn.landmarket.auction;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;
import cn.landmarket.escrow.RegistrationStatus;

/**
 * An enterprise's registration (报名) for one listing: its own virtual account for the deposit,
 * what has arrived, and its bidder number once qualified. The id is taken from registration_seq
 * before the row is built ({@link RegistrationRepository#nextId()}), because the virtual account
 * number is made from it; never add a generator here.
 */
@Entity
@Table(name = "registration")
public class Registration {

    /** First part of the type of this feature's audit entries ({@code registration.created}, ...). */
    private static final String ENTRY = "registration";

    @Id
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "enterprise_code")
    public String enterpriseCode;

    @Column(name = "virtual_account")
    public String virtualAccount;

    @Column(name = "deposit_fen")
    public long depositFen;

    /** The listing's registration deadline; follows it when a suspension moves it. */
    @Column(name = "deposit_deadline")
    public Instant depositDeadline;

    @Column(name = "deposit_received_fen")
    public long depositReceivedFen;

    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;

    @Column(name = "bidder_no")
    public String bidderNo;

    @Column(name = "qualified_at")
    public Instant qualifiedAt;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** The network address the registration came from, as the HTTP layer saw it. */
    @Column(name = "client_address")
    public String clientAddress;

    /** 16 random bytes that hide the enterprise in {@link #enterpriseCommitment()}; none for old rows. */
    @Column(name = "identity_salt")
    public byte[] identitySalt;

    /**
     * Lower-case hex SHA-256(identitySalt || UTF-8 credit code): binds the registration to its
     * enterprise in the public log without naming it; anyone given the salt can check it. Null
     * when the registration has no salt.
     */
    public String enterpriseCommitment() {
        return identitySalt == null ? null : Commitment.of(identitySalt, enterpriseCode);
    }

    /**
     * {@code registration.created}: listing, registration, the commitment to the enterprise (never its
     * code: the public must not learn who bids), the deposit and its deadline and account. The actor
     * is the role only, for the same reason.
     */
    public AuditEntry createdEntry() {
        Map<String, Object> facts = facts();
        facts.put("enterpriseCommitment", enterpriseCommitment());
        facts.put("virtualAccount", virtualAccount);
        facts.put("depositFen", depositFen);
        facts.put("depositDeadline", depositDeadline.toString());
        return new AuditEntry(ENTRY + ".created", registeredAt, "enterprise", facts);
    }

    /** {@code registration.deposit_counted}: a credit counted towards the deposit, which is not complete yet. */
    public AuditEntry depositCountedEntry(long countedFen, String transactionId, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("countedFen", countedFen);
        facts.put("depositReceivedFen", depositReceivedFen);
        facts.put("depositFen", depositFen);
        facts.put("transactionId", transactionId);
        return new AuditEntry(ENTRY + ".deposit_counted", at, actor, facts);
    }

    /** {@code registration.qualified}: the deposit is complete; the registration's bidder number. */
    public AuditEntry qualifiedEntry(long countedFen, String transactionId, String actor) {
        Map<String, Object> facts = facts();
        facts.put("bidderNo", bidderNo);
        facts.put("countedFen", countedFen);
        facts.put("depositReceivedFen", depositReceivedFen);
        facts.put("depositFen", depositFen);
        facts.put("transactionId", transactionId);
        return new AuditEntry(ENTRY + ".qualified", qualifiedAt, actor, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("registrationId", id);
        facts.put("status", status.name());
        return facts;
    }
}
