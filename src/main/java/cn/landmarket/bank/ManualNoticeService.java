package cn.landmarket.bank;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;

/**
 * Bookings typed in by operators from a bank statement, under maker-checker: one operator enters
 * a notice, which counts nothing while it waits; a different operator approves it, and only then
 * is it processed as the feed's notices are, or rejects it with a reason. Entry and decision are
 * each logged ({@code notice.entered}, {@code notice.approved}, {@code notice.rejected}).
 */
@ApplicationScoped
public class ManualNoticeService {

    /** An entry and whether this request created it (false: the same entry was already waiting). */
    public record Entered(ManualNoticeView view, boolean created) {
    }

    private final ManualNoticeRepository entries;
    private final BankNoticeRepository notices;
    private final BankNoticeService processing;
    private final CalendarService calendar;
    private final BankConfig bank;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    ManualNoticeService(ManualNoticeRepository entries, BankNoticeRepository notices, BankNoticeService processing,
            CalendarService calendar, BankConfig bank, MarketConfig config, Clock clock, AuditLog audit) {
        this.entries = entries;
        this.notices = notices;
        this.processing = processing;
        this.calendar = calendar;
        this.bank = bank;
        this.audit = audit;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * Enters a notice for approval ({@code notice.entered}); it counts nothing yet. The booking time
     * must lie between the start of the day {@code market.bank.manual-booked-at-max-age-working-days}
     * working days ago and a few minutes ahead (400 otherwise). The same body under a transaction id
     * already waiting answers that entry again and logs nothing; anything else under a waiting id,
     * or a transaction id the platform has already recorded, is a 409 CONFLICT.
     */
    @Transactional
    public Entered enter(BankNoticeRequest request, byte[] body, Actor maker) {
        Instant now = Instant.now(clock);
        Instant earliest = ManualNoticeRules.earliestBooking(now.atZone(zone).toLocalDate(), calendar.calendar(),
                bank.manualBookedAtMaxAgeWorkingDays(), zone);
        processing.validate(request, now, request.bookedAt().toInstant().isBefore(earliest)
                ? List.of(FieldViolation.of("bookedAt", MessageKey.BANK_BOOKED_TOO_OLD, bank.manualBookedAtMaxAgeWorkingDays()))
                : List.of());
        String sha256 = NoticeSignature.sha256(body);
        notices.lockTransactionId(request.transactionId());
        if (notices.findByIdOptional(request.transactionId()).isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.BANK_MANUAL_ON_RECORD, request.transactionId());
        }
        Optional<ManualNotice> waiting = entries.pending(request.transactionId());
        if (waiting.isPresent()) {
            if (waiting.get().bodySha256.equals(sha256)) {
                return new Entered(ManualNoticeView.of(waiting.get(), zone), false);
            }
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.BANK_MANUAL_PENDING_CONFLICT, request.transactionId(),
                    waiting.get().id);
        }
        ManualNotice entry = ManualNotice.of(entries.nextId(), request, sha256, maker, now);
        entries.persist(entry);
        audit.append(entry.enteredEntry());
        return new Entered(ManualNoticeView.of(entry, zone), true);
    }

    /**
     * Approves a waiting entry as an operator other than the one who entered it (403 for that one;
     * 404 for an unknown entry, 409 INVALID_STATE when already decided), processes the notice as
     * the feed's are and logs the approval with the outcome ({@code notice.approved}), in the same
     * transaction. For a deposit deadline it counts as booked no earlier than now
     * ({@link ManualNoticeRules#countsAsBookedAt}). When the bank's feed has meanwhile recorded the
     * same booking under the same transaction id, the entry is approved as a
     * {@link NoticeOutcome#DUPLICATE} and counts nothing; a different booking under that id is a
     * 409 CONFLICT (reject the entry).
     *
     * @return what the notice did
     */
    @Transactional
    public NoticeResponse approve(long id, Actor checker) {
        ManualNotice entry = decidable(id, checker);
        Instant now = Instant.now(clock);
        notices.lockTransactionId(entry.transactionId);
        Optional<BankNotice> existing = notices.findByIdOptional(entry.transactionId);
        if (existing.isPresent() && !existing.get().sameBookingAs(entry.request())) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.BANK_TRANSACTION_CONFLICT, entry.transactionId);
        }
        entry.decide(ManualNoticeStatus.APPROVED, checker, now);
        NoticeResponse response;
        if (existing.isPresent()) {
            response = new NoticeResponse(entry.transactionId, NoticeOutcome.DUPLICATE, null, null, null,
                    entry.transactionId);
        } else {
            BankNotice notice = entry.approvedNotice(checker.toString(), now);
            response = processing.process(notice, now, ManualNoticeRules.countsAsBookedAt(notice.bookedAt, now));
        }
        entry.outcome = response.outcome();
        audit.append(entry.decidedEntry());
        return response;
    }

    /**
     * Rejects a waiting entry with a reason, as an operator other than the one who entered it (403
     * for that one; 404, 409 INVALID_STATE as for approval), and logs it ({@code notice.rejected},
     * without the reason). Nothing is counted; the booking may be entered again, corrected.
     */
    @Transactional
    public ManualNoticeView reject(long id, Actor checker, String reason) {
        ManualNotice entry = decidable(id, checker);
        entry.decide(ManualNoticeStatus.REJECTED, checker, Instant.now(clock));
        entry.rejectionReason = reason.strip();
        audit.append(entry.decidedEntry());
        return ManualNoticeView.of(entry, zone);
    }

    /** Entries in a status (waiting for approval when none is given), oldest first. */
    @Transactional
    public PageView<ManualNoticeView> list(ManualNoticeStatus status, PageRequest page) {
        return PageView.of(entries.inStatus(status == null ? ManualNoticeStatus.PENDING_APPROVAL : status), page,
                m -> ManualNoticeView.of(m, zone));
    }

    /** Notices held as mismatches, each with the counted notice it matched, oldest first. */
    @Transactional
    public PageView<NoticeMismatchView> mismatches(PageRequest page) {
        return PageView.of(notices.mismatches(), page, held -> NoticeMismatchView.of(held,
                held.matchedTransactionId == null ? null
                        : notices.findByIdOptional(held.matchedTransactionId).orElse(null), zone));
    }

    private ManualNotice decidable(long id, Actor checker) {
        ManualNotice entry = entries.lock(id).orElseThrow(() -> ApiException.notFound("manual notice", id));
        if (!ManualNoticeRules.mayDecide(entry.enteredSubject, checker.subject())) {
            throw ApiException.forbidden(MessageKey.BANK_MANUAL_OWN_NOTICE, entry.id);
        }
        if (!entry.isPending()) {
            throw ApiException.invalidState(MessageKey.BANK_MANUAL_DECIDED, entry.id, entry.status);
        }
        return entry;
    }
}
