package cn.landmarket.bank;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.common.Money;
import cn.landmarket.common.security.Actor;

/**
 * A booking an operator typed in from a bank statement (maker), waiting for a different operator
 * (checker) to approve or reject it. Until approved it is not a bank notice and counts nothing;
 * approval turns it into a {@link BankNotice} of source MANUAL. The id is taken from
 * manual_notice_seq before the row is built ({@link ManualNoticeRepository#nextId()}).
 */
@Entity
@Table(name = "manual_notice")
public class ManualNotice {

    @Id
    public Long id;

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

    @Enumerated(EnumType.STRING)
    public ManualNoticeStatus status;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_subject")
    public String enteredSubject;

    @Column(name = "entered_at")
    public Instant enteredAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_subject")
    public String decidedSubject;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Enumerated(EnumType.STRING)
    public NoticeOutcome outcome;

    /** A pending entry of a request, as the maker typed it. */
    static ManualNotice of(long id, BankNoticeRequest request, String bodySha256, Actor maker, Instant now) {
        BankNotice facts = BankNotice.of(request, bodySha256, now, NoticeSource.MANUAL, maker.toString());
        ManualNotice m = new ManualNotice();
        m.id = id;
        m.transactionId = facts.transactionId;
        m.bodySha256 = bodySha256;
        m.kind = facts.kind;
        m.account = facts.account;
        m.amountFen = facts.amountFen;
        m.counterpartyName = facts.counterpartyName;
        m.counterpartyAccount = facts.counterpartyAccount;
        m.bookedAt = facts.bookedAt;
        m.reference = facts.reference;
        m.status = ManualNoticeStatus.PENDING_APPROVAL;
        m.enteredBy = maker.toString();
        m.enteredSubject = maker.subject();
        m.enteredAt = now.truncatedTo(ChronoUnit.MICROS);
        return m;
    }

    boolean isPending() {
        return status == ManualNoticeStatus.PENDING_APPROVAL;
    }

    /** The entry as a notice request, to compare it with a notice on record. */
    BankNoticeRequest request() {
        return new BankNoticeRequest(transactionId, kind, account, Money.ofFen(amountFen), counterpartyName,
                counterpartyAccount, bookedAt.atOffset(ZoneOffset.UTC), reference);
    }

    /** The bank notice the approval makes of this entry, effective from {@code now}. */
    BankNotice approvedNotice(String approvedBy, Instant now) {
        BankNotice n = BankNotice.of(request(), bodySha256, now, NoticeSource.MANUAL, enteredBy);
        n.approvedBy = approvedBy;
        n.manualNoticeId = id;
        return n;
    }

    void decide(ManualNoticeStatus decision, Actor checker, Instant now) {
        status = decision;
        decidedBy = checker.toString();
        decidedSubject = checker.subject();
        decidedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@code notice.entered}: an operator typed in a booking, which waits for approval: the entry,
     * transaction id, kind, account, amount and booking time. As in {@code notice.received}, the
     * payer's name and account are left out (they would name a bidder), and so is a credit's
     * free-text reference.
     */
    AuditEntry enteredEntry() {
        Map<String, Object> facts = facts();
        facts.put("amountFen", amountFen);
        facts.put("kind", kind.name());
        facts.put("account", account);
        facts.put("bookedAt", bookedAt.toString());
        facts.put("reference", kind == NoticeKind.DEBIT ? reference : null);
        return new AuditEntry("notice.entered", enteredAt, enteredBy, facts);
    }

    /**
     * {@code notice.approved} or {@code notice.rejected}: a second operator's decision on an entry,
     * who entered it and when, and what the approved notice did (its {@code notice.received} entry
     * has the details). A rejection's reason stays with the entry (operators read it): typed from a
     * statement, it may name the payer.
     */
    AuditEntry decidedEntry() {
        Map<String, Object> facts = facts();
        facts.put("enteredBy", enteredBy);
        facts.put("enteredAt", enteredAt.toString());
        facts.put("outcome", outcome == null ? null : outcome.name());
        String type = status == ManualNoticeStatus.APPROVED ? "notice.approved" : "notice.rejected";
        return new AuditEntry(type, decidedAt, decidedBy, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("manualNoticeId", id);
        facts.put("transactionId", transactionId);
        facts.put("status", status.name());
        return facts;
    }
}
