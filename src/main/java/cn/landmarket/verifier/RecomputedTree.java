package cn.landmarket.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import cn.landmarket.audit.CanonicalCheck;
import cn.landmarket.audit.CompactRange;
import cn.landmarket.audit.MerkleTree;

/**
 * The tree recomputed from entries fed in index order, compared with every signed root on the
 * way. The first entry whose bytes do not match their served leaf hash or are not canonical is
 * remembered; a root mismatch names it, or else the first entry after the last matching root.
 */
public final class RecomputedTree {

    /** Leaves hashed into one subtree on one core: big enough to make the in-order work small. */
    static final int BLOCK_LEVEL = 6;
    static final int BLOCK = 1 << BLOCK_LEVEL;

    private final NavigableMap<Long, byte[]> signedRoots;
    private final long size;
    private final CompactRange range = new CompactRange();
    private Long firstServedMismatch;
    private String servedMismatch;
    private long lastGood;

    public RecomputedTree(NavigableMap<Long, byte[]> signedRoots, long size) {
        this.signedRoots = signedRoots;
        this.size = size;
    }

    public long size() {
        return range.size();
    }

    private void noteProblem(long index, String problem) {
        if (firstServedMismatch == null && problem != null) {
            firstServedMismatch = index;
            servedMismatch = problem;
        }
    }

    private Verdict append(byte[] leaf, String problem) {
        noteProblem(range.size(), problem);
        range.append(leaf);
        return compareSignedRoot();
    }

    /** Compares the tree with the signed root of its current size, if one was signed. */
    private Verdict compareSignedRoot() {
        byte[] signed = signedRoots.get(range.size());
        if (signed != null) {
            if (!MessageDigest.isEqual(signed, range.root())) {
                long culprit = firstServedMismatch != null ? firstServedMismatch : lastGood;
                String why = firstServedMismatch != null ? servedMismatch
                        : "the entries " + lastGood + ".." + (range.size() - 1)
                                + " do not hash to the signed root of tree size " + range.size();
                return new Verdict(false, size, culprit, "first bad entry " + culprit + ": " + why, range.size());
            }
            lastGood = range.size();
        }
        return null;
    }

    /**
     * Adds the next entries, in index order. On all cores, in blocks of
     * {@value #BLOCK}: the leaf hashes, the canonical form, and the root of each block that is a
     * whole perfect subtree of the log with no signed tree size inside it; then, in order, each
     * such block joins the tree as one subtree and the other leaves one by one, and every signed
     * root on the way is compared. Null when all is well so far.
     */
    public Verdict addAll(List<ServedEntry> entries) {
        int n = entries.size();
        long base = range.size();
        byte[] leaves = new byte[n * MerkleTree.HASH]; // one hash after another
        String[] problems = new String[n];
        // Blocks end where the log's index reaches a multiple of BLOCK (and at the page's end).
        int[] bounds = blockBounds(base, n);
        int blocks = bounds.length - 1;
        byte[][] blockRoots = new byte[blocks][];
        // Blocks are claimed one at a time by this thread and by a helper per pool worker, so
        // that a worker busy fetching the next page (see Verifier) joins in late without leaving
        // a share of the blocks waiting for it.
        AtomicInteger claimed = new AtomicInteger();
        IntConsumer block = b -> {
            int from = bounds[b];
            int to = bounds[b + 1];
            for (int i = from; i < to; i++) {
                ServedEntry e = entries.get(i);
                // Checked before hashing: the check brings the entry into the cache, the digest
                // then reads it there (the other way round costs a tenth more).
                boolean canonical = CanonicalCheck.isCanonicalEntry(e.data(), e.from() + 1, e.to());
                int at = i * MerkleTree.HASH;
                MerkleTree.leafHashOfInput(e.data(), e.from(), e.to(), leaves, at);
                if (e.leafHash() != null
                        && !Arrays.equals(leaves, at, at + MerkleTree.HASH, e.leafHash(), 0, e.leafHash().length)) {
                    problems[i] = "its bytes do not hash to its stored leaf hash";
                } else if (!canonical) {
                    problems[i] = "it is not a canonical JSON entry";
                }
            }
            if (to - from == BLOCK && (base + from) % BLOCK == 0
                    && signedRoots.subMap(base + from, false, base + to, false).isEmpty()) {
                blockRoots[b] = MerkleTree.perfectRoot(leaves, from, BLOCK);
            }
        };
        Runnable claim = () -> {
            for (int b = claimed.getAndIncrement(); b < blocks; b = claimed.getAndIncrement()) {
                block.accept(b);
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int h = Math.min(ForkJoinPool.getCommonPoolParallelism(), blocks - 1); h > 0; h--) {
            helpers.add(ForkJoinPool.commonPool().submit(claim));
        }
        claim.run();
        helpers.forEach(ForkJoinTask::join);
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            int to = bounds[b + 1];
            if (blockRoots[b] == null) {
                for (; i < to; i++) {
                    Verdict bad = append(Arrays.copyOfRange(leaves, i * MerkleTree.HASH, (i + 1) * MerkleTree.HASH),
                            problems[i]);
                    if (bad != null) {
                        return bad;
                    }
                }
            } else {
                for (int j = i; j < to; j++) {
                    noteProblem(base + j, problems[j]);
                }
                range.appendSubtree(BLOCK_LEVEL, blockRoots[b]);
                i = to;
                Verdict bad = compareSignedRoot();
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** Where the page's blocks end: at each index where the log reaches a multiple of BLOCK, and at n. */
    private static int[] blockBounds(long base, int n) {
        int[] bounds = new int[n / BLOCK + 3];
        int count = 1;
        for (int p = 0; p < n;) {
            p = (int) Math.min(n, p + BLOCK - (base + p) % BLOCK);
            bounds[count++] = p;
        }
        return Arrays.copyOf(bounds, count);
    }

    /** After the last entry: null when every entry was well-formed. */
    public Verdict finish() {
        if (firstServedMismatch != null) {
            return Verdict.bad(size, firstServedMismatch, "first bad entry " + firstServedMismatch + ": "
                    + servedMismatch);
        }
        return null;
    }
}
