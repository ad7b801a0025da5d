package cn.landmarket.verifier;

import java.util.ArrayList;
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
 * judges {@code VALID}), the winner and the reserve ({@code listing.sold}), then the choice with
 * {@link RunnerUpRule}, the rule the service chooses with; and compares that with the choice logged
 * when the winner's trade opened ({@code runner_up.held} or {@code runner_up.none}: the candidates,
 * the runner-up, its sequence and price), with the offer after the winner's default
 * ({@code runner_up.offered}: to whom and at what price) and with the steps that follow, each of
 * which must come after the one it answers.
 */
final class RunnerUpRecomputation implements Recomputation {

    private static final String ENTRY = "runner_up.";

    /** What the log says about one listing's sale and its runner-up, in log order. */
    private static final class Award {
        final List<RunnerUpRule.Price> bids = new ArrayList<>();
        LogEntry sold;
        final List<LogEntry> steps = new ArrayList<>();
    }

    private final Map<Long, Award> awards = new LinkedHashMap<>();

    @Override
    public String name() {
        return "runner-up award";
    }

    @Override
    public Set<String> entryTypes() {
        return Set.of("bid.accepted", "listing.sold", ENTRY + "held", ENTRY + "none", ENTRY + "offered",
                ENTRY + "accepted", ENTRY + "declined", ENTRY + "released", ENTRY + "defaulted");
    }

    @Override
    public void accept(LogEntry e) {
        Long listingId = e.listingId();
        if (listingId == null) {
            return;
        }
        Award a = awards.computeIfAbsent(listingId, id -> new Award());
        switch (e.type()) {
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
            if (!e.getValue().steps.isEmpty()) {
                out.add(recompute(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    private Finding recompute(long listingId, Award a) {
        List<String> bad = new ArrayList<>();
        LogEntry choice = a.steps.get(0);
        if (a.sold == null || a.sold.index() > choice.index()) {
            bad.add(choice.where() + ": a runner-up step of a listing not sold before it");
            return new Finding(name(), listingId, null, false, null, bad);
        }
        LogEntry sold = a.sold;
        String listingNo = sold.text("listingNo");
        String winner = sold.text("winningBidderNo");
        Long reserve = sold.number("reservePriceFen");

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
        RunnerUpRule.Choice recomputed = RunnerUpRule.choose(prices, winner == null ? "" : winner, reserve);
        Optional<RunnerUpRule.Price> runnerUp = recomputed.runnerUp();

        String expectedType = ENTRY + (runnerUp.isPresent() ? "held" : "none");
        if (!choice.type().equals(expectedType)) {
            bad.add(choice.where() + ": the first runner-up step, where the recomputed choice is " + expectedType);
        }
        compareChoice(choice, sold, recomputed, bad);

        // the steps that follow, each after the one it answers
        String state = choice.type().substring(ENTRY.length());
        for (LogEntry step : a.steps.subList(1, a.steps.size())) {
            String kind = step.type().substring(ENTRY.length());
            boolean allowed = switch (kind) {
                case "released", "offered" -> state.equals("held");
                case "accepted", "declined", "defaulted" -> state.equals("offered");
                default -> false;
            };
            if (!allowed) {
                bad.add(step.where() + ": " + kind + " after " + state);
            }
            state = kind;
            if (kind.equals("offered")) {
                compareChoice(step, sold, recomputed, bad);
            }
            String which = step.where() + ": runner-up";
            differ(which, "bidderNo", step.text("bidderNo"), runnerUp.map(RunnerUpRule.Price::bidderNo).orElse(null),
                    bad);
            differ(which, "sequence", step.number("sequence"),
                    runnerUp.map(p -> (long) p.sequence()).orElse(null), bad);
            differ(which, "priceFen", step.number("priceFen"), runnerUp.map(RunnerUpRule.Price::amountFen).orElse(null),
                    bad);
        }

        String summary = runnerUp.map(p -> "bidder " + p.bidderNo() + " at " + p.amountFen() + " fen (sequence "
                + p.sequence() + ")").orElse("no runner-up") + " among " + recomputed.candidates().size()
                + " other bidders; " + state;
        return bad.isEmpty() ? new Finding(name(), listingId, listingNo, true, summary, List.of())
                : new Finding(name(), listingId, listingNo, false, "recomputed: " + summary, bad);
    }

    /** A logged choice ({@code runner_up.held}, {@code .none} or {@code .offered}) against the recomputed one. */
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
        }
    }

    private static void differ(String which, String field, Object published, Object recomputed, List<String> bad) {
        if (!Objects.equals(published, recomputed)) {
            bad.add(which + " " + field + ": published " + published + ", recomputed " + recomputed);
        }
    }
}
