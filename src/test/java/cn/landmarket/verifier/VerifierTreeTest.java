package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.CompactRange;
import cn.landmarket.audit.MerkleTree;

/**
 * The verifier's tree: fed in pages of any size, starting anywhere relative to its blocks, with
 * signed tree sizes inside, on and between blocks, it accepts an honest log and names the first
 * bad entry of a dishonest one exactly as it would entry by entry.
 */
class VerifierTreeTest {

    private static final int ENTRIES = 1_500;

    private static List<byte[]> entries() {
        List<byte[]> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        for (int i = 0; i < ENTRIES; i++) {
            out.add(new AuditEntry("bid.accepted", t.plusSeconds(i), "bidder:" + i,
                    Map.of("listingId", 1 + i % 7, "sequence", i)).bytes());
        }
        return out;
    }

    /** Signed roots at random sizes (plus 0, a few block edges and the end), from the entries as they are. */
    private static TreeMap<Long, byte[]> signedRoots(List<byte[]> entries, Random random) {
        TreeMap<Long, byte[]> sizes = new TreeMap<>();
        sizes.put(0L, null);
        sizes.put((long) RecomputedTree.BLOCK, null);
        sizes.put((long) RecomputedTree.BLOCK * 3 + 1, null);
        sizes.put((long) entries.size(), null);
        for (int i = 0; i < 12; i++) {
            sizes.put((long) 1 + random.nextInt(entries.size()), null);
        }
        CompactRange range = new CompactRange();
        TreeMap<Long, byte[]> roots = new TreeMap<>();
        roots.put(0L, range.root());
        for (byte[] e : entries) {
            range.append(MerkleTree.leafHash(e));
            if (sizes.containsKey(range.size())) {
                roots.put(range.size(), range.root());
            }
        }
        return roots;
    }

    /** Feeds the entries in random page sizes; the first problem the tree reports, or its finish. */
    private static Verdict feed(TreeMap<Long, byte[]> roots, List<byte[]> entries, List<byte[]> served,
            Random random) {
        RecomputedTree tree = new RecomputedTree(roots, entries.size());
        int at = 0;
        while (at < entries.size()) {
            int page = Math.min(entries.size() - at, 1 + random.nextInt(random.nextBoolean() ? 70 : 700));
            List<ServedEntry> inputs = new ArrayList<>();
            for (int i = at; i < at + page; i++) {
                inputs.add(ServedEntry.of(i, entries.get(i), served.get(i)));
            }
            Verdict bad = tree.addAll(inputs);
            if (bad != null) {
                return bad;
            }
            at += page;
        }
        return tree.finish();
    }

    @Test
    void anHonestLogVerifiesWhateverThePagesAndSignedSizes() {
        List<byte[]> entries = entries();
        List<byte[]> noHashes = Collections.nCopies(ENTRIES, null);
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            assertNull(feed(signedRoots(entries, random), entries, noHashes, random), "seed " + seed);
        }
    }

    @Test
    void aChangedEntryIsNamedExactlyWhenItsStoredLeafHashIsServed() {
        List<byte[]> entries = entries();
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            TreeMap<Long, byte[]> roots = signedRoots(entries, random);
            List<byte[]> served = entries.stream().map(MerkleTree::leafHash).toList();
            int victim = random.nextInt(ENTRIES);
            List<byte[]> altered = new ArrayList<>(entries);
            altered.set(victim, new String(entries.get(victim), StandardCharsets.UTF_8)
                    .replace("bidder:", "bidder:X").getBytes(StandardCharsets.UTF_8));
            Verdict result = feed(roots, altered, served, random);
            assertNotNull(result, "seed " + seed);
            assertEquals(victim, result.badEntry(), "seed " + seed + ": " + result.message());
            assertTrue(result.message().contains("stored leaf hash"), result.message());
        }
    }

    @Test
    void withoutStoredHashesAChangedEntryIsPlacedAfterTheLastMatchingSignedRoot() {
        List<byte[]> entries = entries();
        List<byte[]> noHashes = Collections.nCopies(ENTRIES, null);
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            TreeMap<Long, byte[]> roots = signedRoots(entries, random);
            int victim = random.nextInt(ENTRIES);
            List<byte[]> altered = new ArrayList<>(entries);
            altered.set(victim, new String(entries.get(victim), StandardCharsets.UTF_8)
                    .replace("bidder:", "bidder:X").getBytes(StandardCharsets.UTF_8));
            Verdict result = feed(roots, altered, noHashes, random);
            assertNotNull(result, "seed " + seed);
            long lastGood = roots.floorKey((long) victim);
            long firstBad = roots.ceilingKey((long) victim + 1);
            assertEquals(lastGood, result.badEntry(), "seed " + seed + ": " + result.message());
            assertEquals(firstBad, result.rootMismatchAt(), "seed " + seed);
        }
    }

    @Test
    void aNonCanonicalEntryIsNamedEvenWhenItsHashMatches() {
        List<byte[]> entries = new ArrayList<>(entries());
        int victim = 777;
        entries.set(victim, new String(entries.get(victim), StandardCharsets.UTF_8).replace("{", "{ ")
                .getBytes(StandardCharsets.UTF_8));
        List<byte[]> served = entries.stream().map(MerkleTree::leafHash).toList();
        Random random = new Random(3);
        // The signed roots are of the non-canonical bytes: only the canonical check can object.
        Verdict result = feed(signedRoots(entries, random), entries, served, random);
        assertNotNull(result);
        assertEquals(victim, result.badEntry(), result.message());
        assertTrue(result.message().contains("not a canonical JSON entry"), result.message());
    }
}
