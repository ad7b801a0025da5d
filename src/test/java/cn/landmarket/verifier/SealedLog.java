package cn.landmarket.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.auction.SealedOpening;

/**
 * The public log of sealed sales as the service writes it (README, "What is logged"): the
 * announcement, commitments, reveals, forfeitures and the opening, with the same types and facts,
 * for the recomputation's tests without a service. Entries are canonical JSON, in log order.
 */
final class SealedLog {

    final List<byte[]> entries = new ArrayList<>();
    private final Random random = new Random(17);
    private Instant time = Instant.parse("2026-11-23T02:00:00Z");

    /** One sealed listing's state as the service holds it. */
    final class Sale {
        final long listingId;
        final String listingNo;
        final long startFen;
        final Long reserveFen;
        final Instant revealDeadline;
        final List<Map<String, Object>> quotations = new ArrayList<>();

        Sale(long listingId, long startFen, Long reserveFen) {
            this.listingId = listingId;
            this.listingNo = "GT-510722-2026-" + String.format("%06d", listingId);
            this.startFen = startFen;
            this.reserveFen = reserveFen;
            this.revealDeadline = time.plusSeconds(86_400);
            Map<String, Object> facts = base();
            facts.put("from", "APPROVED");
            facts.put("to", "ANNOUNCED");
            facts.put("reason", null);
            facts.put("listingNo", listingNo);
            facts.put("saleFormat", "SEALED_QUOTATION");
            facts.put("startPriceFen", startFen);
            facts.put("hasReservePrice", reserveFen != null);
            add("listing.announced", "system:timeline", facts);
        }

        private Map<String, Object> base() {
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            return facts;
        }

        /** A commitment of {@code amountFen}: the quotation as the bidder holds it (with its secret amount and salt). */
        Map<String, Object> commit(String bidderNo, long amountFen) {
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            Map<String, Object> q = new HashMap<>();
            q.put("sequence", quotations.size() + 1);
            q.put("bidderNo", bidderNo);
            q.put("commitment", SealedCommitment.of(listingNo, bidderNo, amountFen, HexFormat.of().formatHex(salt)));
            q.put("secretAmountFen", amountFen);
            q.put("secretSalt", HexFormat.of().formatHex(salt));
            quotations.add(q);
            Map<String, Object> facts = quotationFacts(q);
            facts.put("committedAt", time.toString());
            add("quotation.committed", "bidder:" + bidderNo, facts);
            return q;
        }

        /** The bidder's reveal, logged as the service logs it (amount and salt as committed). */
        long reveal(Map<String, Object> q) {
            return reveal(q, (Long) q.get("secretAmountFen"), (String) q.get("secretSalt"), time);
        }

        /** A reveal entry with the given amount, salt and time, whether or not they open the commitment. */
        long reveal(Map<String, Object> q, long amountFen, String salt, Instant at) {
            q.put("amountFen", amountFen);
            q.put("salt", salt);
            Map<String, Object> facts = quotationFacts(q);
            facts.put("listingNo", listingNo);
            facts.put("amountFen", amountFen);
            facts.put("salt", salt);
            facts.put("validity", SealedOpening.validity(amountFen, startFen).name());
            facts.put("revealedAt", at.toString());
            return add("quotation.revealed", "bidder:" + q.get("bidderNo"), facts);
        }

        /** The opening as QuotationService writes it, from the reveals logged; forfeits unrevealed deposits. */
        long open() {
            time = revealDeadline.plusSeconds(1);
            SealedOpening.Opening o = SealedOpening.open(quotations.stream()
                    .map(q -> new SealedOpening.Quotation((Integer) q.get("sequence"), (String) q.get("bidderNo"),
                            (Long) q.get("amountFen")))
                    .toList(), startFen, reserveFen);
            for (Map<String, Object> q : quotations) {
                if (q.get("amountFen") == null) {
                    Map<String, Object> facts = quotationFacts(q);
                    facts.put("registrationId", 1000L + (Integer) q.get("sequence"));
                    facts.put("forfeitedFen", 400_000_000L);
                    facts.put("reason", "NOT_REVEALED");
                    add("quotation.deposit_forfeited", "system:opening", facts);
                }
            }
            Map<String, Object> facts = base();
            facts.put("from", "LISTING");
            facts.put("reason", "opened");
            facts.put("saleFormat", "SEALED_QUOTATION");
            facts.put("listingNo", listingNo);
            facts.put("result", o.result().name());
            facts.put("startPriceFen", startFen);
            facts.put("reservePriceFen", reserveFen);
            facts.put("revealDeadline", revealDeadline.toString());
            facts.put("unrevealedDeposit", "FORFEIT");
            List<Map<String, Object>> judged = new ArrayList<>();
            for (SealedOpening.Judged j : o.quotations()) {
                Map<String, Object> q = quotations.get(j.sequence() - 1);
                Map<String, Object> f = new HashMap<>();
                f.put("sequence", j.sequence());
                f.put("bidderNo", j.bidderNo());
                f.put("commitment", q.get("commitment"));
                f.put("amountFen", q.get("amountFen"));
                f.put("salt", q.get("salt"));
                f.put("validity", j.validity().name());
                judged.add(f);
            }
            facts.put("quotations", judged);
            String to;
            if (o.winner().isPresent()) {
                to = "SOLD";
                facts.put("winningBidId", 5000L + listingId);
                facts.put("winningSequence", o.winner().get().sequence());
                facts.put("winningBidderNo", o.winner().get().bidderNo());
                facts.put("winningAmountFen", o.winner().get().amountFen());
            } else {
                to = "UNSOLD";
                facts.put("unsoldReason", o.result() == SealedOpening.Result.BELOW_RESERVE ? "BELOW_RESERVE"
                        : "NO_VALID_QUOTATION");
                facts.put("highestValidAmountFen", o.best().map(SealedOpening.Judged::amountFen).orElse(null));
            }
            facts.put("outcome", to);
            facts.put("to", to);
            return add("listing." + to.toLowerCase(), "system:opening", facts);
        }

        private Map<String, Object> quotationFacts(Map<String, Object> q) {
            Map<String, Object> facts = base();
            facts.put("sequence", q.get("sequence"));
            facts.put("bidderNo", q.get("bidderNo"));
            facts.put("commitment", q.get("commitment"));
            return facts;
        }
    }

    Sale sealed(long listingId, long startFen, Long reserveFen) {
        return new Sale(listingId, startFen, reserveFen);
    }

    /** Appends an entry a second after the last one; returns its index. */
    long add(String type, String actor, Map<String, Object> facts) {
        time = time.plusSeconds(1);
        entries.add(new AuditEntry(type, time, actor, facts).bytes());
        return entries.size() - 1;
    }

    /** Changes entry {@code index} behind the service's back: {@code from} becomes {@code to} in its JSON. */
    void tamper(long index, String from, String to) {
        String json = new String(entries.get((int) index), java.nio.charset.StandardCharsets.UTF_8);
        if (!json.contains(from)) {
            throw new AssertionError(from + " is not in entry " + index + ": " + json);
        }
        entries.set((int) index, json.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Instant now() {
        return time;
    }

    /** Lets {@code seconds} pass before the next entry. */
    void advance(long seconds) {
        time = time.plusSeconds(seconds);
    }
}
