package cn.landmarket.notification;

/** Who a notice goes to, named by what the event knows; the repository turns it into organisations. */
public sealed interface Audience {

    /** The enterprise a credit code names. */
    record Enterprise(String code) implements Audience {
    }

    /** The enterprise that holds a registration. */
    record RegistrationHolder(long registrationId) implements Audience {
    }

    /**
     * The bidder of the bid just before {@code sequence} on the listing, unless that is
     * {@code bidderNo} itself (raising one's own bid outbids nobody).
     */
    record PreviousBidder(long listingId, int sequence, String bidderNo) implements Audience {
    }

    /** The enterprise behind one bidder number of the listing. */
    record Bidder(long listingId, String bidderNo) implements Audience {
    }

    /** Every qualified bidder of the listing but {@code exceptBidderNo} (none when null). */
    record Bidders(long listingId, String exceptBidderNo) implements Audience {
    }

    /** The township that sells the listing. */
    record Seller(long listingId) implements Audience {
    }

    /** The enterprise that bought in a trade. */
    record Buyer(long tradeId) implements Audience {
    }

    /** Every active regulator whose jurisdiction covers the listing's region. */
    record Regulators(long listingId) implements Audience {
    }

    /**
     * The listing's regulators, only when the deposit of this registration came from an account
     * that had already paid another registration's deposit on the same listing (domain.md,
     * "Audit"), so each registration joining a shared payer is signalled once.
     */
    record RegulatorsIfSharedPayer(long listingId, long registrationId) implements Audience {
    }
}
