package cn.landmarket.bank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.escrow.AccountCredits;
import cn.landmarket.escrow.Credit;
import cn.landmarket.escrow.CreditResult;
import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.VirtualAccount;
import cn.landmarket.ledger.LedgerService;
import cn.landmarket.ledger.TransferKind;
import cn.landmarket.escrow.Refund;
import cn.landmarket.escrow.RefundRepository;
import cn.landmarket.escrow.RefundReason;

/**
 * Bookings on the escrow account, from the bank's feed or entered by an operator and approved by
 * another ({@link ManualNoticeService}): deposits are counted towards registrations, money that
 * cannot count is owed back as a refund, and refunds are closed by the debits that pay them. Each
 * bank transaction id takes effect exactly once, and so does each booking reported by both sources.
 */
@ApplicationScoped
public class BankNoticeService {

    private static final Pattern REFUND_REFERENCE = Pattern.compile("^REFUND-([0-9]{1,18})$");

    private final BankNoticeRepository notices;
    private final RefundRepository refunds;
    private final RefundService refundService;
    private final List<AccountCredits> owners;
    private final VirtualAccount virtualAccounts;
    private final BankConfig bank;
    private final LedgerService ledger;
    private final AuditLog audit;
    private final Clock clock;

    BankNoticeService(BankNoticeRepository notices, RefundRepository refunds, RefundService refundService,
            Instance<AccountCredits> owners, BankConfig bank, EscrowConfig escrow, Clock clock, LedgerService ledger,
            AuditLog audit) {
        this.notices = notices;
        this.audit = audit;
        this.ledger = ledger;
        this.refunds = refunds;
        this.refundService = refundService;
        this.owners = owners.stream().toList();
        this.virtualAccounts = new VirtualAccount(escrow.virtualAccountPrefix());
        this.bank = bank;
        this.clock = clock;
    }

    /**
     * Records a notice of the bank's feed and acts on it once (see {@link #process}). A notice whose
     * transaction id is already on record is a replay: the same body (or the same booking approved
     * from an operator's entry) is answered with the stored response and changes (and logs)
     * nothing; anything else under that id is a 409 CONFLICT. Concurrent deliveries of one id run
     * one after the other. Raises 400 for a zero amount or a booking time too far in the future.
     *
     * @param body the exact bytes received, whose SHA-256 identifies a replay
     * @return what was done, as stored
     */
    @Transactional
    public NoticeResponse record(BankNoticeRequest request, byte[] body) {
        Instant now = Instant.now(clock);
        validate(request, now, List.of());
        String sha256 = NoticeSignature.sha256(body);
        notices.lockTransactionId(request.transactionId());
        Optional<BankNotice> existing = notices.findByIdOptional(request.transactionId());
        if (existing.isPresent()) {
            return replay(existing.get(), request, sha256, NoticeSource.FEED);
        }
        BankNotice notice = BankNotice.of(request, sha256, now, NoticeSource.FEED, null);
        return process(notice, now, notice.bookedAt);
    }

    /**
     * Acts on a new notice inside the caller's transaction, whose transaction id the caller holds
     * locked and found free, and logs it ({@code notice.received}) with its outcome and effects.
     * First the notice is compared with the notices of its booking already counted
     * ({@link BookingMatch}): the same booking from the other source is recorded as a
     * {@link NoticeOutcome#DUPLICATE}, a near-match as a {@link NoticeOutcome#MISMATCH} held for an
     * operator, and neither counts. Otherwise a credit counts towards a deposit or a trade's price
     * and a debit pays a refund.
     *
     * @param countsAsBookedAt the booking time a deposit deadline is checked against
     *        ({@link ManualNoticeRules#countsAsBookedAt} for an operator's notice)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    NoticeResponse process(BankNotice notice, Instant now, Instant countsAsBookedAt) {
        Instant second = BookingMatch.second(notice.bookedAt);
        notices.lockBooking(notice.kind, notice.account, second);
        List<BookingMatch.Booking> counted = notices.countedBookings(notice.kind, notice.account, second,
                second.plusSeconds(1)).stream().map(BankNotice::booking).toList();
        BookingMatch.Match match = BookingMatch.decide(notice.booking(), counted);
        if (match.verdict() != BookingMatch.Verdict.NEW) {
            return hold(notice, match);
        }
        return notice.kind == NoticeKind.CREDIT ? credit(notice, now, countsAsBookedAt) : debit(notice, now);
    }

    /** Records a duplicate or a mismatch: nothing moves and no refund is owed; operators list mismatches. */
    private NoticeResponse hold(BankNotice notice, BookingMatch.Match match) {
        notice.outcome = match.verdict() == BookingMatch.Verdict.DUPLICATE ? NoticeOutcome.DUPLICATE
                : NoticeOutcome.MISMATCH;
        notice.matchedTransactionId = match.transactionId();
        notice.response = new NoticeResponse(notice.transactionId, notice.outcome, null, null, null,
                match.transactionId());
        notices.persist(notice);
        Long registrationId = notices.findByIdOptional(match.transactionId()).map(m -> m.registrationId).orElse(null);
        Long listingId = registrationId == null ? null : refunds.listingOfRegistration(registrationId);
        audit.append(notice.auditEntry(listingId, null, 0));
        return notice.response;
    }

