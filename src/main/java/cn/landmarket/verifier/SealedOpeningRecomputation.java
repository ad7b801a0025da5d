package cn.landmarket.verifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.landmarket.auction.QuotationValidity;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.auction.SealedOpening;

/**
 * Recomputes every sealed opening (README, "Sealed one-time quotation") from the public log: the
 * commitments ({@code quotation.committed}), the reveals ({@code quotation.revealed}, each checked
 * to open its commitment with {@link SealedCommitment} and to lie before the reveal deadline), the
 * announced terms ({@code listing.announced}), then validity, the winner with its tie rule and the
 * reserve with {@link SealedOpening}, the rule the service itself opens with; and compares that
 * with the published opening ({@code listing.sold} / {@code listing.unsold} of a sealed listing)
 * and with the forfeitures it caused ({@code quotation.deposit_forfeited}).
 */
final class SealedOpeningRecomputation implements Recomputation {

    static final String SEALED = "SEALED_QUOTATION";

    private record Commit(LogEntry entry, int sequence, String bidderNo, String commitment) {
    }

    /** What the log says about one sealed listing, in log order. */
    private static final class Sale {
        String listingNo;
        LogEntry announced;
        Long announcedStartFen;
        Boolean hasReserve;
        boolean sealedAnnounced;
        final List<Commit> commits = new ArrayList<>();
        final List<LogEntry> reveals = new ArrayList<>();
        final List<LogEntry> forfeits = new ArrayList<>();
        final List<LogEntry> openings = new ArrayList<>();
    }

    private final Map<Long, Sale> sales = new LinkedHashMap<>();

    @Override
    public String name() {
        return "sealed opening";
    }

    @Override
    public Set<String> entryTypes() {
        return Set.of("listing.announced", "quotation.committed", "quotation.revealed", "quotation.deposit_forfeited",
                "listing.sold", "listing.unsold");
    }

    @Override
    public void accept(LogEntry e) {
        Long listingId = e.listingId();
        if (listingId == null) {
            return;
        }
        switch (e.type()) {
            case "listing.announced" -> {
                // A resumed listing is announced again with its new schedule only: keep what was set.
                if (e.text("saleFormat") == null) {
                    return;
                }
                Sale s = sale(listingId);
                s.announced = e;
                s.sealedAnnounced = SEALED.equals(e.text("saleFormat"));
                s.listingNo = e.text("listingNo") != null ? e.text("listingNo") : s.listingNo;
                s.announcedStartFen = e.number("startPriceFen");
                s.hasReserve = e.facts().get("hasReservePrice") instanceof Boolean b ? b : null;
            }
            case "quotation.committed" -> {
                Long sequence = e.number("sequence");
                sale(listingId).commits.add(new Commit(e, sequence == null ? -1 : sequence.intValue(),
                        e.text("bidderNo"), e.text("commitment")));
            }
            case "quotation.revealed" -> sale(listingId).reveals.add(e);
            case "quotation.deposit_forfeited" -> sale(listingId).forfeits.add(e);
            default -> {
                // listing.sold / listing.unsold: an opening when the listing is sealed
                if (SEALED.equals(e.text("saleFormat")) || e.facts().containsKey("quotations")) {
                    sale(listingId).openings.add(e);
                }
            }
        }
    }

    private Sale sale(long listingId) {
        return sales.computeIfAbsent(listingId, id -> new Sale());
    }

