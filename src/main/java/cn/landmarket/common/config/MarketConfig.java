package cn.landmarket.common.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-deployment settings of the marketplace: every rule number marked [practice] or [assumed]. */
@ConfigMapping(prefix = "market")
public interface MarketConfig {

    /** Time zone in which calendar dates and working days are counted. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Rules applied when a listing is drafted, submitted and approved. */
    Rules rules();

    /** The clock-driven status changes of listings. */
    Timeline timeline();

    /** How bids are committed. */
    Bidding bidding();

    /** How many live-feed watchers an instance carries. */
    Live live();

    /** JWT issuer and audience every token must carry. */
    Jwt jwt();

    /** Seed data loading (dev profile only). */
    Seed seed();

    /** The dev run's embedded PostgreSQL (dev profile only). */
    DevDb devDb();

    /** Bounds of the readiness checks. */
    Health health();

    /** The Prometheus gauges read from the database. */
    Metrics metrics();

    /** Rule numbers, each with the default of domain.md. */
    /** What happens to the deposit behind a sealed quotation not revealed in time. */
    enum UnrevealedDeposit {
        FORFEIT, REFUND
    }

    interface Rules {
        /** Minimum calendar days between announcement and the start of bidding [reg: Order 39]. */
        @WithDefault("20")
        int announcementMinDays();

        /** Minimum working days between listing start and listing end [reg/practice]. */
        @WithDefault("10")
        int listingMinWorkingDays();

        /** Minimum deposit as a percentage of the start price [practice]. */
        @WithDefault("20")
        int depositMinPercent();

        /** Maximum deposit as a percentage of the start price [assumed]. */
        @WithDefault("100")
        int depositMaxPercent();

        /** Registration must close at least this many working days before the listing ends [practice]. */
        @WithDefault("3")
        int registrationMinWorkingDaysBeforeEnd();

        /** Shortest countdown a listing may set for timed bidding, in seconds [assumed]. */
        @WithDefault("60")
        int countdownMinSeconds();

        /** Longest countdown a listing may set for timed bidding, in seconds [assumed]. */
        @WithDefault("900")
        int countdownMaxSeconds();

        /** Highest price cap allowed, as a percentage of the start price [practice: e.g. 150%]. */
        @WithDefault("300")
        int priceCapMaxPercent();

        /** Fewest working days a buyer may be given to sign the confirmation [practice: 2-5 seen]. */
        @WithDefault("2")
        int confirmationMinWorkingDays();

        /** Most working days a buyer may be given to sign the confirmation [practice]. */
        @WithDefault("10")
        int confirmationMaxWorkingDays();

        /** Longest payment period, in calendar days after signing [practice]. */
        @WithDefault("365")
        int paymentMaxDays();

        /** Smallest first instalment a listing may ask for, as a percentage of the price [practice: 50%]. */
        @WithDefault("50")
        int instalmentFirstShareMinPercent();

        /**
         * Sealed quotations: minutes from the end of the quotation period (listing end) to the end of
         * the reveal window, fixed on the listing at drafting [assumed; e-tendering platforms give
         * bidders 30 to 60 minutes to decrypt after the opening].
         */
        @WithDefault("60")
        int sealedRevealMinutes();

        /**
         * Sealed quotations: what happens to the deposit of a bidder whose quotation was not
         * revealed in time, FORFEIT or REFUND [assumed: forfeited as a bid withdrawn after opening is].
         */
        @WithDefault("FORFEIT")
        UnrevealedDeposit sealedUnrevealedDeposit();

        /**
         * Lottery at the cap: minutes from the bid that reached the cap to the end of the entry
         * window, in which qualified bidders who accept the cap price enter with a commitment; fixed
         * on the listing at drafting [assumed; platforms that draw lots at the cap take applications
         * on the spot].
         */
        @WithDefault("30")
        int lotteryEntryMinutes();

        /**
         * Lottery at the cap: minutes from the end of the entry window to the draw, in which entrants
         * reveal their contributions; fixed on the listing at drafting [assumed, as the sealed reveal window].
         */
        @WithDefault("30")
        int lotteryRevealMinutes();

        /** Most a relisted lot's start price may be below the failed listing's, in percent [assumed]. */
        @WithDefault("20")
        int relistMaxReductionPercent();

        /** Collective parcels: approving share of the members or representatives, numerator [reg: art. 63]. */
        @WithDefault("2")
        int collectiveVoteNumerator();

        /** Collective parcels: approving share, denominator [reg: art. 63]. */
        @WithDefault("3")
        int collectiveVoteDenominator();

        /** Collective parcels: working days between county filing and the transfer [reg: art. 38-43]. */
        @WithDefault("10")
        int collectiveFilingMinWorkingDays();

