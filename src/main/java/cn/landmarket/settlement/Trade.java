package cn.landmarket.settlement;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.landmarket.audit.AuditEntry;

/**
 * The sale of one listing's lot to its winning bidder, or, after the winner's default, the offer of
 * it to the runner-up at the runner-up's own price ({@code runnerUpOf}): price, deposit credited, what has been paid,
 * the confirmation both sides sign and the deadlines. The money itself is in the ledger. The id is
 * taken from trade_seq before the row is built, because the trade's virtual account is made from it.
 */
@Entity
@Table(name = "trade")
public class Trade {

    /** First part of the type of this feature's audit entries ({@code trade.created}, ...). */
    private static final String ENTRY = "trade";

    @Id
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "seller_code")
    public String sellerCode;

    @Column(name = "buyer_code")
    public String buyerCode;

    @Column(name = "certificate_id")
    public long certificateId;

    @Column(name = "lot_area_m2")
    public long lotAreaM2;

    @Column(name = "lot_paddy_area_m2")
    public Long lotPaddyAreaM2;

    @Column(name = "lot_grain_capacity_kg")
    public Long lotGrainCapacityKg;

    @Column(name = "price_fen")
    public long priceFen;

    @Column(name = "deposit_fen")
    public long depositFen;

    @Column(name = "paid_fen")
    public long paidFen;

    @Column(name = "virtual_account")
    public String virtualAccount;

    @Column(name = "confirmation_text")
    public String confirmationText;

    @Column(name = "confirmation_sha256")
    public String confirmationSha256;

    @Column(name = "confirm_deadline")
    public Instant confirmDeadline;

    @Column(name = "seller_confirmed_at")
    public Instant sellerConfirmedAt;

    @Column(name = "buyer_confirmed_at")
    public Instant buyerConfirmedAt;

    @Column(name = "first_due_fen")
    public Long firstDueFen;

    @Column(name = "first_due_at")
    public Instant firstDueAt;

    @Column(name = "balance_due_at")
    public Instant balanceDueAt;

    @Enumerated(EnumType.STRING)
    public TradeStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "child_certificate_id")
    public Long childCertificateId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    @Column(name = "defaulted_at")
    public Instant defaultedAt;

    /** For a runner-up's trade, the defaulted winner's trade it replaces; null for the winner's own. */
    @Column(name = "runner_up_of")
    public Long runnerUpOf;

    @Column(name = "declined_at")
    public Instant declinedAt;

    /** Since when an upheld objection suspends the settlement; null when it runs. */
    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Version
    public long version;

    /** What the buyer still owes: price less deposit credited and payments received. */
    public long outstandingFen() {
        return priceFen - depositFen - paidFen;
    }

    public boolean confirmedByBoth() {
        return sellerConfirmedAt != null && buyerConfirmedAt != null;
    }

    public boolean acceptsPayment() {
        return isOpen() && !isSuspended();
    }

    /** Awaiting confirmation or payment: neither settled nor defaulted. */
    public boolean isOpen() {
        return status == TradeStatus.AWAITING_CONFIRMATION || status == TradeStatus.AWAITING_PAYMENT;
    }

    /** Whether an upheld objection suspends the settlement now. */
    public boolean isSuspended() {
        return suspendedAt != null;
    }

    /**
     * {@code trade.created}: seller and buyer (named: the sale is over), lot, price and deposit
     * credited in fen, the payment account, the confirmation deadline and the SHA-256 of the
     * confirmation text both parties sign; for a runner-up's trade, the winner's trade it replaces.
     */
    public AuditEntry createdEntry(String actor) {
        Map<String, Object> facts = facts();
        facts.put("registrationId", registrationId);
        facts.put("sellerCode", sellerCode);
        facts.put("buyerCode", buyerCode);
        facts.put("certificateId", certificateId);
        facts.put("lotAreaM2", lotAreaM2);
        facts.put("lotPaddyAreaM2", lotPaddyAreaM2);
        facts.put("lotGrainCapacityKg", lotGrainCapacityKg);
        facts.put("priceFen", priceFen);
        facts.put("depositFen", depositFen);
        facts.put("virtualAccount", virtualAccount);
        facts.put("confirmDeadline", confirmDeadline.toString());
        facts.put("confirmationSha256", confirmationSha256);
        if (runnerUpOf != null) {
            facts.put("runnerUpOf", runnerUpOf);
        }
        return new AuditEntry(ENTRY + ".created", createdAt, actor, facts);
    }

    /** {@code trade.confirmed}: one party (SELLER or BUYER) accepted the confirmation text of this hash. */
    public AuditEntry confirmedEntry(String party, String partyCode, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("party", party);
        facts.put("partyCode", partyCode);
        facts.put("confirmationSha256", confirmationSha256);
        return new AuditEntry(ENTRY + ".confirmed", at, actor, facts);
    }

    /** {@code trade.awaiting_payment}: both signed; what is due when. */
    public AuditEntry awaitingPaymentEntry(Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("firstDueFen", firstDueFen);
        facts.put("firstDueAt", firstDueAt == null ? null : firstDueAt.toString());
        facts.put("balanceDueAt", balanceDueAt == null ? null : balanceDueAt.toString());
        facts.put("outstandingFen", outstandingFen());
        return new AuditEntry(ENTRY + ".awaiting_payment", at, actor, facts);
    }

    /** {@code trade.payment}: a payment counted towards the price; what has been paid and what is still owed. */
    public AuditEntry paymentEntry(String transactionId, long appliedFen, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("transactionId", transactionId);
        facts.put("appliedFen", appliedFen);
        facts.put("paidFen", paidFen);
        facts.put("outstandingFen", outstandingFen());
        return new AuditEntry(ENTRY + ".payment", at, actor, facts);
    }

    /** {@code trade.settled}: paid in full; the buyer's child certificate and the proceeds by party in fen. */
    public AuditEntry settledEntry(long farmersFen, long collectiveFen, long townshipFen, String actor) {
        Map<String, Object> facts = facts();
        facts.put("priceFen", priceFen);
        facts.put("depositFen", depositFen);
        facts.put("paidFen", paidFen);
        facts.put("childCertificateId", childCertificateId);
        facts.put("proceedsFen", Map.of("FARMERS", farmersFen, "COLLECTIVE", collectiveFen, "TOWNSHIP", townshipFen));
        return new AuditEntry(ENTRY + ".settled", settledAt, actor, facts);
    }

    /** {@code trade.defaulted}: why, the deposit forfeited and the payments owed back (by refund). */
    public AuditEntry defaultedEntry(long forfeitedFen, Long paymentsRefundId, String actor) {
        Map<String, Object> facts = facts();
        facts.put("reason", statusReason);
        facts.put("buyerCode", buyerCode);
        facts.put("registrationId", registrationId);
        facts.put("forfeitedFen", forfeitedFen);
        facts.put("paidFen", paidFen);
        facts.put("paymentsRefundId", paymentsRefundId);
        return new AuditEntry(ENTRY + ".defaulted", defaultedAt, actor, facts);
    }

    /** {@code trade.declined}: the runner-up turned the offer down; its deposit and payments are owed back. */
    public AuditEntry declinedEntry(Long paymentsRefundId, String actor) {
        Map<String, Object> facts = facts();
        facts.put("reason", statusReason);
        facts.put("buyerCode", buyerCode);
        facts.put("registrationId", registrationId);
        facts.put("runnerUpOf", runnerUpOf);
        facts.put("paidFen", paidFen);
        facts.put("paymentsRefundId", paymentsRefundId);
        return new AuditEntry(ENTRY + ".declined", declinedAt, actor, facts);
    }

    /** {@code trade.suspended}: an upheld objection stops the settlement; its deadlines stop running. */
    public AuditEntry suspendedEntry(long objectionId, String actor) {
        Map<String, Object> facts = facts();
        facts.put("objectionId", objectionId);
        facts.put("suspendedAt", suspendedAt.toString());
        return new AuditEntry(ENTRY + ".suspended", suspendedAt, actor, facts);
    }

    /**
     * {@code trade.resumed}: the suspension is lifted; how long it lasted and the deadlines, each
     * moved later by that time when it was still ahead at the suspension.
     */
    public AuditEntry resumedEntry(long objectionId, long pausedSeconds, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("objectionId", objectionId);
        facts.put("pausedSeconds", pausedSeconds);
        facts.put("confirmDeadline", confirmDeadline.toString());
        facts.put("firstDueAt", firstDueAt == null ? null : firstDueAt.toString());
        facts.put("balanceDueAt", balanceDueAt == null ? null : balanceDueAt.toString());
        return new AuditEntry(ENTRY + ".resumed", at, actor, facts);
    }

    /** {@code deposit.forfeited}: the defaulting buyer's deposit goes to the forfeited account. */
    public AuditEntry depositForfeitedEntry(long amountFen, String actor) {
        Map<String, Object> facts = facts();
        facts.put("registrationId", registrationId);
        facts.put("enterpriseCode", buyerCode);
        facts.put("amountFen", amountFen);
        facts.put("reason", statusReason);
        return new AuditEntry("deposit.forfeited", defaultedAt, actor, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("tradeId", id);
        facts.put("listingId", listingId);
        facts.put("status", status.name());
        return facts;
    }
}
