package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 6962 test vectors, every proof of small trees, and tampered proofs. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves of the reference tree of certificate-transparency-go and Trillian. */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** Roots of the reference tree for sizes 1 to 8. */
    private static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static List<byte[]> referenceLeaves() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        return hashes;
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleTree.leafHash(("entry " + i).getBytes()));
        }
        return hashes;
    }

    private static List<byte[]> hashes(String... hex) {
        return java.util.Arrays.stream(hex).map(HEX::parseHex).toList();
    }

    /** MTH written independently and plainly from RFC 6962 §2.1, on whole entries. */
    private static byte[] naiveRoot(List<byte[]> entries) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        if (entries.isEmpty()) {
            return d.digest();
        }
        if (entries.size() == 1) {
            d.update(new byte[] {0});
            d.update(entries.get(0));
            return d.digest();
        }
        int k = 1;
        while (k * 2 < entries.size()) {
            k *= 2;
        }
        byte[] left = naiveRoot(entries.subList(0, k));
        byte[] right = naiveRoot(entries.subList(k, entries.size()));
        d.update(new byte[] {1});
        d.update(left);
        d.update(right);
        return d.digest();
    }

    private static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(MerkleTree.root(List.of(), 0)));
    }

    @Test
    void referenceTreeRootsMatchTheRfc6962Vectors() throws Exception {
        List<byte[]> leaves = referenceLeaves();
        List<byte[]> entries = java.util.Arrays.stream(LEAVES).map(HEX::parseHex).toList();
        for (int size = 1; size <= 8; size++) {
            assertEquals(ROOTS[size - 1], HEX.formatHex(MerkleTree.root(leaves, size)), "size " + size);
            assertArrayEquals(naiveRoot(entries.subList(0, size)), MerkleTree.root(leaves, size), "size " + size);
        }
    }

    @Test
    void referenceInclusionProofsMatchTheVectors() {
        List<byte[]> leaves = referenceLeaves();
        assertProof(hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                MerkleTree.inclusionProof(leaves, 0, 8));
        assertEquals(List.of(), MerkleTree.inclusionProof(leaves, 0, 1));
    }

    @Test
    void referenceConsistencyProofsMatchTheVectors() {
        List<byte[]> leaves = referenceLeaves();
        assertProof(hashes("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                MerkleTree.consistencyProof(leaves, 1, 8));
        assertProof(hashes("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                MerkleTree.consistencyProof(leaves, 6, 8));
        assertProof(hashes("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                MerkleTree.consistencyProof(leaves, 2, 5));
    }

    private static void assertProof(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.stream().map(HEX::formatHex).toList(), actual.stream().map(HEX::formatHex).toList());
    }

    @Test
    void everyInclusionProofUpToSize64VerifiesAndIsShort() throws Exception {
        List<byte[]> leaves = leaves(64);
        for (int size = 1; size <= 64; size++) {
            byte[] root = MerkleTree.root(leaves, size);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, size);
                assertTrue(proof.size() <= ceilLog2(size), "length at " + i + "/" + size);
                assertTrue(MerkleTree.verifyInclusion(i, size, leaves.get(i), proof, root), i + "/" + size);
                assertFalse(MerkleTree.verifyInclusion(i, size, leaves.get((i + 1) % 64), proof, root));
                if (size > 1) {
                    assertFalse(MerkleTree.verifyInclusion((i + 1) % size, size, leaves.get(i), proof, root));
                }
            }
        }
    }

    @Test
    void everyConsistencyProofUpToSize64VerifiesAndIsShort() {
        List<byte[]> leaves = leaves(64);
        for (int to = 1; to <= 64; to++) {
            byte[] toRoot = MerkleTree.root(leaves, to);
            for (int from = 1; from <= to; from++) {
                byte[] fromRoot = MerkleTree.root(leaves, from);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, from, to);
                // RFC 6962 §2.1.2: a consistency proof has at most ⌈log₂ n⌉ + 1 nodes (3 → 4 needs 3).
                assertTrue(proof.size() <= ceilLog2(to) + 1, "length " + from + "→" + to);
                assertTrue(MerkleTree.verifyConsistency(from, to, proof, fromRoot, toRoot), from + "→" + to);
                if (from < to) {
                    assertFalse(MerkleTree.verifyConsistency(from, to, proof, toRoot, toRoot), from + "→" + to);
                    assertFalse(MerkleTree.verifyConsistency(from, to, proof, fromRoot, fromRoot), from + "→" + to);
                }
            }
        }
    }

    /**
     * The service proves from stored subtrees: the leaves plus every subtree the compact range
     * completed while appending. Those alone must give the same roots and proofs as the leaves.
     */
    @Test
    void proofsFromTheSubtreesAppendsCompleteEqualProofsFromTheLeaves() throws Exception {
        List<byte[]> leaves = leaves(70);
        java.util.Map<String, byte[]> stored = new java.util.HashMap<>();
        CompactRange range = new CompactRange();
        for (int i = 0; i < leaves.size(); i++) {
            stored.put("0/" + i, leaves.get(i));
            range.append(leaves.get(i), (level, index, hash) -> assertNull(stored.put(level + "/" + index, hash)));
        }
        assertEquals(70 - Long.bitCount(70), stored.size() - 70, "n leaves complete n - popcount(n) inner subtrees");
        MerkleTree.Subtrees fromStore = (level, index) -> {
            byte[] h = stored.get(level + "/" + index);
            assertNotNull(h, "subtree " + level + "/" + index + " was never completed");
            return h;
        };
        for (int size = 1; size <= 70; size++) {
            assertProof(List.of(MerkleTree.root(leaves, size)), List.of(MerkleTree.root(fromStore, size)));
            for (int i = 0; i < size; i++) {
                assertProof(MerkleTree.inclusionProof(leaves, i, size), MerkleTree.inclusionProof(fromStore, i, size));
            }
            for (int from = 0; from <= size; from++) {
                assertProof(MerkleTree.consistencyProof(leaves, from, size),
                        MerkleTree.consistencyProof(fromStore, from, size));
            }
        }
        assertProof(List.of(MerkleTree.root(leaves, 70)), List.of(range.root()));
    }

    @Test
    void tamperedProofsAreRejected() {
        List<byte[]> leaves = leaves(37);
        byte[] root = MerkleTree.root(leaves, 37);
        for (int i = 0; i < 37; i++) {
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, i, 37);
            for (int j = 0; j < proof.size(); j++) {
                List<byte[]> bad = new ArrayList<>(proof);
                byte[] flipped = bad.get(j).clone();
                flipped[j % 32] ^= 1;
                bad.set(j, flipped);
                assertFalse(MerkleTree.verifyInclusion(i, 37, leaves.get(i), bad, root));
            }
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(new byte[32]);
            assertFalse(MerkleTree.verifyInclusion(i, 37, leaves.get(i), longer, root));
            if (!proof.isEmpty()) {
                assertFalse(MerkleTree.verifyInclusion(i, 37, leaves.get(i), proof.subList(0, proof.size() - 1), root));
            }
        }
        for (int from = 1; from < 37; from++) {
            List<byte[]> proof = MerkleTree.consistencyProof(leaves, from, 37);
            byte[] fromRoot = MerkleTree.root(leaves, from);
            for (int j = 0; j < proof.size(); j++) {
                List<byte[]> bad = new ArrayList<>(proof);
                byte[] flipped = bad.get(j).clone();
                flipped[0] ^= (byte) 0x80;
                bad.set(j, flipped);
                assertFalse(MerkleTree.verifyConsistency(from, 37, bad, fromRoot, root), from + " at " + j);
            }
            assertFalse(MerkleTree.verifyConsistency(from, 37, List.of(), fromRoot, root));
            assertFalse(MerkleTree.verifyConsistency(from, 37, proof.subList(1, proof.size()), fromRoot, root));
        }
    }

    @Test
    void sizesOutsideTheTreeAreRefused() {
        List<byte[]> leaves = leaves(4);
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.root(leaves, 5));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(leaves, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(leaves, 3, 2));
        assertFalse(MerkleTree.verifyInclusion(4, 4, leaves.get(0), List.of(), MerkleTree.root(leaves, 4)));
    }
}