        /**
         * Collective parcels: legal maximum term in years by land use [reg]; the defaults are in
         * application.properties (market.rules.max-term-years.INDUSTRIAL=50 and so on).
         */
        Map<String, Integer> maxTermYears();
    }

    /**
     * How the listing timeline advances. Read by the three clock jobs (listings, auctions, trades) through
     * their {@code @Scheduled(every = "${market.timeline.interval}")}, which takes this default.
     */
    interface Timeline {
        /** How often each instance checks for listings whose next clock event is due. */
        @WithDefault("PT1S")
        Duration interval();

        /**
         * Listings each instance closes when it starts, in transactions it rolls back, so that its
         * first close storm does not run on cold code (cn.landmarket.auction.CloseRehearsal); 0 for none.
         */
        @WithDefault("400")
        int closeRehearsal();
    }

    /** Group commit of bids: bids that arrive together share one transaction, whatever listing each is for. */
    interface Bidding {
        /** Most bids decided and committed in one transaction (over all its listings). */
        @WithDefault("256")
        int batchMax();

        /**
         * Threads committing bid batches (each one transaction at a time); a listing is served by one of
         * them at a time. One by default, so that bids arriving together wait for one batch instead of
         * being split into several smaller ones that contend for the same cores and commits, each paying
         * its own round trips (measured: see README).
         */
        @WithDefault("1")
        int workers();

        /** Bids one enterprise may place per second on one instance, after its burst; beyond: 429. */
        @WithDefault("10")
        double bidsPerSecondPerBidder();

        /** Bids one enterprise may place at once on one instance. */
        @WithDefault("20")
        int bidBurstPerBidder();

        /** Bids one client address may send per second on one instance, after its burst; beyond: 429. */
        @WithDefault("50")
        double bidsPerSecondPerAddress();

        /** Bids one client address may send at once on one instance (a firm's NAT carries several bidders). */
        @WithDefault("100")
        int bidBurstPerAddress();

        /**
         * How long a listing's bid queue and cache of qualified bidders outlive its last bid on this
         * instance; a listing that is no longer open for bids is dropped after its batch at once.
         */
        @WithDefault("PT10M")
        Duration laneIdleAfter();
    }

    /** Bounds of the live feed (Server-Sent Events): each open watcher holds a connection. */
    interface Live {
        /** Live feeds one client address may hold open on one instance; beyond: 503 with Retry-After. */
        @WithDefault("20")
        int maxPerAddress();

        /**
         * Live feeds one instance holds open in all; beyond: 503 with Retry-After. Lowered at start when
         * the process may not open that many files and keep a tenth of its limit (at least 1,000) for
         * everything else ({@code WatcherSlots.capFor}).
         */
        @WithDefault("16000")
        int maxPerInstance();

        /** The Retry-After a refused watcher is given. */
        @WithDefault("PT10S")
        Duration retryAfter();
    }

    /** JWT claims that identify this service. */
    /** The web pages. */
    Web web();

    interface Web {
        /** Session and CSRF cookies only over TLS; off in dev and test, which serve plain HTTP. */
        @WithDefault("true")
        boolean secureCookies();
    }

    interface Jwt {
        /** Issuer every accepted token must name. */
        String issuer();

        /** Audience every accepted token must name. */
        String audience();

        /** Lifetime of tokens minted by the dev token endpoint. */
        @WithDefault("PT12H")
        Duration devTokenLifetime();
    }

    /** What readiness tolerates before it takes an instance out of the load balancer. */
    interface Health {
        /**
         * Longest an audit entry may wait for the sequencer while no checkpoint is signed either;
         * beyond it the audit log counts as stuck and readiness fails.
         */
        @WithDefault("PT60S")
        Duration auditMaxPendingAge();
    }

    /** How fresh the market gauges are. */
    interface Metrics {
        /** How often each instance reads the market gauges (open listings, audit log, refunds) from the database. */
        @WithDefault("PT15S")
        Duration refreshInterval();
    }

    /**
     * The embedded PostgreSQL that {@code ./mvnw quarkus:dev} starts when no database URL is set; read
     * while the configuration is built ({@link EmbeddedDatabaseConfigSourceFactory}), declared here so
     * that setting it is not refused as unknown.
     */
    interface DevDb {
        /** Its port on 127.0.0.1; its data stays in target/dev-db. */
        @WithDefault("54329")
        int port();
    }

    /** Loading of seed-data/ into the dev database. */
    interface Seed {
        /** Whether to load seed-data/ at startup; only the dev profile turns it on. */
        @WithDefault("false")
        boolean enabled();

        /** Directory of the seed SQL files. */
        @WithDefault("seed-data")
        String directory();
    }
}
