package cn.landmarket.verifier;

/**
 * What a verification found: the checked tree size, or the first bad entry and why. Where a signed
 * root disagreed with the entries, {@code rootMismatchAt} is that root's tree size.
 */
public record Verdict(boolean ok, long treeSize, Long badEntry, String message, Long rootMismatchAt) {

    static Verdict ok(long size, String message) {
        return new Verdict(true, size, null, message, null);
    }

    static Verdict bad(long size, Long entry, String message) {
        return new Verdict(false, size, entry, message, null);
    }

    /** The same verdict with {@code note} added to its message in brackets. */
    Verdict withNote(String note) {
        return new Verdict(ok, treeSize, badEntry, message + " (" + note + ")", rootMismatchAt);
    }
}
