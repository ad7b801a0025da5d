package cn.landmarket.bank;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The deposit bank: the escrow account bidders pay into and the shared secret of its notice feed. */
@ConfigMapping(prefix = "market.bank")
public interface BankConfig {

    /** Shared secret for the HMAC-SHA256 signature of bank notices (X-Signature header). */
    String hmacSecret();

    /** Name of the trading centre's deposit escrow account, shown in deposit instructions. */
    @WithDefault("绵阳市公共资源交易中心竞买保证金专户")
    String escrowAccountName();

    /** Bank that holds the escrow account and issues the virtual sub-accounts. */
    @WithDefault("中国农业银行绵阳分行")
    String bankName();

    /** Digits every virtual account number starts with (assigned by the bank). */
    @WithDefault("6228")
    String virtualAccountPrefix();

    /** Working days after the money arrived within which a refund must be paid [practice: 5]. */
    @WithDefault("5")
    int refundWorkingDays();

    /** How far in the future a notice's booking time may lie, for clock differences with the bank [assumed]. */
    @WithDefault("PT5M")
    Duration bookedAtMaxAhead();

    /**
     * How far back the booking time of a notice an operator types in may lie, in working days: from
     * the start of the day this many working days before today (0: today only). Older bookings
     * come only through the bank's signed feed [assumed: a statement is worked through within 3
     * working days].
     */
    @WithDefault("3")
    int manualBookedAtMaxAgeWorkingDays();
}
