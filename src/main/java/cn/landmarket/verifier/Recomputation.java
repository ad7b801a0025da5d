package cn.landmarket.verifier;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One kind of published result that anyone can recompute from the public log alone (README, "Audit
 * log", "Recomputing results"): the {@link Recomputer} reads the log once, front to back, and hands
 * each recomputation the entries of the types it names, in log order; at the end each says, per
 * result, whether its own recomputation agrees with what was published and, where not, which
 * entries disagree. A new kind of result is one more class
 * listed in {@link #all()}; it should decide with the same plain rule class the service uses.
 */
public interface Recomputation {

    /** What it recomputes, as the report names it ({@code sealed opening}). */
    String name();

    /** The entry types it reads; it is given those only. */
    Set<String> entryTypes();

    /** One entry of a type it reads; entries come in log order. */
    void accept(LogEntry entry);

    /** One finding per published result it recomputed, after the whole log was read. */
    List<Finding> findings();

    /**
     * The finding {@code recompute} makes about one listing, or, should it fail, a disagreement saying
     * so: one listing's entries that no rule foresaw must not keep the others from being checked.
     */
    static Finding guarded(String name, long listingId, Supplier<Finding> recompute) {
        try {
            return recompute.get();
        } catch (RuntimeException e) {
            return Finding.failed(name, listingId, "recomputing the listing", e);
        }
    }

    /** Every recomputation the verifier runs, each new (they keep state while the log is read). */
    static List<Recomputation> all() {
        return List.of(new SealedOpeningRecomputation(), new LotteryDrawRecomputation(), new RunnerUpRecomputation());
    }
}
