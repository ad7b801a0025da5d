package cn.landmarket.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.CompactRange;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;
import cn.landmarket.verifier.RecomputedTree;
import cn.landmarket.verifier.ServedEntry;
import cn.landmarket.verifier.Verdict;
import cn.landmarket.verifier.Verifier;

/**
 * How fast the audit verifier checks a log, against the raw SHA-256 rate of the same entry bytes
 * on this machine, measured side by side and interleaved. The log is synthetic but shaped like the
 * service's: accepted-bid entries in canonical JSON, a signed checkpoint every 2,000 entries.
 * Run by {@link BidBenchmark} after the bidding figures; entries: {@code -Dbench.verifyEntries}.
 */
final class VerifierBenchmark {

    private static final int ENTRIES = Integer.getInteger("bench.verifyEntries", 300_000);
    private static final int CHECKPOINT_EVERY = 2_000;
    private static final int WARM_UP = 6;

    static volatile int blackhole;

    private VerifierBenchmark() {
    }

    static void run(int repeats) throws Exception {
        List<byte[]> entries = entries();
        long bytes = entries.stream().mapToLong(e -> e.length).sum();
        Path dir = export(entries);
        System.out.printf(Locale.ROOT, "%nVerifier benchmark: %,d entries, %,d bytes (%.0f bytes each), a signed "
                + "checkpoint every %,d entries, %d warm-up rounds, %d repeats%n", entries.size(), bytes,
                (double) bytes / entries.size(), CHECKPOINT_EVERY, WARM_UP, Math.max(repeats, 11));
        // Warm-up, not counted: the verifier's path is long and reaches compiled steady state only
        // after several runs (the raw loop after one); the figures are steady-state rates.
        for (int w = 0; w < WARM_UP; w++) {
            raw(entries);
            verifyExport(dir);
            verifyInMemory(entries, dir);
        }
        List<double[]> rounds = new ArrayList<>();
        for (int r = 1; r <= Math.max(repeats, 11); r++) {
            double rawNs;
            double exportNs;
            double memoryNs;
            if (r % 2 == 1) {
                rawNs = raw(entries);
                exportNs = verifyExport(dir);
                memoryNs = verifyInMemory(entries, dir);
            } else {
                memoryNs = verifyInMemory(entries, dir);
                exportNs = verifyExport(dir);
                rawNs = raw(entries);
            }
            System.out.printf(Locale.ROOT, "-- repeat %d: raw SHA-256 %6.0f MB/s   verifier on the export %6.0f MB/s"
                    + "   verifier core in memory %6.0f MB/s%n", r, bytes / rawNs * 1e3, bytes / exportNs * 1e3,
                    bytes / memoryNs * 1e3);
            rounds.add(new double[] {rawNs / exportNs, rawNs / memoryNs});
        }
        System.out.println();
        ratio("verifier on an export / raw SHA-256 rate (target >= 0.5)", rounds, 0);
        ratio("verifier core in memory / raw SHA-256 rate             ", rounds, 1);
    }

    private static void ratio(String name, List<double[]> rounds, int at) {
        double[] values = rounds.stream().mapToDouble(r -> r[at]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median %.2f  (min %.2f, max %.2f over %d repeats)%n", name,
                values[values.length / 2], values[0], values[values.length - 1], values.length);
    }

    /** Nanoseconds to hash every entry once with one reused SHA-256 digest on one core: the baseline. */
    private static double raw(List<byte[]> entries) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        int sink = 0;
        for (byte[] e : entries) {
            d.update(e);
            sink += d.digest()[0];
        }
        long ns = System.nanoTime() - start;
        blackhole = sink; // the digests are used, so the JIT cannot drop them
        return ns;
    }

    /** Nanoseconds for the command-line verifier to check the export directory end to end. */
    private static double verifyExport(Path dir) throws Exception {
        long start = System.nanoTime();
        Verdict result = Verifier.verify(dir.toString(), null, null);
        long ns = System.nanoTime() - start;
        if (!result.ok() || result.treeSize() != ENTRIES) {
            throw new IllegalStateException("the verifier refused the benchmark log: " + result.message());
        }
        return ns;
    }

    /** Nanoseconds for the verifier's checks (leaf hashes, canonical form, tree, roots) alone, on all cores. */
    private static double verifyInMemory(List<byte[]> entries, Path dir) throws Exception {
        TreeMap<Long, byte[]> roots = signedRoots(entries);
        // Sources hand the verifier each entry as its leaf input (0x00 ‖ entry), read straight into place.
        List<ServedEntry> inputs = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            inputs.add(ServedEntry.of(i, entries.get(i), null));
        }
        long start = System.nanoTime();
        RecomputedTree tree = new RecomputedTree(roots, entries.size());
        int pageSize = 1 << 14; // as the verifier reads an export
        for (int from = 0; from < entries.size(); from += pageSize) {
            Verdict bad = tree.addAll(inputs.subList(from, Math.min(inputs.size(), from + pageSize)));
            if (bad != null) {
                throw new IllegalStateException(bad.message());
            }
        }
        long ns = System.nanoTime() - start;
        if (tree.finish() != null) {
            throw new IllegalStateException("benchmark entries are not canonical");
        }
        return ns;
    }

    private static List<byte[]> entries() {
        Random random = new Random(1);
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        List<byte[]> out = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            String bidder = String.format(Locale.ROOT, "%08x", random.nextInt());
            long listing = 1 + random.nextInt(1000);
            Instant at = t.plusNanos(i * 250_000L);
            out.add(AuditEntry.bidAccepted(at, "bidder:" + bidder, Map.of("listingId", listing, "sequence", i,
                    "bidderNo", bidder, "amountFen", 1_000_000_000L + 10_000L * i, "phase", "LISTING",
                    "acceptedAt", at.toString())).bytes());
        }
        return out;
    }

    private static TreeMap<Long, byte[]> signedRoots(List<byte[]> entries) {
        TreeMap<Long, byte[]> roots = new TreeMap<>();
        CompactRange range = new CompactRange();
        roots.put(0L, MerkleTree.emptyRoot());
        for (byte[] e : entries) {
            range.append(MerkleTree.leafHash(e));
            if (range.size() % CHECKPOINT_EVERY == 0 || range.size() == entries.size()) {
                roots.put(range.size(), range.root());
            }
        }
        return roots;
    }

    private static Path export(List<byte[]> entries) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-audit-export"));
        SignedNote.Signer signer = SignedNote.Signer.fromPkcs8("bench.land-market.local/audit", BidBenchmark.auditKey());
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Long, byte[]> root : signedRoots(entries).entrySet()) {
            notes.add(signer.sign(new Checkpoint(signer.name(), root.getKey(), root.getValue()).text()));
        }
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(dir.resolve("entries.bin")), 1 << 16))) {
            for (byte[] e : entries) {
                out.writeInt(e.length);
                out.write(e);
            }
        }
        Files.writeString(dir.resolve("key.txt"), signer.verifierKey());
        Files.writeString(dir.resolve("checkpoint.txt"), notes.get(notes.size() - 1));
        new ObjectMapper().writeValue(dir.resolve("checkpoints.json").toFile(), notes);
        return dir;
    }
}