    /**
     * Answers a notice whose transaction id is on record: the stored response for the same body or,
     * from the other source, the same booking; 409 CONFLICT otherwise.
     */
    NoticeResponse replay(BankNotice existing, BankNoticeRequest request, String sha256, NoticeSource source) {
        if (existing.bodySha256.equals(sha256) || existing.source != source && existing.sameBookingAs(request)) {
            return existing.response;
        }
        throw new ApiException(ErrorCode.CONFLICT, MessageKey.BANK_TRANSACTION_CONFLICT, request.transactionId());
    }

    /**
     * Hands a credit to the feature that owns its virtual account (registrations count deposits,
     * the settlement counts payments; {@link AccountCredits}); what does not count is owed back.
     */
    private NoticeResponse credit(BankNotice notice, Instant now, Instant countsAsBookedAt) {
        Credit offered = new Credit(notice.transactionId, notice.account, notice.amountFen, notice.counterpartyName,
                countsAsBookedAt, notice.actor());
        CreditResult credit = virtualAccounts.owner(notice.account)
                .flatMap(owner -> owners.stream().filter(o -> o.owns(owner)).findFirst())
                .map(o -> o.credit(offered))
                .orElseGet(() -> CreditResult.unmatched(notice.amountFen));
        notice.registrationId = credit.registrationId();
        notice.outcome = NoticeOutcome.of(credit.outcome());
        notice.response = response(notice, credit, null);
        notices.persist(notice);
        notices.flush(); // the refund row references the notice row
        Long refundId = null;
        if (credit.refundFen() > 0) {
            refundId = refundService.owe(credit.registrationId(), notice.transactionId, credit.refundFen(),
                    notice.counterpartyName, notice.counterpartyAccount, credit.outcome().refundReason(),
                    notice.bookedAt, credit.listingId(), notice.actor());
            notice.response = response(notice, credit, refundId);
        }
        long counted = credit.countedFen(notice.amountFen);
        if (counted > 0 && credit.tradeId() == null && credit.registrationId() != null) {
            ledger.move("notice:" + notice.transactionId + ":deposit", LedgerService.BANK,
                    LedgerService.deposit(credit.registrationId()), counted, TransferKind.DEPOSIT,
                    notice.transactionId, credit.listingId());
        }
        if (refundId != null) {
            ledger.move("notice:" + notice.transactionId + ":refund", LedgerService.BANK,
                    LedgerService.refund(refundId), credit.refundFen(), TransferKind.REFUND_OWED,
                    notice.transactionId, credit.listingId());
        }
        audit.append(notice.auditEntry(credit.listingId(), credit.tradeId(), counted));
        return notice.response;
    }

    private static NoticeResponse response(BankNotice notice, CreditResult credit, Long refundId) {
        return new NoticeResponse(notice.transactionId, notice.outcome, credit.registrationId(),
                credit.registrationStatus(), refundId, null);
    }

    /** Closes the open refund a debit pays: named by its reference, same amount, same payee account. */
    private NoticeResponse debit(BankNotice notice, Instant now) {
        Matcher reference = notice.reference == null ? null : REFUND_REFERENCE.matcher(notice.reference);
        Refund refund = reference != null && reference.matches()
                ? refunds.lock(Long.parseLong(reference.group(1)))
                        .filter(Refund::isOpen)
                        .filter(r -> r.amountFen == notice.amountFen)
                        .filter(r -> r.payeeAccount.equals(notice.counterpartyAccount))
                        .orElse(null)
                : null;
        if (refund == null) {
            notice.outcome = NoticeOutcome.DEBIT_UNMATCHED;
            notice.response = new NoticeResponse(notice.transactionId, notice.outcome, null, null, null, null);
            notices.persist(notice);
            ledger.move("notice:" + notice.transactionId + ":unmatched", LedgerService.SUSPENSE, LedgerService.BANK,
                    notice.amountFen, TransferKind.UNMATCHED_DEBIT, notice.transactionId, null);
            audit.append(notice.auditEntry(null, null, 0));
            return notice.response;
        }
        notice.registrationId = refund.registrationId;
        notice.outcome = NoticeOutcome.REFUND_CONFIRMED;
        notice.response = new NoticeResponse(notice.transactionId, notice.outcome, refund.registrationId, null,
                refund.id, null);
        notices.persist(notice);
        notices.flush(); // the refund row will reference the notice row
        refund.debitTransactionId = notice.transactionId;
        refund.confirmedAt = now;
        Long listingId = refund.registrationId == null ? null : refunds.listingOfRegistration(refund.registrationId);
        audit.append(refund.paidEntry(listingId, notice.actor()));
        String owed = LedgerService.refund(refund.id);
        ledger.move("notice:" + notice.transactionId + ":refund-paid",
                ledger.available(owed) >= notice.amountFen ? owed : LedgerService.SUSPENSE,
                LedgerService.BANK, notice.amountFen, TransferKind.REFUND_PAID, notice.transactionId, listingId);
        audit.append(notice.auditEntry(listingId, null, notice.amountFen));
        return notice.response;
    }

    /**
     * Raises 400 for a zero amount or a booking time too far ahead of {@code now}, with any further
     * violations the caller found.
     */
    void validate(BankNoticeRequest request, Instant now, List<FieldViolation> more) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.amount().fen() == 0) {
            violations.add(FieldViolation.of("amount", MessageKey.BANK_AMOUNT_POSITIVE));
        }
        if (request.bookedAt().toInstant().isAfter(now.plus(bank.bookedAtMaxAhead()))) {
            violations.add(FieldViolation.of("bookedAt", MessageKey.BANK_BOOKED_IN_FUTURE, bank.bookedAtMaxAhead().toMinutes()));
        }
        violations.addAll(more);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
