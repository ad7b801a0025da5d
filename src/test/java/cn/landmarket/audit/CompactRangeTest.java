package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void appendingLeafByLeafGivesTheRootOfEveryPrefix() {
        CompactRange range = new CompactRange();
        List<byte[]> leaves = new ArrayList<>();
        assertArrayEquals(MerkleTree.emptyRoot(), range.root());
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleTree.leafHash(("leaf " + i).getBytes());
            leaves.add(leaf);
            range.append(leaf);
            assertArrayEquals(MerkleTree.root(leaves, leaves.size()), range.root(), "size " + leaves.size());
            assertEquals(Long.bitCount(range.size()) * 32, range.encode().length);
        }
    }

    @Test
    void aStoredRangeContinuesWhereItStopped() {
        CompactRange range = new CompactRange();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 77; i++) {
            byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) i});
            leaves.add(leaf);
            range = CompactRange.decode(range.size(), range.encode());
            range.append(leaf);
        }
        assertArrayEquals(MerkleTree.root(leaves, 77), range.root());
        assertThrows(IllegalStateException.class, () -> CompactRange.decode(3, new byte[32]));
    }

    @Test
    void aPerfectSubtreeAppendedWholeEqualsItsLeavesAppendedOneByOne() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 40; round++) {
            CompactRange whole = new CompactRange();
            List<byte[]> leaves = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                int level = random.nextInt(5);
                int count = 1 << level;
                if (whole.size() % count != 0) {
                    byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) leaves.size(), 1});
                    leaves.add(leaf);
                    whole.append(leaf);
                    continue;
                }
                byte[][] block = new byte[count][];
                // The leaf hashes one after another, after a few unrelated ones.
                int skip = random.nextInt(3);
                byte[] flat = new byte[(skip + count) * MerkleTree.HASH];
                random.nextBytes(flat);
                for (int i = 0; i < count; i++) {
                    block[i] = MerkleTree.leafHash(new byte[] {(byte) leaves.size(), (byte) i});
                    leaves.add(block[i]);
                    System.arraycopy(block[i], 0, flat, (skip + i) * MerkleTree.HASH, MerkleTree.HASH);
                }
                assertArrayEquals(MerkleTree.root(List.of(block), count), MerkleTree.perfectRoot(flat, skip, count));
                whole.appendSubtree(level, MerkleTree.perfectRoot(flat, skip, count));
                assertEquals(leaves.size(), whole.size());
                assertArrayEquals(MerkleTree.root(leaves, leaves.size()), whole.root(), "size " + leaves.size());
            }
        }
    }

    @Test
    void aSubtreeCannotStartOffItsBoundary() {
        CompactRange range = new CompactRange();
        range.append(MerkleTree.leafHash(new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> range.appendSubtree(1, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.perfectRoot(new byte[3 * MerkleTree.HASH], 0, 3));
    }
}
