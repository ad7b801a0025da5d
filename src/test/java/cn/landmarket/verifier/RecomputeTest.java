package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.landmarket.audit.SignedNote;

/**
 * The verifier's recomputation of sealed openings from a log alone (README, "Audit log"): an honest
 * log agrees, with the tie rule, the reserve and unrevealed quotations applied as the service applies
 * them; a log whose reveal, winner, timing or forfeiture was changed disagrees for that listing, naming
 * the entry, even when the log itself is consistently signed.
 */
class RecomputeTest {

    @TempDir
    Path work;

    private static Recomputer.Report recompute(SealedLog log) throws Exception {
        return Recomputer.recompute(new ListSource(log.entries), log.entries.size(), Recomputation.all());
    }

    private static Finding finding(Recomputer.Report report, long listingId) {
        return report.about("sealed opening", listingId).orElseThrow(() -> new AssertionError(report.findings()));
    }

    /** Three bidders: 24,000,000.00 twice (the earlier commitment wins the tie) and one never revealed. */
    private static SealedLog tie() {
        SealedLog log = new SealedLog();
        SealedLog.Sale sale = log.sealed(7, 2_000_000_000L, 2_200_000_000L);
        Map<String, Object> a = sale.commit("300001", 2_400_000_000L);
        Map<String, Object> b = sale.commit("300002", 2_400_000_000L);
        sale.commit("300003", 2_900_000_000L);
        sale.reveal(b);
        sale.reveal(a);
        sale.open();
        return log;
    }

    @Test
    void anHonestOpeningAgreesWithTheEarlierCommitmentWinningATieAndTheSilentBidderNotCounted() throws Exception {
        Recomputer.Report report = recompute(tie());
        Finding f = finding(report, 7);
        assertTrue(f.agrees(), f.line());
        assertEquals("sealed opening, listing 7 (GT-510722-2026-000007): AGREES: SOLD to bidder 300001 at "
                + "2400000000 fen (sequence 1 of 3 quotations)", f.line());
        assertEquals(List.of(), report.disagreements());
    }

    @Test
    void aChangedRevealDisagreesNamingTheEntryThatDoesNotOpenItsCommitment() throws Exception {
        SealedLog log = new SealedLog();
        SealedLog.Sale sale = log.sealed(8, 2_000_000_000L, null);
        Map<String, Object> a = sale.commit("400001", 2_300_000_000L);
        Map<String, Object> b = sale.commit("400002", 2_400_000_000L);
        sale.reveal(a);
        long revealB = sale.reveal(b);
        sale.open();
        assertTrue(finding(recompute(log), 8).agrees());

        // B's reveal now says 25,000,000.00: it no longer opens B's commitment, so B's quotation does not count
        log.tamper(revealB, "\"amountFen\":2400000000", "\"amountFen\":2500000000");
        Finding f = finding(recompute(log), 8);
        assertFalse(f.agrees(), f.line());
        assertTrue(f.disagreements().get(0).startsWith("entry " + revealB + " (quotation.revealed) (sequence 2, "
                + "bidder 400002): amount 2500000000 fen and salt "), f.line());
        assertTrue(f.disagreements().get(0).contains("do not open the commitment"), f.line());
        assertTrue(f.disagreements().stream().anyMatch(d -> d.contains("winningBidderNo: published 400002, "
                + "recomputed 400001")), f.line());
    }

    @Test
    void aPublishedWinnerOtherThanTheRuleGivesDisagrees() throws Exception {
        SealedLog log = tie();
        long opening = log.entries.size() - 1;
        log.tamper(opening, "\"winningBidderNo\":\"300001\"", "\"winningBidderNo\":\"300002\"");
        Finding f = finding(recompute(log), 7);
        assertFalse(f.agrees());
        assertEquals(List.of("entry " + opening + " (listing.sold): winner winningBidderNo: published 300002, "
                + "recomputed 300001"), f.disagreements());
    }

