package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The lottery's commitment, seed and winner rule (domain.md, "Sale formats"), against values
 * computed outside Java with Python's hashlib:
 *
 * <pre>
 * import hashlib
 * L = 'GT-510722-2026-000123'
 * commit = lambda b, x: hashlib.sha256(('lm-lottery-v1\n' + L + '\n' + b + '\n' + x).encode()).hexdigest()
 * pre = 'lm-lottery-seed-v1\n' + L + '\n' + 'A2B3C4D5:' + '11' * 32 + '\n' + 'ZZ9Y8X7W:' + 'ab' * 32 + '\n' \
 *       + 'PLATFORM:' + '03' * 32
 * seed = hashlib.sha256(pre.encode()).hexdigest()   # 382b7590...
 * int(seed, 16) % 3                                  # 2: sorted entrants A2B3C4D5, M3N4P5Q6, ZZ9Y8X7W
 * </pre>
 */
class LotteryDrawTest {

    private static final String LISTING = "GT-510722-2026-000123";
    private static final String A = "A2B3C4D5";
    private static final String M = "M3N4P5Q6";
    private static final String Z = "ZZ9Y8X7W";
    private static final String CONTRIBUTION_A = "11".repeat(32);
    private static final String CONTRIBUTION_Z = "ab".repeat(32);
    private static final String CONTRIBUTION_M = "fe".repeat(32);
    private static final String PLATFORM = "03".repeat(32);
    private static final String SEED = "382b759078b583d31c63a8ef478890a4f27af4ecd536f6f00c0d4dd98760d533";

    @Test
    void commitmentsAreTheSha256OfTheDocumentedStringAsPythonComputesThem() {
        assertEquals("4004c98da34783b0b511f392ef0d8f8b9ec6066c0df9f33ce39c9ca92b1275ae",
                LotteryCommitment.of(LISTING, A, CONTRIBUTION_A));
        assertEquals("6df59b3b1bb3b004ee77f4f7aaa60adef848e8a9f43d7d1c035be3904de6092e",
                LotteryCommitment.of(LISTING, Z, CONTRIBUTION_Z));
        assertEquals("f83922b361580399ce29e79abdf45a120b40017decca405f4f1ffa6a5c8aa6ee",
                LotteryCommitment.of(LISTING, LotteryCommitment.PLATFORM, PLATFORM));
        assertTrue(LotteryCommitment.opens(LotteryCommitment.of(LISTING, A, CONTRIBUTION_A), LISTING, A,
                CONTRIBUTION_A));
        assertFalse(LotteryCommitment.opens(LotteryCommitment.of(LISTING, A, CONTRIBUTION_A), LISTING, Z,
                CONTRIBUTION_A), "a commitment is bound to its bidder number");
        assertFalse(LotteryCommitment.opens(LotteryCommitment.of(LISTING, Z, CONTRIBUTION_Z), LISTING, Z,
                CONTRIBUTION_Z.toUpperCase()), "a contribution is lower-case hex");
    }

    @Test
    void theSeedHashesRevealedContributionsInBidderNumberOrderThenThePlatformsAndTheIndexIsItModTheEntrants() {
        // given in reverse order: the rule sorts them
        List<LotteryDraw.Contribution> revealed = List.of(new LotteryDraw.Contribution(Z, CONTRIBUTION_Z),
                new LotteryDraw.Contribution(A, CONTRIBUTION_A));
        assertEquals(SEED, LotteryDraw.seed(LISTING, revealed, PLATFORM));
        assertEquals(2, LotteryDraw.winnerIndex(SEED, 3));
        LotteryDraw.Result draw = LotteryDraw.draw(LISTING, List.of(Z, M, A), revealed, PLATFORM);
        assertEquals(List.of(A, M, Z), draw.entrants());
        assertTrue(draw.drawn());
        assertEquals(SEED, draw.seed());
        assertEquals(2, draw.winnerIndex());
        assertEquals(Z, draw.winnerBidderNo());
    }

