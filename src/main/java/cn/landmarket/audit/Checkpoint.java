package cn.landmarket.audit;

import java.util.Base64;

/** A tree head in the C2SP tlog-checkpoint form: origin, tree size and root hash, one per line. */
public record Checkpoint(String origin, long size, byte[] root) {

    /** The note text: {@code <origin>\n<size>\n<base64 root>\n}. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** Reads the first three lines of a checkpoint's text (extension lines are allowed and ignored). */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("not a checkpoint: expected origin, size and root lines");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint size is not a decimal number");
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("checkpoint size is not canonical");
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        if (root.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint root is not a SHA-256 hash");
        }
        return new Checkpoint(lines[0], size, root);
    }
}
