package cn.landmarket.auction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The draw of a lottery at the cap (domain.md, "Sale formats"; README, "Lottery at the cap"), from
 * what the public log holds. Entrants are ordered by bidder number (the strings' character order;
 * bidder numbers are 8 upper-case letters and digits). When there are two or more:
 *
 * <pre>
 * seed   = SHA-256( UTF-8( "lm-lottery-seed-v1\n" + listingNo + "\n"
 *                          + for each revealed contribution, by bidder number: bidderNo + ":" + contribution + "\n"
 *                          + "PLATFORM:" + platformContribution ) )
 * index  = seed read as an unsigned big-endian integer, mod the number of entrants
 * winner = the entrant at that index (from 0)
 * </pre>
 *
 * An entrant that revealed nothing adds nothing to the seed and is still drawn from. A single
 * entrant wins without a draw (no seed). Plain Java only, so the verifier can use it as it is: it
 * takes the facts of the log entry that published the draw ({@link #recompute(Map)}).
 */
public final class LotteryDraw {

    /** The version tag that starts the seed's string. */
    public static final String SEED_VERSION = "lm-lottery-seed-v1";

    private LotteryDraw() {
    }

    /** A revealed contribution: the entrant's bidder number and its 64 hex characters. */
    public record Contribution(String bidderNo, String contribution) {
    }

    /**
     * A draw: the entrants in bidder-number order, whether lots were drawn (two or more entrants),
     * the seed (lower-case hex; null without a draw), the winner's index among the entrants and its
     * bidder number.
     */
    public record Result(List<String> entrants, boolean drawn, String seed, int winnerIndex, String winnerBidderNo) {
    }

    /** The string whose SHA-256 is the seed; contributions in bidder-number order. */
    public static String seedPreimage(String listingNo, List<Contribution> revealed, String platformContribution) {
        StringBuilder s = new StringBuilder(SEED_VERSION).append('\n').append(listingNo).append('\n');
        for (Contribution c : sorted(revealed)) {
            s.append(c.bidderNo()).append(':').append(c.contribution()).append('\n');
        }
        return s.append(LotteryCommitment.PLATFORM).append(':').append(platformContribution).toString();
    }

    /** The seed: lower-case hex SHA-256 of the UTF-8 bytes of {@link #seedPreimage}. */
    public static String seed(String listingNo, List<Contribution> revealed, String platformContribution) {
        return HexFormat.of().formatHex(LotteryCommitment.sha256(seedPreimage(listingNo, revealed,
                platformContribution)));
    }

    /** The winner's index among {@code entrants} entrants: the seed as an unsigned big-endian integer mod {@code entrants}. */
    public static int winnerIndex(String seedHex, int entrants) {
        return new BigInteger(1, HexFormat.of().parseHex(seedHex)).mod(BigInteger.valueOf(entrants)).intValue();
    }

    /**
     * Draws among {@code entrants} (any order, no repeats) with the contributions revealed by some of
     * them and the platform's. Raises IllegalArgumentException without entrants, for a repeated
     * entrant, or for a contribution of a bidder that is not an entrant.
     */
    public static Result draw(String listingNo, List<String> entrants, List<Contribution> revealed,
            String platformContribution) {
        TreeSet<String> ordered = new TreeSet<>(entrants);
        if (ordered.isEmpty() || ordered.size() != entrants.size()) {
            throw new IllegalArgumentException("entrants must be at least one, without repeats: " + entrants);
        }
        for (Contribution c : revealed) {
            if (!ordered.contains(c.bidderNo())) {
                throw new IllegalArgumentException(c.bidderNo() + " revealed a contribution but is no entrant");
            }
        }
        List<String> list = List.copyOf(ordered);
        if (list.size() == 1) {
            return new Result(list, false, null, 0, list.get(0));
        }
        String seed = seed(listingNo, revealed, platformContribution);
        int index = winnerIndex(seed, list.size());
        return new Result(list, true, seed, index, list.get(index));
    }

    /**
     * Recomputes a draw from the {@code lottery} facts of the log entry that published it (the
     * listing's {@code listing.sold}), as a JSON parser gives them: {@code listingNo},
     * {@code capBidderNo}, {@code entries} (each {@code bidderNo}, {@code commitment} and
     * {@code contribution}, null when not revealed), {@code platformCommitment},
     * {@code platformContribution}, and the published {@code entrants}, {@code drawn}, {@code seed},
     * {@code winnerIndex} and {@code winnerBidderNo}. Returns every way the published draw disagrees
     * with the recomputation (empty when it agrees): a contribution or the platform's that does not
     * open its commitment, entrants that are not the cap's bidder and the entries, a wrong seed, index
     * or winner.
     */
    public static List<String> recompute(Map<String, ?> lottery) {
        List<String> wrong = new ArrayList<>();
        String listingNo = (String) lottery.get("listingNo");
        String platformCommitment = (String) lottery.get("platformCommitment");
        String platformContribution = (String) lottery.get("platformContribution");
        if (!LotteryCommitment.opens(platformCommitment, listingNo, LotteryCommitment.PLATFORM, platformContribution)) {
            wrong.add("the platform's contribution does not open its commitment " + platformCommitment);
        }
        TreeSet<String> entrants = new TreeSet<>();
        entrants.add((String) lottery.get("capBidderNo"));
        List<Contribution> revealed = new ArrayList<>();
        Object entries = lottery.get("entries");
        for (Object o : entries instanceof List<?> l ? l : List.of()) {
            Map<?, ?> e = (Map<?, ?>) o;
            String bidderNo = (String) e.get("bidderNo");
            entrants.add(bidderNo);
            String contribution = (String) e.get("contribution");
            if (contribution == null) {
                continue;
            }
            if (!LotteryCommitment.opens((String) e.get("commitment"), listingNo, bidderNo, contribution)) {
                wrong.add("the contribution of " + bidderNo + " does not open its commitment " + e.get("commitment"));
                continue;
            }
            revealed.add(new Contribution(bidderNo, contribution));
        }
        Result result = draw(listingNo, List.copyOf(entrants), revealed, platformContribution);
        if (!result.entrants().equals(lottery.get("entrants"))) {
            wrong.add("entrants " + lottery.get("entrants") + ", recomputed " + result.entrants());
        }
        if (!Objects.equals(result.drawn(), lottery.get("drawn"))) {
            wrong.add("drawn " + lottery.get("drawn") + ", recomputed " + result.drawn());
        }
        if (!Objects.equals(result.seed(), lottery.get("seed"))) {
            wrong.add("seed " + lottery.get("seed") + ", recomputed " + result.seed());
        }
        Object index = lottery.get("winnerIndex");
        if (!(index instanceof Number n) || n.longValue() != result.winnerIndex()) {
            wrong.add("winner index " + index + ", recomputed " + result.winnerIndex());
        }
        if (!Objects.equals(result.winnerBidderNo(), lottery.get("winnerBidderNo"))) {
            wrong.add("winner " + lottery.get("winnerBidderNo") + ", recomputed " + result.winnerBidderNo());
        }
        return wrong;
    }

    private static List<Contribution> sorted(List<Contribution> revealed) {
        return revealed.stream().sorted(Comparator.comparing(Contribution::bidderNo)).toList();
    }
}
