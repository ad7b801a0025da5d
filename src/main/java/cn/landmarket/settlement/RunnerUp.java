package cn.landmarket.settlement;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import cn.landmarket.audit.AuditEntry;

/**
 * The runner-up of a listing sold with a runner-up award (domain.md, "After the sale"): the bidder
 * {@link RunnerUpRule} chose when the winner's trade opened, at its own price, whose deposit is held
 * until the winner settles or defaults, and the offer of the lot it is then made.
 */
@Entity
@Table(name = "runner_up")
public class RunnerUp {

    /** First part of the type of the runner-up's audit entries ({@code runner_up.held}, ...). */
    static final String ENTRY = "runner_up";

    @Id
    @Column(name = "listing_id")
    public Long listingId;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "bidder_no")
    public String bidderNo;

    /** The sequence of its price in the listing (its best bid's, or its quotation's). */
    public int seq;

    @Column(name = "price_fen")
    public long priceFen;

    @Column(name = "winner_trade_id")
    public long winnerTradeId;

    @Enumerated(EnumType.STRING)
    public RunnerUpStatus status;

    /** The trade that offers it the lot, once OFFERED. */
    @Column(name = "trade_id")
    public Long tradeId;

    @Column(name = "held_at")
    public Instant heldAt;

    /** When it stopped being HELD or OFFERED: released, offered, accepted, declined or defaulted. */
    @Column(name = "decided_at")
    public Instant decidedAt;

    @Version
    public long version;

    /**
     * The facts of a runner-up choice, enough to recompute it from the log: the sale's format, start
     * price and reserve, the winner's bidder number and trade, every other bidder at its best price
     * with whether it was eligible and, if not, why (below the reserve, or a fact of the moment the
     * log cannot show otherwise: barred, not verified, deposit not held), the rule, and the choice
     * (or none).
     */
    static Map<String, Object> choiceFacts(long listingId, String saleFormat, long startPriceFen, Long reserveFen,
            String winnerBidderNo, long winnerTradeId, RunnerUpRule.Choice choice, Long registrationId) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("saleFormat", saleFormat);
        facts.put("startPriceFen", startPriceFen);
        facts.put("reservePriceFen", reserveFen);
        facts.put("winningBidderNo", winnerBidderNo);
        facts.put("winnerTradeId", winnerTradeId);
        facts.put("rule", RunnerUpRule.RULE);
        List<Map<String, Object>> candidates = choice.candidates().stream().map(c -> {
            Map<String, Object> f = new HashMap<>();
            f.put("sequence", c.price().sequence());
            f.put("bidderNo", c.price().bidderNo());
            f.put("amountFen", c.price().amountFen());
            f.put("eligible", c.eligible());
            f.put("ineligible", c.ineligible() == null ? null : c.ineligible().name());
            return f;
        }).toList();
        facts.put("candidates", candidates);
        facts.put("runnerUpBidderNo", choice.runnerUp().map(RunnerUpRule.Price::bidderNo).orElse(null));
        facts.put("runnerUpSequence", choice.runnerUp().map(RunnerUpRule.Price::sequence).orElse(null));
        facts.put("runnerUpAmountFen", choice.runnerUp().map(RunnerUpRule.Price::amountFen).orElse(null));
        facts.put("runnerUpRegistrationId", registrationId);
        return facts;
    }

    /** {@code runner_up.held} (a runner-up, its deposit held) or {@code runner_up.none} (nobody eligible). */
    static AuditEntry choiceEntry(Map<String, Object> facts, Instant at, String actor) {
        return new AuditEntry(ENTRY + (facts.get("runnerUpBidderNo") == null ? ".none" : ".held"), at, actor, facts);
    }

    /** {@code runner_up.released}: the winner settled; the runner-up's deposit is owed back as any loser's. */
    AuditEntry releasedEntry(String actor) {
        Map<String, Object> facts = facts();
        facts.put("reason", "winner's trade " + winnerTradeId + " settled");
        return new AuditEntry(ENTRY + ".released", decidedAt, actor, facts);
    }

    /**
     * {@code runner_up.offered}: the winner defaulted; the lot is offered to the runner-up at its own
     * price by a new trade, with why it was chosen (the choice made again at the default, each
     * candidate's eligibility then), the bidder held until then ({@code heldBidderNo}: another one
     * when the held runner-up was no longer eligible) and the offer's deadline.
     */
    AuditEntry offeredEntry(Map<String, Object> choiceFacts, String heldBidderNo, String winnerDefault, Trade offer,
            String actor) {
        Map<String, Object> facts = new HashMap<>(choiceFacts);
        facts.putAll(facts());
        facts.put("heldBidderNo", heldBidderNo);
        facts.put("reason", "winner's trade " + winnerTradeId + " defaulted: " + winnerDefault);
        facts.put("tradeId", offer.id);
        facts.put("priceFen", offer.priceFen);
        facts.put("depositFen", offer.depositFen);
        facts.put("confirmDeadline", offer.confirmDeadline.toString());
        return new AuditEntry(ENTRY + ".offered", decidedAt, actor, facts);
    }

    /**
     * {@code runner_up.lapsed}: the winner defaulted but, chosen again at the default, nobody is
     * eligible any more (the held runner-up barred, no longer verified or without its deposit, and
     * every other bidder too): the lot is not offered but released. Carries the choice's facts and
     * the held runner-up.
     */
    AuditEntry lapsedEntry(Map<String, Object> choiceFacts, String winnerDefault, String actor) {
        Map<String, Object> facts = new HashMap<>(choiceFacts);
        facts.putAll(facts());
        facts.put("heldBidderNo", bidderNo);
        facts.put("reason", "winner's trade " + winnerTradeId + " defaulted: " + winnerDefault
                + "; no eligible runner-up left");
        return new AuditEntry(ENTRY + ".lapsed", decidedAt, actor, facts);
    }

    /** {@code runner_up.accepted}, {@code .declined} or {@code .defaulted}: how the runner-up answered its offer. */
    AuditEntry answeredEntry(String reason, String actor) {
        Map<String, Object> facts = facts();
        facts.put("reason", reason);
        return new AuditEntry(ENTRY + "." + status.name().toLowerCase(java.util.Locale.ROOT), decidedAt, actor, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("status", status.name());
        facts.put("registrationId", registrationId);
        facts.put("bidderNo", bidderNo);
        facts.put("sequence", seq);
        facts.put("priceFen", priceFen);
        facts.put("winnerTradeId", winnerTradeId);
        facts.put("tradeId", tradeId);
        return facts;
    }
}
