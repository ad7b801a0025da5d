package cn.landmarket.settlement;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.PartyService;

/**
 * Who may see which trade, and the trades they see: the seller township, the buying enterprise,
 * regulators whose jurisdiction covers the seller, and operators. Anyone else is told the trade does
 * not exist (404), as the API does for every record a caller may not see.
 */
@ApplicationScoped
public class TradeQueryService {

    private final TradeRepository trades;
    private final PartyService parties;
    private final ZoneId zone;

    TradeQueryService(TradeRepository trades, PartyService parties, MarketConfig market) {
        this.trades = trades;
        this.parties = parties;
        this.zone = market.zone();
    }

    /** The trade of a listing, for its parties, regulators of its region and operators (404 otherwise). */
    @Transactional
    public TradeView ofListing(Actor actor, long listingId) {
        parties.regulatorIfRegulator(actor); // 403 for an unregistered regulator before anything is looked up
        Trade t = trades.ofListing(listingId).orElseThrow(() -> ApiException.notFound("trade of listing", listingId));
        return visible(actor, t);
    }

    /** The trade of a listing if it has one and the caller may see it (as {@link #ofListing}); empty otherwise. */
    @Transactional
    public Optional<TradeView> findOfListing(Actor actor, long listingId) {
        return trades.ofListing(listingId).filter(t -> mayView(actor, t)).map(t -> TradeView.of(t, zone));
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
