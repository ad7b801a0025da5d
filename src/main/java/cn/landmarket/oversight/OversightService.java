package cn.landmarket.oversight;

import static cn.landmarket.oversight.OversightRepository.instant;
import static cn.landmarket.oversight.OversightRepository.lng;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.AssetType;
import cn.landmarket.auction.AuctionService;
import cn.landmarket.auction.BidView;
import cn.landmarket.auction.IdentityReveal;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.audit.AuditService;
import cn.landmarket.audit.InclusionView;
import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.oversight.OversightRepository.Where;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;
import cn.landmarket.settlement.TradeQueryService;
import cn.landmarket.settlement.TradeStatus;

/**
 * The regulator's audit of its jurisdiction: searches over listings and trades, a listing's whole
 * dossier with its audit log entries and proofs, the identities behind bidder numbers (each reveal
 * logged), and market statistics. A regulator sees only listings whose region its code covers.
 */
@ApplicationScoped
public class OversightService {

    private static final Set<Integer> REGION_DIGITS = Set.of(2, 4, 6, 9);

    private final OversightRepository repository;
    private final PartyService parties;
    private final ListingService listings;
    private final RegistrationService registrations;
    private final AuctionService auctions;
    private final TradeQueryService trades;
    private final RefundService refunds;
    private final AuditService auditLogReader;
    private final AuditLog auditLog;
    private final OversightConfig config;
    private final ZoneId zone;
    private final Clock clock;

    OversightService(OversightRepository repository, PartyService parties, ListingService listings,
            RegistrationService registrations, AuctionService auctions, TradeQueryService trades,
            RefundService refunds, AuditService auditLogReader, AuditLog auditLog, OversightConfig config,
            MarketConfig market, Clock clock) {
        this.repository = repository;
        this.parties = parties;
        this.listings = listings;
        this.registrations = registrations;
        this.auctions = auctions;
        this.trades = trades;
        this.refunds = refunds;
        this.auditLogReader = auditLogReader;
        this.auditLog = auditLog;
        this.config = config;
        this.zone = market.zone();
        this.clock = clock;
    }

    // ---- scope -----------------------------------------------------------------------------------

    /** The region prefix of the calling regulator's jurisdiction; 403 when its code is not a registered regulator. */
    String jurisdiction(Actor actor) {
        return parties.regulatorOf(actor).jurisdictionPrefix();
    }

