package cn.landmarket.bank;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The deposit bank's notice feed: its shared secret and how far booking times may lie from now. The
 * escrow account itself (name, bank, virtual account prefix, refund days) is {@code escrow.EscrowConfig},
 * under the same {@code market.bank} prefix.
 */
@ConfigMapping(prefix = "market.bank")
public interface BankConfig {

    /** Shared secret for the HMAC-SHA256 signature of bank notices (X-Signature header). */
    String hmacSecret();

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
