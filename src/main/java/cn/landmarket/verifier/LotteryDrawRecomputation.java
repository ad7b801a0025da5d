package cn.landmarket.verifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import cn.landmarket.auction.LotteryCommitment;
import cn.landmarket.auction.LotteryDraw;

/**
 * Recomputes every lottery at the cap (README, "Lottery at the cap") from the public log: the round's
 * opening ({@code listing.lottery}: the cap's bidder, the deadlines, the platform's commitment; a
 * resumed round's {@code listing.lottery} moves the deadlines), each entry ({@code lottery.entered},
 * before the entry deadline, one per bidder), each reveal ({@code lottery.revealed}, checked to open
 * its entry's commitment with {@link LotteryCommitment} inside the reveal window), the platform's
 * contribution against its commitment, then the seed and the winner with {@link LotteryDraw}, the
 * rule the service draws with; and compares that with the draw {@code listing.sold} published under
 * {@code lottery}, and with its winner and price.
 */
final class LotteryDrawRecomputation implements Recomputation {

    static final String LOTTERY = "LOTTERY";

    private record Entered(LogEntry entry, Long sequence, String bidderNo, String commitment) {
    }

    /** What the log says about one listing's lottery, in log order. */
    private static final class Round {
        LogEntry opened;
        String listingNo;
        String capBidderNo;
        Long capFen;
        String platformCommitment;
        Instant entryDeadline;
        Instant revealDeadline;
        final Map<String, Entered> entries = new LinkedHashMap<>();
        /** The contribution each bidder revealed in time that opens its commitment, with its entry. */
        final Map<String, LogEntry> revealed = new LinkedHashMap<>();
        final List<String> bad = new ArrayList<>();
        final List<LogEntry> draws = new ArrayList<>();
    }

    private final Map<Long, Round> rounds = new LinkedHashMap<>();

    @Override
    public String name() {
        return "lottery draw";
    }

    @Override
    public Set<String> entryTypes() {
        return Set.of("listing.lottery", "lottery.entered", "lottery.revealed", "listing.sold");
    }

    @Override
    public void accept(LogEntry e) {
        Long listingId = e.listingId();
        if (listingId == null) {
            return;
        }
        switch (e.type()) {
            case "listing.lottery" -> opened(round(listingId), e);
            case "lottery.entered" -> entered(round(listingId), e);
            case "lottery.revealed" -> revealed(round(listingId), e);
            default -> {
                // listing.sold: a draw when it carries one or says the cap drew lots
                if (LOTTERY.equals(e.text("capAction")) || e.facts().get("lottery") != null) {
                    round(listingId).draws.add(e);
                }
            }
        }
    }

    private Round round(long listingId) {
        return rounds.computeIfAbsent(listingId, id -> new Round());
    }

    /** The round's opening, or its resumption after a suspension (new deadlines only). */
    private static void opened(Round r, LogEntry e) {
        Instant entryDeadline = instant(e.text("lotteryEntryDeadline"));
        Instant revealDeadline = instant(e.text("lotteryRevealDeadline"));
        if (entryDeadline == null || revealDeadline == null) {
            r.bad.add(e.where() + ": no readable lotteryEntryDeadline and lotteryRevealDeadline");
        } else {
            r.entryDeadline = entryDeadline;
            r.revealDeadline = revealDeadline;
        }
        if (e.text("platformCommitment") == null) {
            if (r.opened == null) {
                r.bad.add(e.where() + ": a lottery round resumed that was never opened");
            }
            return; // a resumption: the deadlines moved by the suspension's length
        }
        if (r.opened != null) {
            r.bad.add(e.where() + ": a second opening of the round (the first is entry " + r.opened.index() + ")");
            return;
        }
        r.opened = e;
        r.listingNo = e.text("listingNo");
        r.capBidderNo = e.text("capBidderNo");
        r.capFen = e.number("capFen");
        r.platformCommitment = e.text("platformCommitment");
        if (!LotteryCommitment.isHex64(r.platformCommitment)) {
            r.bad.add(e.where() + ": the platform's commitment is not 64 lower-case hex characters");
        }
        if (r.listingNo == null || r.capBidderNo == null || r.capFen == null) {
            r.bad.add(e.where() + ": no listingNo, capBidderNo or capFen");
        }
    }