    /** 403 for an unregistered regulator, 404 for an unknown listing, 403 for one outside the regulator's jurisdiction. */
    void requireListing(Actor actor, long listingId) {
        Regulator regulator = parties.regulatorOf(actor);
        String region = repository.regionOf(listingId);
        if (region == null) {
            throw ApiException.notFound("listing", listingId);
        }
        if (!regulator.covers(region)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
    }

    /** The where-clauses of a query over the regulator's listings in scope, optionally of one listing (checked). */
    Where where(Actor actor, Scope scope, Long listingId) {
        Where where = Where.of(jurisdiction(actor), scope, zone);
        if (listingId != null) {
            requireListing(actor, listingId);
            where.add("l.id = :listingId", "listingId", listingId);
        }
        return where;
    }

    // ---- searches --------------------------------------------------------------------------------

    /**
     * Listings of the jurisdiction in scope, optionally in one status and only those the enterprise
     * registered for, newest first. Searching by enterprise ties it to bidder numbers, so it is a
     * reveal ({@link #revealSearch}).
     */
    @Transactional
    public PageView<ListingSummary> listings(Actor actor, Scope scope, ListingStatus status, String enterprise,
            String reason, PageRequest page) {
        Where where = listingWhere(actor, scope, status, enterprise);
        revealSearch(actor, where, enterprise, reason);
        return new PageView<>(repository.listings(where, page.page() * page.size(), page.size()).stream()
                .map(this::listingSummary).toList(), page.page(), page.size(), repository.countListings(where));
    }

    /** Every listing {@link #listings} would page through; 400 when more than the export limit match. */
    @Transactional
    public List<ListingSummary> exportListings(Actor actor, Scope scope, ListingStatus status, String enterprise,
            String reason) {
        Where where = listingWhere(actor, scope, status, enterprise);
        exportable(repository.countListings(where));
        revealSearch(actor, where, enterprise, reason);
        return repository.listings(where, 0, config.exportMaxRows()).stream().map(this::listingSummary).toList();
    }

    private Where listingWhere(Actor actor, Scope scope, ListingStatus status, String enterprise) {
        Where where = where(actor, scope, null);
        if (status != null) {
            where.add("l.status = :status", "status", status.name());
        }
        if (enterprise != null) {
            where.add("exists (select 1 from registration re where re.listing_id = l.id"
                    + " and re.enterprise_code = :enterprise)", "enterprise", enterprise);
        }
        return where;
    }

    /**
     * The reveal rule for a search by enterprise: without an enterprise nothing happens; with one a
     * reason is required (400 when missing, blank or too long, before anything is read or logged), and
     * every listing in scope the enterprise registered for gets an {@code identity.revealed} entry
     * (view {@code search}) naming its registrations and bidder numbers there, in this transaction,
     * whichever page is asked for: the total alone tells how many listings it registered for.
     */
    private void revealSearch(Actor actor, Where where, String enterprise, String reason) {
        if (enterprise == null) {
            return;
        }
        String why = IdentityReveal.require(reason);
        Map<Long, List<Object[]>> byListing = new LinkedHashMap<>();
        for (Object[] r : repository.registrationsOf(where)) {
            byListing.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(r);
        }
        Instant now = Instant.now(clock);
        byListing.forEach((listingId, rows) -> auditLog.append(IdentityReveal.entry(actor, now, listingId, why,
                "search", rows.stream().map(r -> (String) r[2]).filter(Objects::nonNull).toList(),
                rows.stream().map(r -> lng(r[1])).toList())));
    }

    private ListingSummary listingSummary(Object[] r) {
        return new ListingSummary(lng(r[0]), (String) r[1], (String) r[2], ListingStatus.valueOf((String) r[3]),
                AssetType.valueOf((String) r[4]), (String) r[5], (String) r[6], Area.of(lng(r[7])),
                Money.ofFen(lng(r[8])), r[9] == null ? null : Money.ofFen(lng(r[9])), (int) lng(r[10]),
                lng(r[13]), lng(r[14]), at(r[11]), at(r[12]), (String) r[15],
                r[16] == null ? null : TradeStatus.valueOf((String) r[16]));
    }

    /** Trades of the jurisdiction in scope, optionally in one status and only those the enterprise bought, latest close first. */
    @Transactional
    public PageView<TradeSummary> trades(Actor actor, Scope scope, TradeStatus status, String enterprise,
            PageRequest page) {
        Where where = tradeWhere(actor, scope, status, enterprise);
        return new PageView<>(repository.trades(where, page.page() * page.size(), page.size()).stream()
                .map(this::tradeSummary).toList(), page.page(), page.size(), repository.countTrades(where));
    }

    /** Every trade {@link #trades} would page through; 400 when more than the export limit match. */
    @Transactional
    public List<TradeSummary> exportTrades(Actor actor, Scope scope, TradeStatus status, String enterprise) {
        Where where = tradeWhere(actor, scope, status, enterprise);
        exportable(repository.countTrades(where));
        return repository.trades(where, 0, config.exportMaxRows()).stream().map(this::tradeSummary).toList();
    }

    private Where tradeWhere(Actor actor, Scope scope, TradeStatus status, String enterprise) {
        Where where = where(actor, scope, null);
        if (status != null) {
            where.add("t.status = :status", "status", status.name());
        }
        if (enterprise != null) {
            where.add("t.buyer_code = :enterprise", "enterprise", enterprise);
        }
        return where;
    }

    private TradeSummary tradeSummary(Object[] r) {
        return new TradeSummary(lng(r[0]), lng(r[1]), (String) r[2], (String) r[3], AssetType.valueOf((String) r[4]),
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], Area.of(lng(r[9])), Money.ofFen(lng(r[10])),
                Money.ofFen(lng(r[11])), Money.ofFen(lng(r[12])), TradeStatus.valueOf((String) r[13]), at(r[14]),
                at(r[15]), at(r[16]), at(r[17]));
    }

