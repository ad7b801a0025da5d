package cn.landmarket.verifier;

import java.util.List;

/**
 * What a {@link Recomputation} found about one published result: whether it agrees, a one-line
 * summary of the result, and each disagreement naming the log entry where it lies. A finding about
 * no one listing (the recomputation itself failed) has listing id {@link #NO_LISTING}.
 */
public record Finding(String recomputation, long listingId, String subject, boolean agrees, String summary,
        List<String> disagreements) {

    /** The listing id of a finding about no one listing. */
    public static final long NO_LISTING = -1;

    public Finding {
        disagreements = List.copyOf(disagreements);
    }

    /**
     * A recomputation that failed on what it read (a programming error, or entries no rule foresaw):
     * a disagreement, since the published result could not be checked, naming where it failed.
     */
    static Finding failed(String recomputation, long listingId, String where, RuntimeException e) {
        return new Finding(recomputation, listingId, null, false, null,
                List.of(where + ": the recomputation failed (" + e + "), so the published result is not checked"));
    }

    /** The finding as one report line. */
    public String line() {
        String head = recomputation + (listingId == NO_LISTING ? "" : ", listing " + listingId)
                + (subject == null ? "" : " (" + subject + ")") + ": ";
        return agrees ? head + "AGREES: " + summary
                : head + "DISAGREES: " + String.join("; ", disagreements) + (summary == null ? "" : " [" + summary + "]");
    }
}