    private static void entered(Round r, LogEntry e) {
        String bidderNo = e.text("bidderNo");
        String who = e.where() + " (bidder " + bidderNo + ")";
        if (r.opened == null) {
            r.bad.add(who + ": an entry before the round opened");
            return;
        }
        Instant at = instant(e.text("enteredAt") != null ? e.text("enteredAt") : e.time());
        if (at == null || r.entryDeadline != null && !at.isBefore(r.entryDeadline)) {
            r.bad.add(who + ": entered at " + at + ", not before the entry deadline " + r.entryDeadline);
            return;
        }
        if (!LotteryCommitment.isHex64(e.text("commitment"))) {
            r.bad.add(who + ": the commitment is not 64 lower-case hex characters");
            return;
        }
        if (r.entries.containsKey(bidderNo)) {
            r.bad.add(who + ": a second entry of the bidder (the first is entry "
                    + r.entries.get(bidderNo).entry().index() + ")");
            return;
        }
        long expected = r.entries.size() + 1L;
        if (!Objects.equals(e.number("sequence"), expected)) {
            r.bad.add(who + ": sequence " + e.number("sequence") + " where the log order gives " + expected);
        }
        r.entries.put(bidderNo, new Entered(e, e.number("sequence"), bidderNo, e.text("commitment")));
    }

