package cn.landmarket.oversight;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;

/**
 * The rules of objections to a published result (domain.md, "After the sale"): the publication
 * period in which one may be lodged, the reasons an objection and its answer must give, and what an
 * answer may decide. Plain Java: given the facts and the numbers, it decides.
 */
public final class ObjectionRules {

    private final int workingDays;
    private final int maxChars;

    /**
     * @param workingDays working days after the day of the close that the publication period lasts
     * @param maxChars the most characters (Unicode code points) of reasons
     */
    public ObjectionRules(int workingDays, int maxChars) {
        if (workingDays < 0 || maxChars < 1) {
            throw new IllegalArgumentException("objection period " + workingDays + " / reasons " + maxChars);
        }
        this.workingDays = workingDays;
        this.maxChars = maxChars;
    }

    /**
     * The end of a result's publication period: a result is published at the close, and the period
     * ends at the end (23:59:59) of the n-th working day after the day of the close, in the market's
     * zone ({@link WorkingDayCalendar#endOfWorkingDayAfter}).
     */
    public Instant periodEnds(Instant closedAt, WorkingDayCalendar calendar, ZoneId zone) {
        return calendar.endOfWorkingDayAfter(closedAt, workingDays, zone);
    }

    /** Whether {@code now} lies within the publication period ending at {@code periodEnds} (its last second included). */
    public static boolean withinPeriod(Instant now, Instant periodEnds) {
        return !now.isAfter(periodEnds);
    }

    /** The field errors of an objection: reasons required, at most the configured characters. */
    public List<FieldViolation> checkLodge(LodgeObjectionRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        checkReasons(request == null ? null : request.reasons(), errors);
        return errors;
    }

    /**
     * The field errors of an answer: a decision, reasons as for an objection, and a suspension of
     * settlement only with UPHOLD.
     */
    public List<FieldViolation> checkAnswer(AnswerObjectionRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        if (request == null || request.decision() == null) {
            errors.add(FieldViolation.of("decision", MessageKey.OBJECTION_DECISION_REQUIRED));
        }
        checkReasons(request == null ? null : request.reasons(), errors);
        if (request != null && request.suspends() && request.decision() == ObjectionDecision.REJECT) {
            errors.add(FieldViolation.of("suspendSettlement", MessageKey.OBJECTION_SUSPEND_NEEDS_UPHOLD));
        }
        return errors;
    }

    /** An objection is answered once: 409 when it already is. */
    public static void requireUnanswered(ObjectionStatus status) {
        if (status != ObjectionStatus.LODGED) {
            throw ApiException.invalidState(MessageKey.OBJECTION_ALREADY_ANSWERED, status);
        }
    }

    /** Reasons as kept: without leading and trailing white space. */
    public static String reasons(String text) {
        return text.strip();
    }

    private void checkReasons(String text, List<FieldViolation> errors) {
        if (text == null || text.isBlank()) {
            errors.add(FieldViolation.of("reasons", MessageKey.OBJECTION_REASONS_REQUIRED));
        } else {
            String kept = reasons(text);
            if (kept.codePointCount(0, kept.length()) > maxChars) {
                errors.add(FieldViolation.of("reasons", MessageKey.OBJECTION_REASONS_TOO_LONG, maxChars));
            }
        }
    }
}