    @Override
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Long, Sale> e : sales.entrySet()) {
            Sale s = e.getValue();
            if (s.openings.isEmpty()) {
                if (!s.commits.isEmpty() && !s.sealedAnnounced && s.announced != null) {
                    out.add(new Finding(name(), e.getKey(), s.listingNo, false, null, List.of(
                            s.commits.get(0).entry().where() + ": a quotation on a listing announced as "
                                    + s.announced.text("saleFormat") + " (" + s.announced.where() + ")")));
                }
                continue; // not opened yet: nothing published to compare
            }
            out.add(Recomputation.guarded(name(), e.getKey(), () -> recompute(e.getKey(), s)));
        }
        return out;
    }

    private Finding recompute(long listingId, Sale s) {
        List<String> bad = new ArrayList<>();
        LogEntry opening = s.openings.get(0);
        for (LogEntry again : s.openings.subList(1, s.openings.size())) {
            bad.add(again.where() + ": a second opening of the listing (the first is entry " + opening.index() + ")");
        }
        if (s.announced != null && !s.sealedAnnounced) {
            bad.add(opening.where() + ": a sealed opening of a listing announced as "
                    + s.announced.text("saleFormat") + " (" + s.announced.where() + ")");
        }
        String listingNo = s.listingNo != null ? s.listingNo : opening.text("listingNo");
        if (listingNo == null) {
            listingNo = s.reveals.stream().map(r -> r.text("listingNo")).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }
        if (opening.text("listingNo") != null && !opening.text("listingNo").equals(listingNo)) {
            bad.add(opening.where() + ": listing number " + opening.text("listingNo") + " is not the announced "
                    + listingNo);
        }
        Long startFen = opening.number("startPriceFen");
        if (startFen == null) {
            bad.add(opening.where() + ": no startPriceFen");
            return new Finding(name(), listingId, listingNo, false, null, bad);
        }
        if (s.announcedStartFen != null && !s.announcedStartFen.equals(startFen)) {
            bad.add(opening.where() + ": start price " + startFen + " fen is not the announced " + s.announcedStartFen
                    + " fen (" + s.announced.where() + ")");
        }
        Long reserveFen = opening.number("reservePriceFen");
        if (s.hasReserve != null && s.hasReserve != (reserveFen != null)) {
            bad.add(opening.where() + (reserveFen == null ? ": no reserve, but the listing was announced with one"
                    : ": a reserve of " + reserveFen + " fen, but the listing was announced without one"));
        }
        Instant deadline = instant(opening.text("revealDeadline"));
        if (deadline == null) {
            bad.add(opening.where() + ": no readable revealDeadline");
        }

        // The commitments, in log order: sequences 1, 2, … as the entries come, one per bidder.
        Map<Integer, Commit> bySequence = new HashMap<>();
        Set<String> bidders = new HashSet<>();
        int expected = 1;
        for (Commit c : s.commits) {
            if (c.sequence() != expected) {
                bad.add(c.entry().where() + ": sequence " + c.sequence() + " where the log order gives " + expected);
            }
            expected++;
            if (bySequence.putIfAbsent(c.sequence(), c) != null) {
                bad.add(c.entry().where() + ": a second commitment with sequence " + c.sequence());
            }
            if (!bidders.add(String.valueOf(c.bidderNo()))) {
                bad.add(c.entry().where() + ": a second commitment of bidder " + c.bidderNo());
            }
            if (!SealedCommitment.isHex64(c.commitment())) {
                bad.add(c.entry().where() + ": the commitment is not 64 lower-case hex characters");
            }
        }

        // The reveals: each must open its own commitment, in time.
        Map<Integer, LogEntry> accepted = new HashMap<>();
        for (LogEntry r : s.reveals) {
            Long seq = r.number("sequence");
            Commit c = seq == null ? null : bySequence.get(seq.intValue());
            String who = r.where() + " (sequence " + seq + ", bidder " + r.text("bidderNo") + ")";
            if (c == null) {
                bad.add(who + ": no quotation.committed entry has this sequence");
                continue;
            }
            if (!Objects.equals(c.bidderNo(), r.text("bidderNo")) || !Objects.equals(c.commitment(), r.text("commitment"))) {
                bad.add(who + ": bidder or commitment differ from the commitment's " + c.entry().where());
                continue;
            }
            if (r.text("listingNo") != null && !r.text("listingNo").equals(listingNo)) {
                bad.add(who + ": listing number " + r.text("listingNo") + " is not " + listingNo);
            }
            Long amountFen = r.number("amountFen");
            String salt = r.text("salt");
            if (amountFen == null || salt == null || listingNo == null
                    || !SealedCommitment.opens(c.commitment(), listingNo, c.bidderNo(), amountFen, salt)) {
                bad.add(who + ": amount " + amountFen + " fen and salt " + salt + " do not open the commitment "
                        + c.commitment() + " of " + c.entry().where());
                continue;
            }
            Instant at = instant(r.text("revealedAt") != null ? r.text("revealedAt") : r.time());
            if (at == null || deadline != null && !at.isBefore(deadline)) {
                bad.add(who + ": revealed at " + at + ", not before the reveal deadline " + deadline);
                continue;
            }
            if (accepted.putIfAbsent(c.sequence(), r) != null) {
                bad.add(who + ": the quotation was revealed already in entry " + accepted.get(c.sequence()).index());
                continue;
            }
            String validity = SealedOpening.validity(amountFen, startFen).name();
            if (!validity.equals(r.text("validity"))) {
                bad.add(who + ": logged validity " + r.text("validity") + ", recomputed " + validity);
            }
        }

        List<SealedOpening.Quotation> quotations = s.commits.stream()
                .filter(c -> bySequence.get(c.sequence()) == c)
                .map(c -> new SealedOpening.Quotation(c.sequence(), c.bidderNo(),
                        accepted.containsKey(c.sequence()) ? accepted.get(c.sequence()).number("amountFen") : null))
                .toList();
        SealedOpening.Opening recomputed = SealedOpening.open(quotations, startFen, reserveFen);
        compareQuotations(opening, recomputed, bySequence, accepted, bad);
        compareResult(opening, recomputed, bad);
        compareForfeits(s, opening, recomputed, bad);

        Optional<SealedOpening.Judged> winner = recomputed.winner();
        String summary = winner.map(w -> "SOLD to bidder " + w.bidderNo() + " at " + w.amountFen() + " fen (sequence "
                + w.sequence() + " of " + quotations.size() + " quotations)")
                .orElse("UNSOLD, " + recomputed.result() + " (" + quotations.size() + " quotations)");
        return bad.isEmpty() ? new Finding(name(), listingId, listingNo, true, summary, List.of())
                : new Finding(name(), listingId, listingNo, false, "recomputed: " + summary, bad);
    }

    /** The published list of quotations against the recomputed judgement, quotation by quotation. */
    private static void compareQuotations(LogEntry opening, SealedOpening.Opening recomputed,
            Map<Integer, Commit> commits, Map<Integer, LogEntry> accepted, List<String> bad) {
        Map<Integer, Map<String, Object>> published = new HashMap<>();
        for (Map<String, Object> q : opening.objects("quotations")) {
            Long seq = LogEntry.number(q, "sequence");
            if (seq == null || published.putIfAbsent(seq.intValue(), q) != null) {
                bad.add(opening.where() + ": a published quotation without a sequence, or twice the same");
            }
        }
        for (SealedOpening.Judged j : recomputed.quotations()) {
            Map<String, Object> p = published.remove(j.sequence());
            String which = opening.where() + ": quotation " + j.sequence() + " (bidder " + j.bidderNo() + ")";
            if (p == null) {
                bad.add(which + " is missing from the published opening");
                continue;
            }
            LogEntry reveal = accepted.get(j.sequence());
            differ(which, "bidderNo", LogEntry.text(p, "bidderNo"), j.bidderNo(), bad);
            differ(which, "amountFen", LogEntry.number(p, "amountFen"), j.amountFen(), bad);
            differ(which, "salt", LogEntry.text(p, "salt"), reveal == null ? null : reveal.text("salt"), bad);
            differ(which, "commitment", LogEntry.text(p, "commitment"), commits.get(j.sequence()).commitment(), bad);
            differ(which, "validity", LogEntry.text(p, "validity"), j.validity().name(), bad);
        }
        for (Integer extra : published.keySet()) {
            bad.add(opening.where() + ": published quotation " + extra + " has no quotation.committed entry");
        }
    }

    private static void compareResult(LogEntry opening, SealedOpening.Opening recomputed, List<String> bad) {
        String at = opening.where() + ": ";
        differ(at + "result", null, opening.text("result"), recomputed.result().name(), bad);
        Optional<SealedOpening.Judged> winner = recomputed.winner();
        String outcome = winner.isPresent() ? "SOLD" : "UNSOLD";
        differ(at + "outcome", null, opening.text("outcome"), outcome, bad);
        if (!opening.type().equals("listing." + outcome.toLowerCase(java.util.Locale.ROOT))) {
            bad.add(at + "the listing moved to " + opening.type() + " where the recomputed outcome is " + outcome);
        }
        if (winner.isPresent()) {
            SealedOpening.Judged w = winner.get();
            differ(at + "winner", "winningSequence", opening.number("winningSequence"), (long) w.sequence(), bad);
            differ(at + "winner", "winningBidderNo", opening.text("winningBidderNo"), w.bidderNo(), bad);
            differ(at + "winner", "winningAmountFen", opening.number("winningAmountFen"), w.amountFen(), bad);
        } else {
            String reason = recomputed.result() == SealedOpening.Result.BELOW_RESERVE ? "BELOW_RESERVE"
                    : "NO_VALID_QUOTATION";
            differ(at + "unsold", "unsoldReason", opening.text("unsoldReason"), reason, bad);
            differ(at + "unsold", "highestValidAmountFen", opening.number("highestValidAmountFen"),
                    recomputed.best().map(SealedOpening.Judged::amountFen).orElse(null), bad);
            if (opening.number("winningSequence") != null || opening.text("winningBidderNo") != null) {
                bad.add(at + "a winner is published for an opening without one");
            }
        }
    }

    /** Deposits forfeited by the opening: only those of quotations not revealed, and only under FORFEIT. */
    private static void compareForfeits(Sale s, LogEntry opening, SealedOpening.Opening recomputed, List<String> bad) {
        boolean forfeit = "FORFEIT".equals(opening.text("unrevealedDeposit"));
        Set<Integer> unrevealed = new HashSet<>();
        recomputed.quotations().stream().filter(j -> j.validity() == QuotationValidity.NOT_REVEALED)
                .forEach(j -> unrevealed.add(j.sequence()));
        for (LogEntry f : s.forfeits) {
            Long seq = f.number("sequence");
            if (!forfeit) {
                bad.add(f.where() + ": a deposit forfeited although the opening refunds those not revealed");
            } else if (seq == null || !unrevealed.contains(seq.intValue())) {
                bad.add(f.where() + ": the deposit of quotation " + seq + " forfeited, but it was revealed in time");
            }
        }
    }

    private static void differ(String which, String field, Object published, Object recomputed, List<String> bad) {
        if (!Objects.equals(published, recomputed)) {
            bad.add(which + (field == null ? "" : " " + field) + ": published " + published + ", recomputed "
                    + recomputed);
        }
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
