package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;

class ObjectionRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ObjectionRules rules = new ObjectionRules(5, 10);

    private static List<MessageKey> keys(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.message().key()).toList();
    }

    @Test
    void periodEndsAtTheEndOfTheFifthWorkingDayAfterTheDayOfTheCloseSkippingTheWeekend() {
        // closed Thursday 2027-03-04 at 15:00: Fri 5, Mon 8, Tue 9, Wed 10, Thu 11 → 11 March 23:59:59
        Instant closed = ZonedDateTime.of(2027, 3, 4, 15, 0, 0, 0, SHANGHAI).toInstant();
        Instant ends = rules.periodEnds(closed, new WorkingDayCalendar(Map.of()), SHANGHAI);
        assertEquals(ZonedDateTime.of(2027, 3, 11, 23, 59, 59, 0, SHANGHAI).toInstant(), ends);
    }

    @Test
    void aHolidayInThePeriodMovesItsEndOneWorkingDayLater() {
        Instant closed = ZonedDateTime.of(2027, 3, 4, 15, 0, 0, 0, SHANGHAI).toInstant();
        WorkingDayCalendar withHoliday = new WorkingDayCalendar(Map.of(LocalDate.of(2027, 3, 9), false));
        assertEquals(ZonedDateTime.of(2027, 3, 12, 23, 59, 59, 0, SHANGHAI).toInstant(),
                rules.periodEnds(closed, withHoliday, SHANGHAI));
    }

    @Test
    void theLastSecondOfThePeriodIsInsideAndTheNextOutside() {
        Instant ends = ZonedDateTime.of(2027, 3, 11, 23, 59, 59, 0, SHANGHAI).toInstant();
        assertTrue(ObjectionRules.withinPeriod(ends, ends));
        assertTrue(ObjectionRules.withinPeriod(ends.minusSeconds(3600), ends));
        assertFalse(ObjectionRules.withinPeriod(ends.plusSeconds(1), ends));
    }

    @Test
    void blankOrMissingReasonsAreRefused() {
        assertEquals(List.of(MessageKey.OBJECTION_REASONS_REQUIRED), keys(rules.checkLodge(new LodgeObjectionRequest(null))));
        assertEquals(List.of(MessageKey.OBJECTION_REASONS_REQUIRED), keys(rules.checkLodge(new LodgeObjectionRequest(" \n\t"))));
        assertEquals(List.of(MessageKey.OBJECTION_REASONS_REQUIRED), keys(rules.checkLodge(null)));
    }

    @Test
    void reasonsAreCountedInCharactersAfterStrippingAndRefusedBeyondTheLimit() {
        assertTrue(rules.checkLodge(new LodgeObjectionRequest("  成交价格明显低于评估  ")).isEmpty(), "10 characters once stripped");
        assertTrue(rules.checkLodge(new LodgeObjectionRequest("😀".repeat(10))).isEmpty(), "10 code points, 20 UTF-16 units");
        List<FieldViolation> tooLong = rules.checkLodge(new LodgeObjectionRequest("成交价格明显低于评估价"));
        assertEquals(List.of(MessageKey.OBJECTION_REASONS_TOO_LONG), keys(tooLong));
        assertEquals("reasons", tooLong.get(0).field());
        assertEquals("理由", ObjectionRules.reasons("  理由 \n"));
    }

    @Test
    void anAnswerNeedsADecisionAndReasons() {
        assertEquals(List.of(MessageKey.OBJECTION_DECISION_REQUIRED, MessageKey.OBJECTION_REASONS_REQUIRED),
                keys(rules.checkAnswer(new AnswerObjectionRequest(null, "", null))));
        assertTrue(rules.checkAnswer(new AnswerObjectionRequest(ObjectionDecision.REJECT, "无证据", null)).isEmpty());
        assertTrue(rules.checkAnswer(new AnswerObjectionRequest(ObjectionDecision.UPHOLD, "属实", true)).isEmpty());
    }

    @Test
    void onlyAnUpholdingAnswerMaySuspendSettlement() {
        List<FieldViolation> errors = rules.checkAnswer(new AnswerObjectionRequest(ObjectionDecision.REJECT, "无证据", true));
        assertEquals(List.of(MessageKey.OBJECTION_SUSPEND_NEEDS_UPHOLD), keys(errors));
        assertEquals("suspendSettlement", errors.get(0).field());
        assertTrue(rules.checkAnswer(new AnswerObjectionRequest(ObjectionDecision.REJECT, "无证据", false)).isEmpty());
    }

    @Test
    void anObjectionIsAnsweredOnce() {
        ObjectionRules.requireUnanswered(ObjectionStatus.LODGED);
        for (ObjectionStatus answered : List.of(ObjectionStatus.UPHELD, ObjectionStatus.REJECTED)) {
            ApiException e = assertThrows(ApiException.class, () -> ObjectionRules.requireUnanswered(answered));
            assertEquals(ErrorCode.INVALID_STATE, e.code());
            assertEquals(MessageKey.OBJECTION_ALREADY_ANSWERED, e.detail().key());
        }
    }

    @Test
    void decisionsMapToTheirOutcomes() {
        assertEquals(ObjectionStatus.UPHELD, ObjectionDecision.UPHOLD.outcome());
        assertEquals(ObjectionStatus.REJECTED, ObjectionDecision.REJECT.outcome());
    }
}
