package cn.landmarket.verifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the public log once, front to back up to a tree size, and feeds each {@link Recomputation}
 * the entries of the types it reads; the report holds every finding. It reads the log as it is
 * served, so run it on a log the {@link Verifier} has just verified (the {@code recompute} command
 * of {@link VerifyCommand} does both).
 */
public final class Recomputer {

    /** Everything the recomputations found, after reading {@code entries} entries. */
    public record Report(long entries, List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        public List<Finding> disagreements() {
            return findings.stream().filter(f -> !f.agrees()).toList();
        }

        /** The finding of one recomputation about one listing (the first, should there be several). */
        public java.util.Optional<Finding> about(String recomputation, long listingId) {
            return findings.stream().filter(f -> f.recomputation().equals(recomputation) && f.listingId() == listingId)
                    .findFirst();
        }
    }

    private Recomputer() {
    }

    /** Recomputes the log at {@code location} (a service URL or an export directory) up to {@code size} entries. */
    public static Report recompute(String location, long size, List<Recomputation> recomputations)
            throws IOException, InterruptedException {
        try (LogSource source = Verifier.open(location)) {
            return recompute(source, size, recomputations);
        }
    }

    /** Recomputes what {@code source} serves, up to {@code size} entries. */
    static Report recompute(LogSource source, long size, List<Recomputation> recomputations)
            throws IOException, InterruptedException {
        Map<String, List<Recomputation>> byType = new HashMap<>();
        for (Recomputation r : recomputations) {
            for (String type : r.entryTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
            }
        }
        // A recomputation that fails on an entry is reported as a disagreement about that listing, in
        // place of its finding there; the others, and its findings about other listings, still count.
        Map<Recomputation, Map<Long, Finding>> failed = new HashMap<>();
        long next = 0;
        while (next < size) {
            List<ServedEntry> page = source.entries(next, (int) Math.min(source.pageSize(), size - next));
            if (page.isEmpty()) {
                throw new IOException("entry " + next + " is missing");
            }
            for (ServedEntry e : page) {
                if (next >= size) {
                    break;
                }
                if (e.index() != next) {
                    throw new IOException("entry " + next + " is missing; got " + e.index());
                }
                next++;
                LogEntry entry = LogEntry.parse(e.index(), e.data(), e.from() + 1, e.to());
                List<Recomputation> readers = byType.get(entry.type());
                if (readers != null) {
                    for (Recomputation r : readers) {
                        try {
                            r.accept(entry);
                        } catch (RuntimeException ex) {
                            long listingId = entry.listingId() == null ? Finding.NO_LISTING : entry.listingId();
                            failed.computeIfAbsent(r, k -> new LinkedHashMap<>()).putIfAbsent(listingId,
                                    Finding.failed(r.name(), listingId, entry.where(), ex));
                        }
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Recomputation r : recomputations) {
            Map<Long, Finding> failures = failed.getOrDefault(r, Map.of());
            try {
                for (Finding f : r.findings()) {
                    if (!failures.containsKey(f.listingId())) {
                        findings.add(f);
                    }
                }
            } catch (RuntimeException ex) {
                findings.add(Finding.failed(r.name(), Finding.NO_LISTING, "after reading the log", ex));
            }
            findings.addAll(failures.values());
        }
        return new Report(next, findings);
    }
}
