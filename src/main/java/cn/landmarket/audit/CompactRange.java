package cn.landmarket.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of the perfect subtrees its size decomposes into,
 * largest first. Enough to append leaves and compute the root in O(log n) without the leaves.
 */
public final class CompactRange {

    private long size;
    private final List<byte[]> nodes = new ArrayList<>();

    /** The range of the empty tree. */
    public CompactRange() {
    }

    /** The range stored as concatenated hashes for a tree of {@code size} leaves. */
    public static CompactRange decode(long size, byte[] packed) {
        if (packed.length != Long.bitCount(size) * MerkleTree.HASH_SIZE) {
            throw new IllegalStateException("compact range of size " + size + " has " + packed.length + " bytes");
        }
        CompactRange range = new CompactRange();
        range.size = size;
        for (int i = 0; i < packed.length; i += MerkleTree.HASH_SIZE) {
            range.nodes.add(Arrays.copyOfRange(packed, i, i + MerkleTree.HASH_SIZE));
        }
        return range;
    }

    public byte[] encode() {
        byte[] packed = new byte[nodes.size() * MerkleTree.HASH_SIZE];
        for (int i = 0; i < nodes.size(); i++) {
            System.arraycopy(nodes.get(i), 0, packed, i * MerkleTree.HASH_SIZE, MerkleTree.HASH_SIZE);
        }
        return packed;
    }

    public long size() {
        return size;
    }

    /** Adds one leaf hash on the right, merging equal-sized subtrees. */
    public void append(byte[] leafHash) {
        append(leafHash, (level, index, hash) -> {
        });
    }

    /** Receives each perfect subtree an append completes: its level (≥ 1), index and hash. */
    @FunctionalInterface
    public interface Completed {
        void node(int level, long index, byte[] hash);
    }

    /** Adds one leaf hash on the right and tells {@code completed} of every subtree that merge closes. */
    public void append(byte[] leafHash, Completed completed) {
        byte[] h = leafHash;
        int level = 0;
        for (long s = size; (s & 1) == 1; s >>= 1) {
            h = MerkleTree.nodeHash(nodes.remove(nodes.size() - 1), h);
            level++;
            completed.node(level, size >> level, h);
        }
        nodes.add(h);
        size++;
    }

    /**
     * Adds on the right a perfect subtree of {@code 2^level} leaves given by its root; the size must
     * be a multiple of {@code 2^level}, as it is where such a subtree starts in a bigger tree.
     */
    public void appendSubtree(int level, byte[] root) {
        if (level < 0 || level > 62 || (size & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("a subtree of 2^" + level + " leaves cannot start at " + size);
        }
        byte[] h = root;
        for (long s = size >> level; (s & 1) == 1; s >>= 1) {
            h = MerkleTree.nodeHash(nodes.remove(nodes.size() - 1), h);
        }
        nodes.add(h);
        size += 1L << level;
    }

    /** The tree head, equal to {@link MerkleTree#root} of the same leaves. */
    public byte[] root() {
        if (nodes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] r = nodes.get(nodes.size() - 1);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(nodes.get(i), r);
        }
        return r;
    }
}
