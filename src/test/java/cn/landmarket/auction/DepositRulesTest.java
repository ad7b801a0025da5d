package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.landmarket.auction.DepositRules.Account;
import cn.landmarket.auction.DepositRules.Credit;
import cn.landmarket.auction.DepositRules.Decision;
import cn.landmarket.common.Money;
import cn.landmarket.escrow.RegistrationStatus;

class DepositRulesTest {

    private static final Instant DEADLINE = Instant.parse("2026-06-30T09:00:00Z");
    private static final String NAME = "绵阳某某建设有限公司";
    private static final Money DEPOSIT = Money.ofYuan("4000000.00");

    private static Account awaiting(String received) {
        return new Account(RegistrationStatus.AWAITING_DEPOSIT, DEPOSIT, Money.ofYuan(received), NAME, DEADLINE);
    }

    private static Credit credit(String yuan) {
        return new Credit(Money.ofYuan(yuan), NAME, DEADLINE.minusSeconds(3600));
    }

    @Test
    void theFullDepositOnTimeFromTheEnterpriseQualifies() {
        assertEquals(new Decision(DepositOutcome.QUALIFIED, DEPOSIT, Money.ZERO),
                DepositRules.decide(awaiting("0"), credit("4000000.00")));
    }

    @Test
    void lessThanTheDepositIsHeldAsPartial() {
        assertEquals(new Decision(DepositOutcome.PARTIAL, Money.ofYuan("1500000.00"), Money.ZERO),
                DepositRules.decide(awaiting("0"), credit("1500000.00")));
    }

    @Test
    void aPartialDepositCompletedLaterQualifies() {
        assertEquals(new Decision(DepositOutcome.QUALIFIED, DEPOSIT, Money.ZERO),
                DepositRules.decide(awaiting("1500000.00"), credit("2500000.00")));
    }

    @Test
    void whatExceedsTheDepositIsRefundedAndReceivedIsCappedAtTheDeposit() {
        assertEquals(new Decision(DepositOutcome.QUALIFIED, DEPOSIT, Money.ofYuan("500000.01")),
                DepositRules.decide(awaiting("1500000.00"), credit("3000000.01")));
    }

    @Test
    void oneFenShortIsStillPartial() {
        assertEquals(DepositOutcome.PARTIAL, DepositRules.decide(awaiting("0"), credit("3999999.99")).outcome());
    }

    @Test
    void aPayerOtherThanTheEnterpriseIsRefundedWhole() {
        Decision d = DepositRules.decide(awaiting("1000000.00"),
                new Credit(Money.ofYuan("3000000.00"), "张三", DEADLINE.minusSeconds(60)));
        assertEquals(new Decision(DepositOutcome.WRONG_PAYER, Money.ofYuan("1000000.00"), Money.ofYuan("3000000.00")), d);
    }

    @Test
    void thePayerNameIsComparedAfterTrimmingIncludingIdeographicSpaces() {
        Decision d = DepositRules.decide(awaiting("0"),
                new Credit(DEPOSIT, " \u3000" + NAME + "\u3000 ", DEADLINE.minusSeconds(60)));
        assertEquals(DepositOutcome.QUALIFIED, d.outcome());
    }

    @Test
    void aPayerNameThatDiffersInsideIsWrong() {
        Decision d = DepositRules.decide(awaiting("0"),
                new Credit(DEPOSIT, "绵阳某某建设 有限公司", DEADLINE.minusSeconds(60)));
        assertEquals(DepositOutcome.WRONG_PAYER, d.outcome());
    }

    @Test
    void aMissingAccountNameNeverMatches() {
        Account noName = new Account(RegistrationStatus.AWAITING_DEPOSIT, DEPOSIT, Money.ZERO, null, DEADLINE);
        assertEquals(DepositOutcome.WRONG_PAYER, DepositRules.decide(noName, credit("4000000.00")).outcome());
    }

    @Test
    void aCreditBookedAfterTheDeadlineIsLateAndRefundedWhole() {
        Decision d = DepositRules.decide(awaiting("1000000.00"),
                new Credit(Money.ofYuan("3000000.00"), NAME, DEADLINE.plusSeconds(1)));
        assertEquals(new Decision(DepositOutcome.LATE, Money.ofYuan("1000000.00"), Money.ofYuan("3000000.00")), d);
    }

    @Test
    void aCreditBookedExactlyAtTheDeadlineIsOnTime() {
        Decision d = DepositRules.decide(awaiting("0"), new Credit(DEPOSIT, NAME, DEADLINE));
        assertEquals(DepositOutcome.QUALIFIED, d.outcome());
    }

    @Test
    void aCreditToAQualifiedRegistrationIsExcessAndRefundedWhole() {
        Account qualified = new Account(RegistrationStatus.QUALIFIED, DEPOSIT, DEPOSIT, NAME, DEADLINE);
        assertEquals(new Decision(DepositOutcome.EXCESS, DEPOSIT, Money.ofYuan("0.01")),
                DepositRules.decide(qualified, credit("0.01")));
    }

    @Test
    void aWrongPayerIsReportedBeforeLateness() {
        Decision d = DepositRules.decide(awaiting("0"), new Credit(DEPOSIT, "张三", DEADLINE.plusSeconds(60)));
        assertEquals(DepositOutcome.WRONG_PAYER, d.outcome());
    }

    @Test
    void latenessIsReportedBeforeExcess() {
        Account qualified = new Account(RegistrationStatus.QUALIFIED, DEPOSIT, DEPOSIT, NAME, DEADLINE);
        Decision d = DepositRules.decide(qualified, new Credit(DEPOSIT, NAME, DEADLINE.plusSeconds(60)));
        assertEquals(DepositOutcome.LATE, d.outcome());
    }
}
