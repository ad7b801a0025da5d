package cn.landmarket.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.landmarket.settlement.RunnerUpRule;

/**
 * Recomputes every runner-up award (README, "Runner-up award") from the public log: the sale's valid
 * prices (every {@code bid.accepted} of an open sale; the quotations a sealed {@code listing.sold}
 * judges {@code VALID}), the winner and the reserve ({@code listing.sold}), the bidders each choice
 * entry logs as ineligible for a fact the log cannot otherwise show (barred, not verified, deposit
 * not held: taken as logged, each a known reason), then the choice with {@link RunnerUpRule}, the rule
 * the service chooses with; and compares that with the choice logged when the winner's trade opened
 * ({@code runner_up.held} or {@code runner_up.none}: the candidates, the runner-up, its sequence and
 * price), with the choice made again at the winner's default ({@code runner_up.offered}: to whom and
 * at what price, or {@code runner_up.lapsed}: nobody eligible any more) and with the steps that
 * follow, each of which must come after the one it answers. Each step must also follow the trade
 * entry that caused it: an offer or lapse the {@code trade.defaulted} of the winner's trade (and no
 * {@code trade.settled} of it), a release its {@code trade.settled}, the runner-up's default and
 * decline the {@code trade.defaulted} and {@code trade.declined} of the offer's trade; and a default
 * of the winner's trade while a runner-up is held must be followed by its offer or lapse, and the
 * opening of the winner's trade ({@code trade.created}) of a listing announced with the award by the
 * choice; each as soon as the log goes on after it (a checkpoint may split one transaction's entries).
 */
final class RunnerUpRecomputation implements Recomputation {

    private static final String ENTRY = "runner_up.";
    private static final String TRADE = "trade.";

    /** What the log says about one listing's sale and its runner-up, in log order. */
    private static final class Award {
        final List<RunnerUpRule.Price> bids = new ArrayList<>();
        LogEntry sold;
        /** Whether {@code listing.announced} chose the runner-up award. */
        boolean award;
        /** The {@code trade.created} of the winner's trade (the first without {@code runnerUpOf}). */
        LogEntry winnerTrade;
        /** The runner-up's entries and the trade entries that cause them, in log order. */
        final List<LogEntry> steps = new ArrayList<>();
    }

    private final Map<Long, Award> awards = new LinkedHashMap<>();

    /**
     * The latest time of an entry read. A step is missing only when the log goes on after the entry
     * that calls for it: the entries of one transaction share its time, and a checkpoint may fall
     * between them while the rest waits for the next one.
     */
    private Instant latest;

    @Override
    public String name() {
        return "runner-up award";
    }

    @Override
    public Set<String> entryTypes() {
        return Set.of("listing.announced", "bid.accepted", "listing.sold", TRADE + "created", ENTRY + "held", ENTRY + "none", ENTRY + "offered",
                ENTRY + "lapsed", ENTRY + "accepted", ENTRY + "declined", ENTRY + "released", ENTRY + "defaulted",
                TRADE + "defaulted", TRADE + "settled", TRADE + "declined");
    }

