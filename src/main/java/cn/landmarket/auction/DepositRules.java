package cn.landmarket.auction;

import java.time.Instant;

import cn.landmarket.common.Money;
import cn.landmarket.escrow.RegistrationStatus;

/**
 * Decides what a credit to a registration's virtual account does (domain.md, "Bidding"): a bidder
 * qualifies only when the deposit has arrived in full, on time, from its own account; money that
 * cannot count is refunded whole, and anything above the deposit is refunded.
 */
public final class DepositRules {

    private DepositRules() {
    }

    /** The registration a credit is for, as the rules need it. */
    public record Account(RegistrationStatus status, Money deposit, Money received, String accountName,
            Instant deadline) {
    }

    /** One credit: how much, from whom, booked when. */
    public record Credit(Money amount, String payerName, Instant bookedAt) {
    }

    /**
     * The verdict: the outcome, what the registration has received after the credit (never more
     * than the deposit) and what must be refunded to the payer.
     */
    public record Decision(DepositOutcome outcome, Money received, Money refund) {
    }

    /**
     * Applies the rules in order: wrong payer (the payer's name, trimmed, differs from the
     * enterprise's bank account name), then late (booked after the deadline), then already
     * qualified; otherwise the amount counts, up to the deposit.
     *
     * @return the decision; a rejected credit leaves {@code received} unchanged and refunds the whole amount
     */
    public static Decision decide(Account account, Credit credit) {
        if (!samePayer(credit.payerName(), account.accountName())) {
            return rejected(account, credit, DepositOutcome.WRONG_PAYER);
        }
        if (credit.bookedAt().isAfter(account.deadline())) {
            return rejected(account, credit, DepositOutcome.LATE);
        }
        if (account.status() == RegistrationStatus.QUALIFIED) {
            return rejected(account, credit, DepositOutcome.EXCESS);
        }
        Money total = account.received().plus(credit.amount());
        if (total.compareTo(account.deposit()) < 0) {
            return new Decision(DepositOutcome.PARTIAL, total, Money.ZERO);
        }
        return new Decision(DepositOutcome.QUALIFIED, account.deposit(), total.minus(account.deposit()));
    }

    private static Decision rejected(Account account, Credit credit, DepositOutcome outcome) {
        return new Decision(outcome, account.received(), credit.amount());
    }

    private static boolean samePayer(String payerName, String accountName) {
        return payerName != null && accountName != null && payerName.strip().equals(accountName.strip());
    }
}
