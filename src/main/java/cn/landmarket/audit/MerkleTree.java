package cn.landmarket.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over a list of leaf hashes: tree head, inclusion and
 * consistency proofs, and their verification. Plain Java, usable by the service and by verifiers.
 */
public final class MerkleTree {

    /** Length of every hash: SHA-256. */
    public static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    /** SHA-256 of the empty string: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** One digest per thread: looking a MessageDigest up per hash costs as much as a short hash. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleTree::sha256);

    /** Bytes in a hash. */
    public static final int HASH = 32;

    /** Leaf hash of an entry: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 0);
        d.update(entry);
        return d.digest();
    }

    /**
     * Writes the leaf hash of an entry held as its leaf input {@code 0x00 ‖ entry}, the bytes
     * {@code data[from, to)}, to {@code out[at, at + 32)}: hashing one run of bytes lets the digest
     * read whole blocks straight from the array, where a separate prefix byte makes it copy every block.
     */
    public static void leafHashOfInput(byte[] data, int from, int to, byte[] out, int at) {
        if (to <= from || data[from] != 0) {
            throw new IllegalArgumentException("a leaf input starts with the byte 0x00");
        }
        MessageDigest d = DIGEST.get();
        d.update(data, from, to - from);
        digestInto(d, out, at);
    }

    /** The leaf input {@code 0x00 ‖ entry} of an entry, for {@link #leafHashOfInput}. */
    public static byte[] leafInput(byte[] entry) {
        byte[] input = new byte[entry.length + 1];
        System.arraycopy(entry, 0, input, 1, entry.length);
        return input;
    }

    /**
     * MTH of a perfect subtree (RFC 9162 §2.1.1, the balanced case) from its {@code 2^k} leaf
     * hashes, held one after another in {@code leaves} from the {@code from}-th hash on. Neighbours
     * are paired level by level in one scratch array: a node's input is copied next to its 0x01
     * prefix and hashed in one run, with no array allocated per node.
     */
    public static byte[] perfectRoot(byte[] leaves, int from, int count) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("a perfect subtree has 2^k leaves, not " + count);
        }
        if (count == 1) {
            return Arrays.copyOfRange(leaves, from * HASH, (from + 1) * HASH);
        }
        MessageDigest d = DIGEST.get();
        byte[] input = new byte[1 + 2 * HASH];
        input[0] = 1;
        byte[] level = new byte[count / 2 * HASH];
        byte[] below = leaves;
        int start = from * HASH;
        for (int n = count / 2; n >= 1; n /= 2) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(below, start + 2 * i * HASH, input, 1, 2 * HASH);
                d.update(input);
                digestInto(d, level, i * HASH);
            }
            below = level;
            start = 0;
        }
        return Arrays.copyOf(level, HASH);
    }

    private static void digestInto(MessageDigest d, byte[] out, int at) {
        try {
            d.digest(out, at, HASH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = DIGEST.get();
        d.update((byte) 1);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /**
     * The hashes of the tree's perfect subtrees: {@code hash(level, index)} is the MTH of the
     * {@code 2^level} leaves from {@code index · 2^level} on (level 0: the leaf hashes). Every
     * range the RFC's recursions visit is a run of such subtrees, so proofs need O(log² n) of them.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    /** The perfect subtrees of an in-memory list of leaf hashes, computed on demand. */
    public static Subtrees of(List<byte[]> leafHashes) {
        return (level, index) -> subtree(leafHashes, (int) (index << level), (int) ((index + 1) << level));
    }

    /** MTH of the first {@code size} leaves (RFC 9162 §2.1.1). */
    public static byte[] root(List<byte[]> leafHashes, long size) {
        checkSize(leafHashes, size);
        return root(of(leafHashes), size);
    }

    /** MTH of the first {@code size} leaves of {@code tree}. */
    public static byte[] root(Subtrees tree, long size) {
        return size == 0 ? emptyRoot() : mth(tree, 0, size);
    }

    /** Inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves (§2.1.3.1). */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, long index, long size) {
        checkSize(leafHashes, size);
        return inclusionProof(of(leafHashes), index, size);
    }

    /** Inclusion proof of leaf {@code index} in the tree of {@code size} leaves of {@code tree}. */
    public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(tree, index, 0, size, proof);
        return proof;
    }

    /** Consistency proof between the trees of the first {@code from} and {@code to} leaves (§2.1.4.1). */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long from, long to) {
        checkSize(leafHashes, to);
        return consistencyProof(of(leafHashes), from, to);
    }

    /** Consistency proof between the trees of {@code from} and {@code to} leaves of {@code tree}. */
    public static List<byte[]> consistencyProof(Subtrees tree, long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(tree, from, 0, to, true, proof);
        }
        return proof;
    }

    /** Whether {@code proof} shows the leaf is at {@code index} of the tree with {@code root} (§2.1.3.2). */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows the tree of size {@code from} with {@code fromRoot} is a prefix of
     * the tree of size {@code to} with {@code toRoot} (§2.1.4.2).
     */
    public static boolean verifyConsistency(long from, long to, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
        if (from < 0 || from > to || fromRoot == null || toRoot == null || !wellFormed(proof)) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    /** Largest power of two smaller than {@code n} (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] subtree(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        int k = (int) split(n);
        return nodeHash(subtree(leaves, start, start + k), subtree(leaves, start + k, end));
    }

    /**
     * MTH of the leaves [start, end). In the RFC's recursions {@code start} is always a multiple of
     * the largest power of two not above {@code end - start}, so a power-of-two range is one subtree.
     */
    private static byte[] mth(Subtrees tree, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return tree.hash(level, start >> level);
        }
        long k = split(n);
        return nodeHash(mth(tree, start, start + k), mth(tree, start + k, end));
    }

    private static void path(Subtrees tree, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(tree, m, start, start + k, out);
            out.add(mth(tree, start + k, end));
        } else {
            path(tree, m - k, start + k, end, out);
            out.add(mth(tree, start, start + k));
        }
    }

    private static void subproof(Subtrees tree, long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(mth(tree, start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(tree, m, start, start + k, b, out);
            out.add(mth(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, out);
            out.add(mth(tree, start, start + k));
        }
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.size() <= 64 && proof.stream().allMatch(p -> p != null && p.length == HASH_SIZE);
    }

    private static void checkSize(List<byte[]> leaves, long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("tree size " + size + " is not within 0.." + leaves.size());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
