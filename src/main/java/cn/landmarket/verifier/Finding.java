package cn.landmarket.verifier;

import java.util.List;

/**
 * What a {@link Recomputation} found about one published result: whether it agrees, a one-line
 * summary of the result, and each disagreement naming the log entry where it lies.
 */
public record Finding(String recomputation, long listingId, String subject, boolean agrees, String summary,
        List<String> disagreements) {

    public Finding {
        disagreements = List.copyOf(disagreements);
    }

    /** The finding as one report line. */
    public String line() {
        String head = recomputation + ", listing " + listingId + (subject == null ? "" : " (" + subject + ")") + ": ";
        return agrees ? head + "AGREES: " + summary
                : head + "DISAGREES: " + String.join("; ", disagreements) + (summary == null ? "" : " [" + summary + "]");
    }
}
