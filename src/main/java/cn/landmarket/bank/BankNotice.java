package cn.landmarket.bank;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.landmarket.audit.AuditEntry;

/**
 * A booking on the escrow account, kept once per bank transaction id together with the hash of
 * the body it came in and the answer given, so that a replay is answered the same and counted
 * never. A notice typed in by an operator becomes one only when a second operator approves it
 * ({@link ManualNotice}).
 */
@Entity
@Table(name = "bank_notice")
public class BankNotice {

    @Id
    @Column(name = "transaction_id")
    public String transactionId;

    @Column(name = "body_sha256")
    public String bodySha256;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    public String account;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "counterparty_name")
    public String counterpartyName;

    @Column(name = "counterparty_account")
    public String counterpartyAccount;

    @Column(name = "booked_at")
    public Instant bookedAt;

    public String reference;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public NoticeSource source;

    @Column(name = "entered_by")
    public String enteredBy;

    /** For a manual notice entered since maker-checker: the second operator, who made it effective. */
    @Column(name = "approved_by")
    public String approvedBy;

    /** For a manual notice entered since maker-checker: the entry it was approved from. */
    @Column(name = "manual_notice_id")
    public Long manualNoticeId;

    /** For a {@link NoticeOutcome#DUPLICATE} or {@link NoticeOutcome#MISMATCH}: the counted notice it matched. */
    @Column(name = "matched_transaction_id")
    public String matchedTransactionId;

    @Column(name = "registration_id")
    public Long registrationId;

    @Enumerated(EnumType.STRING)
    public NoticeOutcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    public NoticeResponse response;

    static BankNotice of(BankNoticeRequest request, String bodySha256, Instant receivedAt, NoticeSource source,
            String enteredBy) {
        BankNotice n = new BankNotice();
        n.transactionId = request.transactionId();
        n.bodySha256 = bodySha256;
        n.kind = request.kind();
        n.account = request.account().strip();
        n.amountFen = request.amount().fen();
        n.counterpartyName = request.counterpartyName().strip();
        n.counterpartyAccount = request.counterpartyAccount().strip();
        n.bookedAt = request.bookedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        n.reference = request.reference() == null || request.reference().isBlank() ? null : request.reference().strip();
        n.receivedAt = receivedAt;
        n.source = source;
        n.enteredBy = enteredBy;
        return n;
    }

    /**
     * Whether a request reports the same booking: every fact equal, however the body was written.
     * Times are kept to the microsecond, as the database keeps them.
     */
    boolean sameBookingAs(BankNoticeRequest request) {
        BankNotice other = of(request, bodySha256, receivedAt, source, enteredBy);
        return kind == other.kind && account.equals(other.account) && amountFen == other.amountFen
                && counterpartyName.equals(other.counterpartyName)
                && counterpartyAccount.equals(other.counterpartyAccount) && bookedAt.equals(other.bookedAt)
                && Objects.equals(reference, other.reference);
    }

    /**
     * Who made the notice effective: the bank's feed, or for a manual notice the operator who
     * approved it (before maker-checker: the one who typed it in).
     */
    String actor() {
        return source == NoticeSource.FEED ? "system:bank-feed" : approvedBy != null ? approvedBy : enteredBy;
    }

    /** The facts that identify the booking, for {@link BookingMatch}. */
    BookingMatch.Booking booking() {
        return new BookingMatch.Booking(transactionId, source, kind, account, amountFen, counterpartyAccount, bookedAt);
    }

    /**
     * {@code notice.received}: a booking on the escrow account and what the platform did with it:
     * transaction id, kind, source, account, amount and booking time, outcome, how much was counted,
     * the registration, listing, trade and refund it touched, the manual entry it was approved from,
     * and for a duplicate or a held mismatch the notice it matched. The payer's name and account are
     * left out (they would name a bidder), and so is a credit's free-text reference; a debit's
     * reference names the refund it pays.
     */
    AuditEntry auditEntry(Long listingId, Long tradeId, long countedFen) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("transactionId", transactionId);
        facts.put("kind", kind.name());
        facts.put("source", source.name());
        facts.put("account", account);
        facts.put("amountFen", amountFen);
        facts.put("bookedAt", bookedAt.toString());
        facts.put("reference", kind == NoticeKind.DEBIT ? reference : null);
        facts.put("outcome", outcome.name());
        facts.put("countedFen", countedFen);
        facts.put("registrationId", registrationId);
        facts.put("listingId", listingId);
        facts.put("tradeId", tradeId);
        facts.put("refundId", response.refundId());
        facts.put("manualNoticeId", manualNoticeId);
        facts.put("matchedTransactionId", matchedTransactionId);
        return new AuditEntry("notice.received", receivedAt, actor(), facts);
    }
}