    @Test
    void aRevealLoggedAfterTheDeadlineAndTheForfeitOfARevealedDepositDisagree() throws Exception {
        SealedLog log = new SealedLog();
        SealedLog.Sale sale = log.sealed(9, 2_000_000_000L, null);
        Map<String, Object> a = sale.commit("500001", 2_100_000_000L);
        Map<String, Object> late = sale.commit("500002", 2_600_000_000L);
        sale.reveal(a);
        long lateReveal = sale.reveal(late, 2_600_000_000L, (String) late.get("secretSalt"),
                sale.revealDeadline.plusSeconds(5));
        sale.open();
        Finding f = finding(recompute(log), 9);
        assertFalse(f.agrees());
        assertTrue(f.disagreements().get(0).startsWith("entry " + lateReveal + " (quotation.revealed) (sequence 2, "
                + "bidder 500002): revealed at "), f.line());
        assertTrue(f.disagreements().get(0).contains("not before the reveal deadline"), f.line());
    }

    @Test
    void belowTheReserveIsUnsoldAndAgrees() throws Exception {
        SealedLog log = new SealedLog();
        SealedLog.Sale sale = log.sealed(10, 2_000_000_000L, 2_200_000_000L);
        sale.reveal(sale.commit("600001", 2_100_000_000L));
        sale.open();
        Finding f = finding(recompute(log), 10);
        assertTrue(f.agrees(), f.line());
        assertTrue(f.line().endsWith("AGREES: UNSOLD, BELOW_RESERVE (1 quotations)"), f.line());
    }

    @Test
    void theRecomputeCommandVerifiesAnExportAndExitsOneWhenAConsistentlySignedLogDisagrees() throws Exception {
        SignedNote.Signer signer = TestExports.signer();
        SealedLog log = tie();
        Path honest = Files.createDirectory(work.resolve("honest"));
        TestExports.write(honest, log.entries, 1, signer);
        Run ok = command("recompute", honest.toString(), "--key", signer.verifierKey());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(List.of("log OK: " + log.entries.size() + " entries and " + log.entries.size()
                + " signed tree heads verified",
                "sealed opening, listing 7 (GT-510722-2026-000007): AGREES: SOLD to bidder 300001 at 2400000000 fen "
                        + "(sequence 1 of 3 quotations)",
                "OK: 1 results recomputed from " + log.entries.size() + " entries, all agree with the published ones"),
                ok.out().lines().toList());

        // The platform signs a log whose opening names the later of two equal quotations: the log verifies,
        // the recomputation does not agree.
        long opening = log.entries.size() - 1;
        log.tamper(opening, "\"winningBidderNo\":\"300001\"", "\"winningBidderNo\":\"300002\"");
        log.tamper(opening, "\"winningSequence\":1", "\"winningSequence\":2");
        Path forged = Files.createDirectory(work.resolve("forged"));
        TestExports.write(forged, log.entries, 1, signer);
        Run bad = command("recompute", forged.toString(), "--key", signer.verifierKey());
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().startsWith("log OK: "), bad.out());
        assertTrue(bad.out().contains("sealed opening, listing 7 (GT-510722-2026-000007): DISAGREES: entry " + opening
                + " (listing.sold): winner winningSequence: published 2, recomputed 1; entry " + opening
                + " (listing.sold): winner winningBidderNo: published 300002, recomputed 300001"), bad.out());
        assertEquals("FAILED: 1 results recomputed from " + log.entries.size() + " entries, 1 disagree with the "
                + "published ones", bad.err());