    /** Raises 400 when an export would hold more than the configured number of rows. */
    void exportable(long matches) {
        if (matches > config.exportMaxRows()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    Message.of(MessageKey.OVERSIGHT_EXPORT_TOO_LARGE, matches, config.exportMaxRows()), List.of());
        }
    }

    // ---- one listing -----------------------------------------------------------------------------

    /**
     * A listing's dossier: the listing with its reserve, status history, registrations and bids by
     * bidder number, trade, refunds, and its audit log entries with inclusion proofs against the
     * latest signed checkpoint; bids and log entries are their first page ({@link PageRequest#MAX_SIZE})
     * with the total. 404 for an unknown listing, 403 outside the jurisdiction.
     */
    @Transactional
    public DossierView dossier(Actor actor, long listingId) {
        return dossier(actor, listingId, 0, 0);
    }

    /**
     * {@link #dossier(Actor, long)} with the bids and the log entries from their page {@code bidsPage}
     * and {@code logPage} (zero-based, {@link PageRequest#MAX_SIZE} each): where an auditor reads a
     * listing with more of them than one page holds.
     */
    @Transactional
    public DossierView dossier(Actor actor, long listingId, int bidsPage, int logPage) {
        requireListing(actor, listingId);
        return new DossierView(listings.get(actor, listingId), listings.history(actor, listingId),
                registrations.list(actor, listingId, null),
                auctions.bids(actor, listingId, null, new PageRequest(bidsPage, PageRequest.MAX_SIZE)),
                trades.findOfListing(actor, listingId).orElse(null), refunds.ofListing(actor, listingId),
                auditEntries(listingId, new PageRequest(logPage, PageRequest.MAX_SIZE)),
                repository.pendingAuditEntries(listingId));
    }

    /**
     * The dossier as its CSV export holds it: every bid and every log entry (the entries all against
     * the tree of the first page's checkpoint), read page by page; 400 when the bids or the entries are
     * more than the configured most rows of an export.
     */
    @Transactional
    public DossierView dossierExport(Actor actor, long listingId) {
        DossierView first = dossier(actor, listingId);
        exportable(first.bids().total());
        List<BidView> bids = new ArrayList<>(first.bids().items());
        for (int page = 1; bids.size() < first.bids().total(); page++) {
            List<BidView> more = auctions.bids(actor, listingId, null, new PageRequest(page, PageRequest.MAX_SIZE))
                    .items();
            if (more.isEmpty()) {
                break;
            }
            bids.addAll(more);
        }
        ListingEntriesView log = first.auditLog();
        if (log != null) {
            exportable(log.total());
            List<InclusionView> entries = new ArrayList<>(log.entries());
            for (int page = 1; entries.size() < log.total(); page++) {
                List<InclusionView> more = auditLogReader.listingEntries(listingId,
                        new PageRequest(page, PageRequest.MAX_SIZE), log.treeSize()).entries();
                if (more.isEmpty()) {
                    break;
                }
                entries.addAll(more);
            }
            log = new ListingEntriesView(log.listingId(), log.treeSize(), log.checkpoint(), entries, 0, entries.size(),
                    log.total());
        }
        return new DossierView(first.listing(), first.history(), first.registrations(),
                new PageView<>(bids, 0, Math.max(1, bids.size()), first.bids().total()), first.trade(),
                first.refunds(), log, first.pendingAuditEntries());
    }

    private ListingEntriesView auditEntries(long listingId, PageRequest page) {
        try {
            return auditLogReader.listingEntries(listingId, page, null);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null; // the log has no checkpoint yet
            }
            throw e;
        }
    }

    /**
     * Who is behind each registration and bidder number of a listing. The regulator must state why
     * (400 without a reason, and nothing is shown or logged); the reveal is written to the audit log
     * as {@code identity.revealed} in the same transaction. 404 for an unknown listing, 403 outside
     * the jurisdiction.
     */
    @Transactional
    public List<BidderIdentity> identities(Actor actor, long listingId, String reason) {
        requireListing(actor, listingId);
        String why = IdentityReveal.require(reason);
        List<BidderIdentity> identities = repository.identities(listingId).stream()
                .map(r -> new BidderIdentity(lng(r[0]), (String) r[1], RegistrationStatus.valueOf((String) r[2]),
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7]))
                .toList();
        auditLog.append(IdentityReveal.entry(actor, Instant.now(clock), listingId, why, "identities",
                identities.stream().map(BidderIdentity::bidderNo).filter(Objects::nonNull).toList(),
                identities.stream().map(BidderIdentity::registrationId).toList()));
        return identities;
    }

    // ---- statistics ------------------------------------------------------------------------------

    /**
     * Market volume of the sales that stand (sold, not defaulted) in scope, by asset type, region
     * (the first {@code regionDigits} digits of the listing's region: 2, 4, 6 or 9; default 6) and
     * month of the close: count, total area and price, and average price per 亩.
     */
    @Transactional
    public List<VolumeStatistics> statistics(Actor actor, Scope scope, Integer regionDigits) {
        int digits = regionDigits == null ? 6 : regionDigits;
        if (!REGION_DIGITS.contains(digits)) {
            throw ApiException.invalid("regionDigits", MessageKey.OVERSIGHT_REGION_DIGITS);
        }
        return repository.volumes(where(actor, scope, null), digits, zone).stream().map(r -> {
            long area = lng(r[4]);
            long total = lng(r[5]);
            long perMu = PricePerMu.fenPerMu(total, area);
            return new VolumeStatistics(AssetType.valueOf((String) r[0]), (String) r[1], (String) r[2], lng(r[3]),
                    Area.of(area), Money.ofFen(total), total, Money.ofFen(perMu), perMu);
        }).toList();
    }

    private OffsetDateTime at(Object value) {
        Instant i = instant(value);
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
