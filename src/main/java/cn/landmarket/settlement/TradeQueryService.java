package cn.landmarket.settlement;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.auction.RegistrationRepository;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.PartyService;

/**
 * Who may see which trade, and the trades they see: the seller township, the buying enterprise,
 * regulators whose jurisdiction covers the seller, and operators. Anyone else is told the trade does
 * not exist (404), as the API does for every record a caller may not see.
 */
@ApplicationScoped
public class TradeQueryService {

    private final TradeRepository trades;
    private final RunnerUpRepository runnerUps;
    private final RegistrationRepository registrations;
    private final ListingService listings;
    private final PartyService parties;
    private final ZoneId zone;

    TradeQueryService(TradeRepository trades, RunnerUpRepository runnerUps, RegistrationRepository registrations,
            ListingService listings, PartyService parties, MarketConfig market) {
        this.trades = trades;
        this.runnerUps = runnerUps;
        this.registrations = registrations;
        this.listings = listings;
        this.parties = parties;
        this.zone = market.zone();
    }

    /**
     * The trade of a listing, for its parties, regulators of its region and operators (404
     * otherwise): the latest the caller may see, so the runner-up's once the lot was offered to it
     * (while the defaulted winner still sees its own).
     */
    @Transactional
    public TradeView ofListing(Actor actor, long listingId) {
        parties.regulatorIfRegulator(actor); // 403 for an unregistered regulator before anything is looked up
        List<Trade> all = trades.allOfListing(listingId);
        if (all.isEmpty()) {
            throw ApiException.notFound("trade of listing", listingId);
        }
        return latestVisible(actor, all).orElseThrow(() -> ApiException.notFound("trade", all.get(all.size() - 1).id));
    }

    /** The trade of a listing if it has one and the caller may see it (as {@link #ofListing}); empty otherwise. */
    @Transactional
    public Optional<TradeView> findOfListing(Actor actor, long listingId) {
        return latestVisible(actor, trades.allOfListing(listingId));
    }

    private Optional<TradeView> latestVisible(Actor actor, List<Trade> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (mayView(actor, all.get(i))) {
                return Optional.of(TradeView.of(all.get(i), zone));
            }
        }
        return Optional.empty();
    }

    /**
     * The runner-up of a listing sold with a runner-up award (domain.md, "After the sale"): bidder
     * number, price, where it stands and the trade that offers it the lot, for everyone who may see
     * the listing (its facts are public in the log), {@code mine} for the runner-up itself. 404 when
     * the listing has none (no award, not closed yet, or nobody eligible); otherwise as the listing
     * is seen (404 / 403).
     */
    @Transactional
    public RunnerUpView runnerUp(Actor actor, long listingId) {
        listings.get(actor, listingId);
        RunnerUp u = runnerUps.findByIdOptional(listingId)
                .orElseThrow(() -> ApiException.notFound("runner-up of listing", listingId));
        Boolean mine = actor.is(Role.ENTERPRISE)
                ? registrations.findById(u.registrationId).enterpriseCode.equals(actor.org()) : null;
        return new RunnerUpView(u.listingId, u.bidderNo, u.seq, Money.ofFen(u.priceFen), u.status, u.winnerTradeId,
                u.tradeId, at(u.heldAt), at(u.decidedAt), mine);
    }

    private java.time.OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The trades the calling enterprise bought, newest first (403 for any other role). */
    @Transactional
    public List<TradeView> bought(Actor actor) {
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return trades.ofBuyer(actor.org()).stream().map(t -> TradeView.of(t, zone)).toList();
    }

    @Transactional
    public TradeView get(Actor actor, long tradeId) {
        parties.regulatorIfRegulator(actor); // 403 for an unregistered regulator before anything is looked up
        Trade t = trades.findByIdOptional(tradeId).orElseThrow(() -> ApiException.notFound("trade", tradeId));
        return visible(actor, t);
    }

    private TradeView visible(Actor actor, Trade t) {
        if (!mayView(actor, t)) {
            throw ApiException.notFound("trade", t.id);
        }
        return TradeView.of(t, zone);
    }

    private boolean mayView(Actor actor, Trade t) {
        return switch (actor.role()) {
            case TOWNSHIP -> actor.org().equals(t.sellerCode);
            case ENTERPRISE -> actor.org().equals(t.buyerCode);
            case REGULATOR -> parties.regulatorOf(actor).covers(t.sellerCode);
            case OPERATOR -> true;
        };
    }
}
