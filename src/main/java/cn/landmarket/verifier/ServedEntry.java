package cn.landmarket.verifier;

import cn.landmarket.audit.MerkleTree;

/**
 * One entry as a log source serves it, held as its leaf input {@code 0x00 ‖ entry}: the bytes
 * {@code data[from, to)}, hashed in place (several entries may share one array); its stored leaf
 * hash may be null (exports carry none).
 */
public record ServedEntry(long index, byte[] data, int from, int to, byte[] leafHash) {

    public ServedEntry {
        if (from < 0 || to <= from || to > data.length || data[from] != 0) {
            throw new IllegalArgumentException("a leaf input is 0x00 followed by the entry");
        }
    }

    /** An entry held in an array of its own. */
    public static ServedEntry of(long index, byte[] entry, byte[] leafHash) {
        byte[] input = MerkleTree.leafInput(entry);
        return new ServedEntry(index, input, 0, input.length, leafHash);
    }
}
