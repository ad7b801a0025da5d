package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.landmarket.audit.SignedNote;

/**
 * The verifier jar as a regulator or bidder runs it, with {@code java -jar} and nothing else on its
 * class path: it checks an export and exits 0 with its verdict, exits 1 naming the first bad entry
 * of a tampered export, exits 2 when the export cannot be read, and holds no server class.
 * The jar is the one {@code package} built (failsafe passes its path as {@code verifier.jar}).
 */
class VerifierJarIT {

    private static final Path JAR = Path.of(System.getProperty("verifier.jar",
            "target/land-market-0.1.0-SNAPSHOT-verifier.jar"));

    @TempDir
    Path work;

    private record Run(int exit, String out, String err) {
    }

    private Run verifierJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the verifier jar did not finish within 60 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
    }

    @Test
    void theJarVerifiesAnExportExitsOneNamingATamperedEntryAndTwoWhenItCannotReadIt() throws Exception {
        Path export = Files.createDirectory(work.resolve("export"));
        SignedNote.Signer signer = TestExports.signer();
        List<byte[]> entries = TestExports.bidEntries(700);
        TestExports.write(export, entries, 100, signer);
        Path saved = work.resolve("audit-checkpoint.txt");

        Run honest = verifierJar(export.toString(), saved.toString(), "--key", signer.verifierKey());
        assertEquals(0, honest.exit(), honest.err());
        assertEquals("OK: 700 entries and 7 signed tree heads verified", honest.out());
        assertEquals(Files.readString(export.resolve("checkpoint.txt")), Files.readString(saved),
                "the verified checkpoint is saved for the next run");

        Run again = verifierJar(export.toString(), saved.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals("OK: 700 entries and 7 signed tree heads verified, consistent with the saved checkpoint "
                + "of size 700", again.out());

        byte[] original = entries.get(432);
        byte[] forged = original.clone();
        forged[forged.length - 3] = (byte) (forged[forged.length - 3] == 'x' ? 'y' : 'x'); // inside the type string
        entries.set(432, forged);
        Files.write(export.resolve("entries.bin"), TestExports.bin(entries));
        Run tampered = verifierJar(export.toString(), saved.toString());
        assertEquals(1, tampered.exit(), tampered.out());
        assertEquals("FAILED: first bad entry 400: the entries 400..499 do not hash to the signed root of tree "
                + "size 500 (the service signed that root)", tampered.err());
        assertEquals(Files.readString(export.resolve("checkpoint.txt")), Files.readString(saved),
                "a failed run keeps the saved checkpoint");

        Run otherKey = verifierJar(export.toString(), "--key", TestExports.signer().verifierKey());
        assertEquals(1, otherKey.exit(), otherKey.out());
        assertTrue(otherKey.err().startsWith("FAILED: the service's key "), otherKey.err());

        entries.set(432, original);
        byte[] bin = TestExports.bin(entries);
        Files.write(export.resolve("entries.bin"), Arrays.copyOf(bin, bin.length - 3));
        Run cut = verifierJar(export.toString());
        assertEquals(2, cut.exit(), cut.out());
        assertEquals("cannot read the log: entries.bin ends inside entry 699", cut.err());
    }

    @Test
    void theJarRecomputesASealedOpeningFromAnExportWithTheRuleClassesItBundles() throws Exception {
        Path export = Files.createDirectory(work.resolve("sealed"));
        SignedNote.Signer signer = TestExports.signer();
        SealedLog log = new SealedLog();
        SealedLog.Sale sale = log.sealed(3, 2_000_000_000L, null);
        sale.reveal(sale.commit("700001", 2_100_000_000L));
        sale.commit("700002", 2_500_000_000L);
        sale.open();
        TestExports.write(export, log.entries, 1, signer);
        Run run = verifierJar("recompute", export.toString(), "--key", signer.verifierKey());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("sealed opening, listing 3 (GT-510722-2026-000003): AGREES: SOLD to bidder 700001 "
                + "at 2100000000 fen (sequence 1 of 2 quotations)"), run.out());
    }

    @Test
    void theJarRecomputesALotteryDrawAndARunnerUpAwardWithTheRuleClassesItBundles() throws Exception {
        Path export = Files.createDirectory(work.resolve("draw-and-award"));
        SignedNote.Signer signer = TestExports.signer();
        SealedLog log = new SealedLog();
        new LotteryRunnerUpRecomputeTest().threeEntrants(log, 4).draw();
        LotteryRunnerUpRecomputeTest.Sale sale = LotteryRunnerUpRecomputeTest.fiveBids(log, 5, null);
        Map<String, Object> choice = sale.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        sale.held(choice);
        sale.winnerDefaulted();
        sale.offered(choice);
        TestExports.write(export, log.entries, 1, signer);
        Run run = verifierJar("recompute", export.toString(), "--key", signer.verifierKey());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("lottery draw, listing 4 (GT-510722-2026-000004): AGREES: drawn among 3 entrants"),
                run.out());
        assertTrue(run.out().contains("runner-up award, listing 5: AGREES: bidder C00003 at 1300000000 fen (sequence 3) "
                + "among 2 other bidders; offered"), run.out());
    }

    @Test
    void theJarHoldsTheVerifierThePureAuditAndSharedRuleClassesAndJacksonCoreButNoOtherServerClass() throws Exception {
        List<String> stray = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals(VerifyCommand.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
            jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.startsWith("cn/landmarket/verifier/") && !n.startsWith("com/fasterxml/jackson/core/")
                            && !n.matches("(META-INF/versions/\\d+/)?com/fasterxml/jackson/core/.*")
                            && !n.matches("cn/landmarket/audit/(CanonicalCheck|Checkpoint|CompactRange|MerkleTree"
                                    + "|SignedNote)(\\$.*)?\\.class")
                            && !n.matches("cn/landmarket/auction/(SealedOpening|SealedCommitment|QuotationValidity"
                                    + "|LotteryDraw|LotteryCommitment)(\\$.*)?\\.class")
                            && !n.matches("cn/landmarket/settlement/RunnerUpRule(\\$.*)?\\.class"))
                    .forEach(stray::add);
        }
        assertEquals(List.of(), stray, "classes in the verifier jar that are not the verifier's");
    }
}
