package cn.landmarket.bank;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.DivisionCode;
import cn.landmarket.party.PartyService;

/** The refunds the platform owes, for the operator who pays them and the regulators who watch. */
@ApplicationScoped
public class RefundService {

    private final RefundRepository refunds;
    private final PartyService parties;
    private final ZoneId zone;
    private final Clock clock;

    RefundService(RefundRepository refunds, PartyService parties, MarketConfig config, Clock clock) {
        this.refunds = refunds;
        this.parties = parties;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * Refunds, all or only open or only paid ones, soonest due first: every one for an operator,
     * those of listings in its jurisdiction for a regulator (403 for anyone else).
     */
    @Transactional
    public PageView<RefundView> search(Actor actor, Boolean open, PageRequest page) {
        String jurisdiction;
        if (actor.is(Role.OPERATOR)) {
            jurisdiction = null;
        } else if (actor.is(Role.REGULATOR)) {
            jurisdiction = DivisionCode.jurisdictionPrefix(parties.regulatorOf(actor).code);
        } else {
            throw ApiException.forbidden("forbidden.role");
        }
        Instant now = Instant.now(clock);
        return PageView.of(refunds.search(open, jurisdiction), page, r -> RefundView.of(r, now, zone));
    }
}