        assertEquals(2, command("recompute").exit());
        assertEquals(2, command("recompute", work.resolve("none").toString()).exit());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8).strip());
    }

    /** Reads quotation commitments and fails on those of one listing, or after reading the log. */
    private static final class Failing implements Recomputation {
        private final long failOn;
        private final boolean failAtTheEnd;
        private final java.util.Set<Long> seen = new java.util.TreeSet<>();

        Failing(long failOn, boolean failAtTheEnd) {
            this.failOn = failOn;
            this.failAtTheEnd = failAtTheEnd;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public java.util.Set<String> entryTypes() {
            return java.util.Set.of("quotation.committed");
        }

        @Override
        public void accept(LogEntry entry) {
            if (entry.listingId() == failOn) {
                throw new IllegalStateException("no rule for this");
            }
            seen.add(entry.listingId());
        }

        @Override
        public List<Finding> findings() {
            if (failAtTheEnd) {
                throw new ArithmeticException("overflow");
            }
            return seen.stream().map(id -> new Finding(name(), id, null, true, "seen", List.of())).toList();
        }
    }

    @Test
    void aRecomputationFailingOnOneListingsEntryDisagreesThereAndTheRestIsStillChecked() throws Exception {
        SealedLog log = tie();
        SealedLog.Sale other = log.sealed(8, 2_000_000_000L, null);
        long failedAt = log.entries.size();
        other.commit("300009", 2_100_000_000L);
        other.commit("300010", 2_200_000_000L); // fails too: the first failure is the one named
        List<Recomputation> all = new java.util.ArrayList<>(Recomputation.all());
        all.add(new Failing(8, false));
        Recomputer.Report report = Recomputer.recompute(new ListSource(log.entries), log.entries.size(), all);

        assertEquals("failing, listing 8: DISAGREES: entry " + failedAt + " (quotation.committed): the recomputation "
                + "failed (java.lang.IllegalStateException: no rule for this), so the published result is not checked",
                report.about("failing", 8).orElseThrow().line());
        assertEquals(1, report.findings().stream().filter(f -> f.listingId() == 8 && f.recomputation().equals("failing"))
                .count(), "one finding about the listing, the failure, not also what the recomputation made of it");
        assertTrue(report.about("failing", 7).orElseThrow().agrees(), "the listing it could read still counts");
        assertTrue(finding(report, 7).agrees(), "the other recomputations are unaffected");
        assertEquals(1, report.disagreements().size(), report.disagreements().toString());
    }

    @Test
    void aRecomputationFailingAfterTheLogIsReadIsOneDisagreementAboutNoListing() throws Exception {
        List<Recomputation> all = new java.util.ArrayList<>(Recomputation.all());
        all.add(new Failing(-2, true));
        SealedLog log = tie();
        Recomputer.Report report = Recomputer.recompute(new ListSource(log.entries), log.entries.size(), all);

        assertEquals(List.of("failing: DISAGREES: after reading the log: the recomputation failed "
                + "(java.lang.ArithmeticException: overflow), so the published result is not checked"),
                report.disagreements().stream().map(Finding::line).toList());
        assertTrue(finding(report, 7).agrees());
    }

    @Test
    void aListingWhoseRecomputationFailsDisagreesAndTheOtherListingsAreStillRecomputed() {
        Finding failed = Recomputation.guarded("sealed opening", 9, () -> {
            throw new NullPointerException("bidderNo");
        });
        assertFalse(failed.agrees());
        assertEquals("sealed opening, listing 9: DISAGREES: recomputing the listing: the recomputation failed "
                + "(java.lang.NullPointerException: bidderNo), so the published result is not checked", failed.line());
        Finding fine = new Finding("sealed opening", 10, null, true, "ok", List.of());
        assertEquals(fine, Recomputation.guarded("sealed opening", 10, () -> fine));
    }

    /** A log source over entries in memory (no checkpoints: the recomputation needs none). */
    record ListSource(List<byte[]> entries) implements LogSource {
        @Override
        public String key() {
            return "";
        }

        @Override
        public String checkpoint() {
            return "";
        }

        @Override
        public int pageSize() {
            return 2; // several pages even for a short log
        }

        @Override
        public List<String> checkpoints(long after, int limit) {
            return List.of();
        }

        @Override
        public List<ServedEntry> entries(long start, int limit) {
            return java.util.stream.LongStream.range(start, Math.min(entries.size(), start + limit))
                    .mapToObj(i -> ServedEntry.of(i, entries.get((int) i), null)).toList();
        }

        @Override
        public List<byte[]> consistency(long from, long to) {
            return null;
        }
    }
}