    @Test
    void anEntrantThatRevealsNothingIsStillDrawnFromButChangesNoSeed() {
        // M never revealed: the same seed as above, and M is still one of the three drawn from
        LotteryDraw.Result draw = LotteryDraw.draw(LISTING, List.of(A, M, Z),
                List.of(new LotteryDraw.Contribution(A, CONTRIBUTION_A), new LotteryDraw.Contribution(Z, CONTRIBUTION_Z)),
                PLATFORM);
        assertEquals(SEED, draw.seed());
        assertEquals(3, draw.entrants().size());
        // with M's contribution the seed is another (python: sha256 of the string with 'M3N4P5Q6:' + 'fe' * 32)
        String withM = LotteryDraw.seed(LISTING, List.of(new LotteryDraw.Contribution(A, CONTRIBUTION_A),
                new LotteryDraw.Contribution(M, CONTRIBUTION_M), new LotteryDraw.Contribution(Z, CONTRIBUTION_Z)),
                PLATFORM);
        assertFalse(withM.equals(SEED));
    }

    @Test
    void aSingleEntrantWinsWithoutADraw() {
        LotteryDraw.Result draw = LotteryDraw.draw(LISTING, List.of(A), List.of(), PLATFORM);
        assertFalse(draw.drawn());
        assertNull(draw.seed());
        assertEquals(A, draw.winnerBidderNo());
    }

    @Test
    void entrantsMustBeDistinctAndEveryContributionAnEntrants() {
        assertThrows(IllegalArgumentException.class, () -> LotteryDraw.draw(LISTING, List.of(), List.of(), PLATFORM));
        assertThrows(IllegalArgumentException.class, () -> LotteryDraw.draw(LISTING, List.of(A, A), List.of(),
                PLATFORM));
        assertThrows(IllegalArgumentException.class, () -> LotteryDraw.draw(LISTING, List.of(A, Z),
                List.of(new LotteryDraw.Contribution(M, CONTRIBUTION_M)), PLATFORM));
    }

    /** The {@code lottery} facts of a draw's log entry as a JSON parser gives them (numbers as Integer). */
    private static Map<String, Object> published() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingNo", LISTING);
        facts.put("capBidderNo", A);
        List<Object> entries = new ArrayList<>();
        entries.add(entry(1, Z, CONTRIBUTION_Z, true));
        entries.add(entry(2, M, CONTRIBUTION_M, false));
        entries.add(entry(3, A, CONTRIBUTION_A, true));
        facts.put("entries", entries);
        facts.put("platformCommitment", LotteryCommitment.of(LISTING, LotteryCommitment.PLATFORM, PLATFORM));
        facts.put("platformContribution", PLATFORM);
        facts.put("entrants", List.of(A, M, Z));
        facts.put("drawn", true);
        facts.put("seed", SEED);
        facts.put("winnerIndex", 2);
        facts.put("winnerBidderNo", Z);
        return facts;
    }

    private static Map<String, Object> entry(int sequence, String bidderNo, String contribution, boolean revealed) {
        Map<String, Object> e = new HashMap<>();
        e.put("sequence", sequence);
        e.put("bidderNo", bidderNo);
        e.put("commitment", LotteryCommitment.of(LISTING, bidderNo, contribution));
        e.put("contribution", revealed ? contribution : null);
        return e;
    }

    @Test
    void theRecomputationFromTheLogEntryAgreesWithAnHonestDraw() {
        assertEquals(List.of(), LotteryDraw.recompute(published()));
    }

    @Test
    void theRecomputationNamesAChangedRevealAWrongWinnerAndAForgedPlatformContribution() {
        Map<String, Object> changedReveal = published();
        @SuppressWarnings("unchecked")
        Map<String, Object> z = (Map<String, Object>) ((List<Object>) changedReveal.get("entries")).get(0);
        z.put("contribution", "ac".repeat(32));
        List<String> wrong = LotteryDraw.recompute(changedReveal);
        assertTrue(wrong.stream().anyMatch(w -> w.contains(Z) && w.contains("does not open")), wrong::toString);
        assertTrue(wrong.stream().anyMatch(w -> w.startsWith("seed")), wrong::toString);

        Map<String, Object> otherWinner = published();
        otherWinner.put("winnerBidderNo", A);
        otherWinner.put("winnerIndex", 0);
        assertEquals(2, LotteryDraw.recompute(otherWinner).size(), () -> LotteryDraw.recompute(otherWinner).toString());

        Map<String, Object> forged = published();
        forged.put("platformContribution", "04".repeat(32));
        assertTrue(LotteryDraw.recompute(forged).get(0).contains("platform"));

        Map<String, Object> dropped = published();
        dropped.put("entrants", List.of(A, Z));
        assertTrue(LotteryDraw.recompute(dropped).stream().anyMatch(w -> w.startsWith("entrants")));
    }
}
