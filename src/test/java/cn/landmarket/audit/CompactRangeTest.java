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
}