    private static void revealed(Round r, LogEntry e) {
        String bidderNo = e.text("bidderNo");
        String who = e.where() + " (bidder " + bidderNo + ")";
        Entered entered = r.entries.get(bidderNo);
        if (entered == null) {
            r.bad.add(who + ": a reveal without a lottery.entered entry of the bidder");
            return;
        }
        if (!Objects.equals(entered.commitment(), e.text("commitment"))) {
            r.bad.add(who + ": commitment " + e.text("commitment") + " is not the one entered in "
                    + entered.entry().where());
            return;
        }
        String contribution = e.text("contribution");
        if (!LotteryCommitment.opens(entered.commitment(), r.listingNo, bidderNo, contribution)) {
            r.bad.add(who + ": contribution " + contribution + " does not open the commitment "
                    + entered.commitment() + " of " + entered.entry().where());
            return;
        }
        Instant at = instant(e.text("revealedAt") != null ? e.text("revealedAt") : e.time());
        if (at == null || r.entryDeadline == null || at.isBefore(r.entryDeadline) || !at.isBefore(r.revealDeadline)) {
            r.bad.add(who + ": revealed at " + at + ", outside the reveal window from " + r.entryDeadline + " to "
                    + r.revealDeadline);
            return;
        }
        if (r.revealed.containsKey(bidderNo)) {
            r.bad.add(who + ": the contribution was revealed already in entry " + r.revealed.get(bidderNo).index());
            return;
        }
        r.revealed.put(bidderNo, e);
    }

    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Long, Round> e : rounds.entrySet()) {
            Round r = e.getValue();
            if (r.draws.isEmpty()) {
                if (!r.bad.isEmpty()) {
                    out.add(new Finding(name(), e.getKey(), r.listingNo, false, null, r.bad));
                }
                continue; // not drawn (yet, or the listing was terminated): nothing published to compare
            }
            out.add(Recomputation.guarded(name(), e.getKey(), () -> recompute(e.getKey(), r)));
        }
        return out;
    }

    private Finding recompute(long listingId, Round r) {
        List<String> bad = new ArrayList<>(r.bad);
        LogEntry sold = r.draws.get(0);
        for (LogEntry again : r.draws.subList(1, r.draws.size())) {
            bad.add(again.where() + ": a second draw of the listing (the first is entry " + sold.index() + ")");
        }
        String at = sold.where() + ": ";
        if (r.opened == null) {
            bad.add(at + "a lottery sale without a listing.lottery entry opening the round");
            return new Finding(name(), listingId, sold.text("listingNo"), false, null, bad);
        }
        Map<String, Object> lottery = sold.facts().get("lottery") instanceof Map<?, ?> m ? cast(m) : null;
        if (lottery == null) {
            bad.add(at + "no lottery facts");
            return new Finding(name(), listingId, r.listingNo, false, null, bad);
        }
        String draw = at + "lottery";
        differ(draw, "listingNo", lottery.get("listingNo"), r.listingNo, bad);
        differ(draw, "capBidderNo", lottery.get("capBidderNo"), r.capBidderNo, bad);
        differ(draw, "capFen", lottery.get("capFen"), r.capFen, bad);
        differ(draw, "platformCommitment", lottery.get("platformCommitment"), r.platformCommitment, bad);
        differ(draw, "entryDeadline", lottery.get("entryDeadline"), text(r.entryDeadline), bad);
        differ(draw, "revealDeadline", lottery.get("revealDeadline"), text(r.revealDeadline), bad);

        // the published entries against the logged ones, contribution by contribution
        Map<String, Map<String, Object>> published = new LinkedHashMap<>();
        for (Map<String, Object> p : LogEntry.objects(lottery, "entries")) {
            String bidderNo = LogEntry.text(p, "bidderNo");
            if (bidderNo == null || published.putIfAbsent(bidderNo, p) != null) {
                bad.add(draw + " an entry without a bidder number, or twice the same");
            }
        }
        for (Entered en : r.entries.values()) {
            Map<String, Object> p = published.remove(en.bidderNo());
            String which = draw + " entry of " + en.bidderNo();
            if (p == null) {
                bad.add(which + " (" + en.entry().where() + ") is missing from the draw");
                continue;
            }
            differ(which, "sequence", LogEntry.number(p, "sequence"), en.sequence(), bad);
            differ(which, "commitment", LogEntry.text(p, "commitment"), en.commitment(), bad);
            LogEntry reveal = r.revealed.get(en.bidderNo());
            differ(which, "contribution", LogEntry.text(p, "contribution"),
                    reveal == null ? null : reveal.text("contribution"), bad);
        }
        for (String extra : published.keySet()) {
            bad.add(draw + " entry of " + extra + " has no lottery.entered entry");
        }

        // the platform's contribution must open the commitment it published before anyone entered
        String platformContribution = LogEntry.text(lottery, "platformContribution");
        boolean platformOpens = r.listingNo != null && LotteryCommitment.opens(r.platformCommitment, r.listingNo,
                LotteryCommitment.PLATFORM, platformContribution);
        if (!platformOpens) {
            bad.add(draw + " the platform's contribution " + platformContribution + " does not open its commitment "
                    + r.platformCommitment + " of " + r.opened.where());
        }

        // the draw from the logged inputs alone
        TreeSet<String> entrants = new TreeSet<>();
        if (r.capBidderNo != null) {
            entrants.add(r.capBidderNo);
        }
        entrants.addAll(r.entries.keySet());
        List<LotteryDraw.Contribution> contributions = r.revealed.entrySet().stream()
                .map(x -> new LotteryDraw.Contribution(x.getKey(), x.getValue().text("contribution"))).toList();
        LotteryDraw.Result recomputed;
        try {
            recomputed = LotteryDraw.draw(r.listingNo, List.copyOf(entrants), contributions,
                    platformContribution == null ? "" : platformContribution);
        } catch (RuntimeException ex) {
            bad.add(at + "the draw cannot be recomputed: " + ex.getMessage());
            return new Finding(name(), listingId, r.listingNo, false, null, bad);
        }
        differ(draw, "entrants", lottery.get("entrants"), recomputed.entrants(), bad);
        differ(draw, "drawn", lottery.get("drawn"), recomputed.drawn(), bad);
        differ(draw, "seed", lottery.get("seed"), recomputed.seed(), bad);
        differ(draw, "winnerIndex", lottery.get("winnerIndex"), (long) recomputed.winnerIndex(), bad);
        differ(draw, "winnerBidderNo", lottery.get("winnerBidderNo"), recomputed.winnerBidderNo(), bad);
        differ(at + "winner", "winningBidderNo", sold.text("winningBidderNo"), recomputed.winnerBidderNo(), bad);
        differ(at + "winner", "winningAmountFen", sold.number("winningAmountFen"), r.capFen, bad);

        // the draw happens once its time has come: at the reveal deadline, or alone at the entry deadline
        Instant drawnAt = instant(sold.time());
        Instant due = recomputed.drawn() ? r.revealDeadline : r.entryDeadline;
        if (drawnAt == null || due == null || drawnAt.isBefore(due)) {
            bad.add(at + "drawn at " + drawnAt + ", before it was due at " + due);
        }

        String summary = (recomputed.drawn()
                ? "drawn among " + entrants.size() + " entrants (" + contributions.size() + " revealed), seed "
                        + recomputed.seed() + ", index " + recomputed.winnerIndex()
                : "the cap's bidder the only entrant")
                + ": SOLD to bidder " + recomputed.winnerBidderNo() + " at " + r.capFen + " fen";
        return bad.isEmpty() ? new Finding(name(), listingId, r.listingNo, true, summary, List.of())
                : new Finding(name(), listingId, r.listingNo, false, "recomputed: " + summary, bad);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static void differ(String which, String field, Object published, Object recomputed, List<String> bad) {
        if (!Objects.equals(published, recomputed)) {
            bad.add(which + (field == null ? "" : " " + field) + ": published " + published + ", recomputed "
                    + recomputed);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