    @Override
    public void accept(LogEntry e) {
        Long listingId = e.listingId();
        if (listingId == null) {
            return;
        }
        Award a = awards.computeIfAbsent(listingId, id -> new Award());
        Instant at = time(e);
        if (at != null && (latest == null || at.isAfter(latest))) {
            latest = at;
        }
        switch (e.type()) {
            case "listing.announced" -> a.award |= Boolean.TRUE.equals(e.facts().get("runnerUpAward"));
            case "trade.created" -> {
                if (a.winnerTrade == null && e.facts().get("runnerUpOf") == null) {
                    a.winnerTrade = e;
                }
            }
            case "bid.accepted" -> {
                Long sequence = e.number("sequence");
                Long amount = e.number("amountFen");
                if (sequence != null && amount != null && e.text("bidderNo") != null) {
                    a.bids.add(new RunnerUpRule.Price(sequence.intValue(), e.text("bidderNo"), amount));
                }
            }
            case "listing.sold" -> {
                if (a.sold == null) {
                    a.sold = e;
                }
            }
            default -> a.steps.add(e);
        }
    }

    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Long, Award> e : awards.entrySet()) {
            Award a = e.getValue();
            if (a.steps.stream().anyMatch(s -> s.type().startsWith(ENTRY))) {
                out.add(Recomputation.guarded(name(), e.getKey(), () -> recompute(e.getKey(), a)));
            } else if (a.award && a.winnerTrade != null && followed(a.winnerTrade)) {
                out.add(new Finding(name(), e.getKey(), a.sold == null ? null : a.sold.text("listingNo"), false,
                        "recomputed: no runner-up choice", List.of(a.winnerTrade.where() + ": the winner's trade "
                                + "of a listing announced with a runner-up award opened, but no " + ENTRY + "held or "
                                + ENTRY + "none follows")));
            }
        }
        return out;
    }

    private static Instant time(LogEntry e) {
        try {
            return e.time() == null ? null : Instant.parse(e.time());
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    /** Whether the log goes on after this entry's moment. */
    private boolean followed(LogEntry e) {
        Instant at = time(e);
        return at != null && latest != null && latest.isAfter(at);
    }

    /** The trade entries seen so far of the winner's trade and of the offer's. */
    private static final class Trades {
        LogEntry winnerDefaulted;
        LogEntry winnerSettled;
        LogEntry offerDefaulted;
        LogEntry offerDeclined;
        /** The winner's default while a runner-up is held, until an offer or lapse answers it. */
        LogEntry unanswered;
    }

    private Finding recompute(long listingId, Award a) {
        List<String> bad = new ArrayList<>();
        int first = 0;
        while (!a.steps.get(first).type().startsWith(ENTRY)) {
            first++;
        }
        LogEntry choice = a.steps.get(first);
        if (a.sold == null || a.sold.index() > choice.index()) {
            bad.add(choice.where() + ": a runner-up step of a listing not sold before it");
            return new Finding(name(), listingId, null, false, null, bad);
        }
        LogEntry sold = a.sold;
        String listingNo = sold.text("listingNo");

        // the sale's valid prices as the log shows them
        List<RunnerUpRule.Price> prices = new ArrayList<>();
        boolean sealed = "SEALED_QUOTATION".equals(sold.text("saleFormat")) || sold.facts().containsKey("quotations");
        if (sealed) {
            for (Map<String, Object> q : sold.objects("quotations")) {
                Long sequence = LogEntry.number(q, "sequence");
                Long amount = LogEntry.number(q, "amountFen");
                if ("VALID".equals(LogEntry.text(q, "validity")) && sequence != null && amount != null) {
                    prices.add(new RunnerUpRule.Price(sequence.intValue(), LogEntry.text(q, "bidderNo"), amount));
                }
            }
        } else {
            prices.addAll(a.bids);
        }
        RunnerUpRule.Choice held = choose(choice, sold, prices, bad);
        Optional<RunnerUpRule.Price> heldRunnerUp = held.runnerUp();

        String expectedType = ENTRY + (heldRunnerUp.isPresent() ? "held" : "none");
        if (!choice.type().equals(expectedType)) {
            bad.add(choice.where() + ": the first runner-up step, where the recomputed choice is " + expectedType);
        }
        compareChoice(choice, sold, held, bad);

        // the steps that follow, each after the one it answers and the trade entry that causes it
        Long winnerTrade = choice.number("winnerTradeId");
        Long offerTrade = null;
        Trades trades = new Trades();
        RunnerUpRule.Choice current = held;
        String state = choice.type().substring(ENTRY.length());
        for (LogEntry step : a.steps.subList(first + 1, a.steps.size())) {
            if (step.type().startsWith(TRADE)) {
                Long tradeId = step.number("tradeId");
                String kind = step.type().substring(TRADE.length());
                if (tradeId != null && tradeId.equals(winnerTrade)) {
                    if (kind.equals("defaulted") && trades.winnerDefaulted == null) {
                        trades.winnerDefaulted = step;
                        if (state.equals("held")) {
                            trades.unanswered = step;
                        }
                    } else if (kind.equals("settled") && trades.winnerSettled == null) {
                        trades.winnerSettled = step;
                    }
                } else if (tradeId != null && tradeId.equals(offerTrade)) {
                    if (kind.equals("defaulted")) {
                        trades.offerDefaulted = step;
                    } else if (kind.equals("declined")) {
                        trades.offerDeclined = step;
                    }
                }
                continue;
            }
            String kind = step.type().substring(ENTRY.length());
            boolean allowed = switch (kind) {
                case "released", "offered", "lapsed" -> state.equals("held");
                case "accepted", "declined", "defaulted" -> state.equals("offered") || state.equals("accepted")
                        && kind.equals("defaulted");
                default -> false;
            };
            if (!allowed) {
                bad.add(step.where() + ": " + kind + " after " + state);
            }
            state = kind;
            linkToTrade(step, kind, winnerTrade, offerTrade, trades, bad);
            Optional<RunnerUpRule.Price> runnerUp = current.runnerUp();
            if (kind.equals("offered") || kind.equals("lapsed")) {
                trades.unanswered = null;
                current = choose(step, sold, prices, bad);
                String expected = current.runnerUp().isPresent() ? "offered" : "lapsed";
                if (!kind.equals(expected)) {
                    bad.add(step.where() + ": " + kind + " at the winner's default, where the choice made again "
                            + "then is " + ENTRY + expected);
                }
                compareChoice(step, sold, current, bad);
                differ(step.where() + ":", "heldBidderNo", step.text("heldBidderNo"),
                        heldRunnerUp.map(RunnerUpRule.Price::bidderNo).orElse(null), bad);
                runnerUp = kind.equals("offered") ? current.runnerUp() : heldRunnerUp;
                if (kind.equals("offered")) {
                    offerTrade = step.number("tradeId");
                }
            }
            String which = step.where() + ": runner-up";
            differ(which, "bidderNo", step.text("bidderNo"), runnerUp.map(RunnerUpRule.Price::bidderNo).orElse(null),
                    bad);
            differ(which, "sequence", step.number("sequence"),
                    runnerUp.map(p -> (long) p.sequence()).orElse(null), bad);
            differ(which, "priceFen", step.number("priceFen"), runnerUp.map(RunnerUpRule.Price::amountFen).orElse(null),
                    bad);
        }
        if (trades.unanswered != null && followed(trades.unanswered)) {
            bad.add(trades.unanswered.where() + ": the winner's trade " + winnerTrade + " defaulted with runner-up "
                    + heldRunnerUp.map(RunnerUpRule.Price::bidderNo).orElse(null) + " held, but no " + ENTRY
                    + "offered or " + ENTRY + "lapsed follows");
        }

        String summary = current.runnerUp().map(p -> "bidder " + p.bidderNo() + " at " + p.amountFen()
                + " fen (sequence " + p.sequence() + ")").orElse("no runner-up") + " among "
                + current.candidates().size() + " other bidders; " + state;
        return bad.isEmpty() ? new Finding(name(), listingId, listingNo, true, summary, List.of())
                : new Finding(name(), listingId, listingNo, false, "recomputed: " + summary, bad);
    }

    /** A runner-up step against the trade entry that must come before it. */
    private static void linkToTrade(LogEntry step, String kind, Long winnerTrade, Long offerTrade, Trades trades,
            List<String> bad) {
        switch (kind) {
            case "offered", "lapsed" -> {
                if (trades.winnerDefaulted == null) {
                    bad.add(step.where() + ": " + kind + " without a logged " + TRADE + "defaulted of the winner's "
                            + "trade " + winnerTrade + " before it");
                }
                if (trades.winnerSettled != null) {
                    bad.add(step.where() + ": " + kind + " after the winner's trade " + winnerTrade + " settled ("
                            + trades.winnerSettled.where() + ")");
                }
            }
            case "released" -> {
                if (trades.winnerSettled == null) {
                    bad.add(step.where() + ": released without a logged " + TRADE + "settled of the winner's trade "
                            + winnerTrade + " before it");
                }
            }
            case "defaulted" -> {
                if (trades.offerDefaulted == null) {
                    bad.add(step.where() + ": defaulted without a logged " + TRADE + "defaulted of the offer's trade "
                            + offerTrade + " before it");
                }
            }
            case "declined" -> {
                if (trades.offerDeclined == null) {
                    bad.add(step.where() + ": declined without a logged " + TRADE + "declined of the offer's trade "
                            + offerTrade + " before it");
                }
            }
            default -> {
            }
        }
    }

    /**
     * The choice as the rule makes it with the sale's prices and the bidders a logged choice
     * ({@code runner_up.held}, {@code .none}, {@code .offered} or {@code .lapsed}) names ineligible
     * for a fact of its moment; an unknown reason is a disagreement.
     */
    private static RunnerUpRule.Choice choose(LogEntry e, LogEntry sold, List<RunnerUpRule.Price> prices,
            List<String> bad) {
        Map<String, RunnerUpRule.Ineligible> ineligible = new HashMap<>();
        List<Map<String, Object>> published = e.objects("candidates");
        for (int i = 0; i < published.size(); i++) {
            String reason = LogEntry.text(published.get(i), "ineligible");
            if (reason == null) {
                continue;
            }
            RunnerUpRule.Ineligible why = RunnerUpRule.Ineligible.named(reason);
            if (why == null) {
                bad.add(e.where() + ": candidate " + (i + 1) + " (bidder " + LogEntry.text(published.get(i), "bidderNo")
                        + ") ineligible for an unknown reason " + reason);
            } else if (why != RunnerUpRule.Ineligible.BELOW_RESERVE) { // that one the rule recomputes
                ineligible.put(LogEntry.text(published.get(i), "bidderNo"), why);
            }
        }
        String winner = sold.text("winningBidderNo");
        return RunnerUpRule.choose(prices, winner == null ? "" : winner, sold.number("reservePriceFen"), ineligible);
    }

    /** A logged choice ({@code runner_up.held}, {@code .none}, {@code .offered} or {@code .lapsed}) against the recomputed one. */
    private static void compareChoice(LogEntry e, LogEntry sold, RunnerUpRule.Choice recomputed, List<String> bad) {
        String at = e.where() + ":";
        Optional<RunnerUpRule.Price> runnerUp = recomputed.runnerUp();
        differ(at, "winningBidderNo", e.text("winningBidderNo"), sold.text("winningBidderNo"), bad);
        differ(at, "reservePriceFen", e.number("reservePriceFen"), sold.number("reservePriceFen"), bad);
        differ(at, "runnerUpBidderNo", e.text("runnerUpBidderNo"),
                runnerUp.map(RunnerUpRule.Price::bidderNo).orElse(null), bad);
        differ(at, "runnerUpSequence", e.number("runnerUpSequence"),
                runnerUp.map(p -> (long) p.sequence()).orElse(null), bad);
        differ(at, "runnerUpAmountFen", e.number("runnerUpAmountFen"),
                runnerUp.map(RunnerUpRule.Price::amountFen).orElse(null), bad);
        List<Map<String, Object>> published = e.objects("candidates");
        List<RunnerUpRule.Candidate> candidates = recomputed.candidates();
        for (int i = 0; i < Math.max(published.size(), candidates.size()); i++) {
            Map<String, Object> p = i < published.size() ? published.get(i) : null;
            RunnerUpRule.Candidate c = i < candidates.size() ? candidates.get(i) : null;
            String which = at + " candidate " + (i + 1);
            if (p == null || c == null) {
                bad.add(which + (p == null ? " (bidder " + c.price().bidderNo() + ") is missing"
                        : " (bidder " + LogEntry.text(p, "bidderNo") + ") is no bidder other than the winner"));
                continue;
            }
            differ(which, "bidderNo", LogEntry.text(p, "bidderNo"), c.price().bidderNo(), bad);
            differ(which, "sequence", LogEntry.number(p, "sequence"), (long) c.price().sequence(), bad);
            differ(which, "amountFen", LogEntry.number(p, "amountFen"), c.price().amountFen(), bad);
            differ(which, "eligible", p.get("eligible"), c.eligible(), bad);
            if (p.containsKey("ineligible")) { // logged since the eligibility of the moment counts
                differ(which, "ineligible", LogEntry.text(p, "ineligible"),
                        c.ineligible() == null ? null : c.ineligible().name(), bad);
            }
        }
    }

    private static void differ(String which, String field, Object published, Object recomputed, List<String> bad) {
        if (!Objects.equals(published, recomputed)) {
            bad.add(which + " " + field + ": published " + published + ", recomputed " + recomputed);
        }
    }
}
