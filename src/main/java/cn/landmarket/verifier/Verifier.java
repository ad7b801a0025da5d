package cn.landmarket.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;

/**
 * Checks the audit log without trusting the service (the command line is {@link VerifyCommand}).
 * It reads the verifier key, the latest signed checkpoint, the checkpoint history
 * ({@link CheckpointHistory}) and every entry from a {@link LogSource}; recomputes each leaf hash and
 * the root of every tree size in the history ({@link RecomputedTree}); checks that every entry is
 * canonical JSON and the signatures of the latest checkpoint and of the saved one (a history
 * checkpoint's signature is checked where its root disagrees with the entries, to say whether the
 * service really signed it); proves the checkpoint saved by the previous run consistent with the
 * new one; and then saves the new checkpoint. Leaf hashes and canonical form are checked on all
 * cores, each page of entries while the next one is fetched.
 */
public final class Verifier {

    private final LogSource source;

    private Verifier(LogSource source) {
        this.source = source;
    }

    /**
     * Verifies the log at {@code location}: a service URL, or an export directory. If {@code saved}
     * names an existing file holding a signed checkpoint from an earlier run, the new checkpoint must
     * be consistent with it; on success the new checkpoint is written there. {@code pinnedKey} (may
     * be null) must equal the served key.
     */
    public static Verdict verify(String location, Path saved, String pinnedKey) throws IOException, InterruptedException {
        return verify(location, saved, pinnedKey, null);
    }

    /** As {@link #verify(String, Path, String)}; with {@code exportTo}, also exports what was verified there. */
    public static Verdict verify(String location, Path saved, String pinnedKey, Path exportTo)
            throws IOException, InterruptedException {
        try (LogSource source = open(location)) {
            if (exportTo == null) {
                return new Verifier(source).run(saved, pinnedKey);
            }
            try (ExportWriter export = new ExportWriter(source, exportTo)) {
                Verdict result = new Verifier(export).run(saved, pinnedKey);
                if (result.ok()) {
                    export.finish();
                }
                return result;
            }
        }
    }

    /** The log at {@code location}: an export directory, else the service at that URL. */
    static LogSource open(String location) throws IOException {
        Path dir = location.contains("://") ? null : Path.of(location);
        return dir != null && Files.isDirectory(dir) ? new ExportSource(dir) : new HttpLogSource(location);
    }

    /** Verifies what {@code source} serves (see {@link #verify(String, Path, String)}). */
    static Verdict verify(LogSource source, Path saved, String pinnedKey) throws IOException, InterruptedException {
        return new Verifier(source).run(saved, pinnedKey);
    }

    private Verdict run(Path saved, String pinnedKey) throws IOException, InterruptedException {
        String key = source.key().strip();
        if (pinnedKey != null && !pinnedKey.strip().equals(key)) {
            return Verdict.bad(0, null, "the service's key " + key + " is not the pinned key");
        }
        Checkpoint previous = null;
        if (saved != null && Files.exists(saved)) {
            try {
                previous = Checkpoint.parse(SignedNote.open(Files.readString(saved), key));
            } catch (IllegalArgumentException e) {
                return Verdict.bad(0, null, "the saved checkpoint does not verify with the service's key: "
                        + e.getMessage());
            }
        }
        String note = source.checkpoint();
        Checkpoint latest;
        try {
            latest = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            return Verdict.bad(0, null, "the latest checkpoint is not validly signed: " + e.getMessage());
        }
        long size = latest.size();
        if (previous != null && !previous.origin().equals(latest.origin())) {
            return Verdict.bad(size, null, "origin changed from " + previous.origin() + " to " + latest.origin());
        }
        if (previous != null && previous.size() > size) {
            return Verdict.bad(size, null, "the log shrank from " + previous.size() + " to " + size + " entries");
        }

        CheckpointHistory history = new CheckpointHistory(latest);
        Verdict bad = history.read(source);
        if (bad == null) {
            bad = history.pin(previous);
        }
        if (bad == null) {
            bad = checkEntries(history, size, key);
        }
        if (bad != null) {
            return bad;
        }
        if (previous != null && previous.size() > 0 && previous.size() < size) {
            List<byte[]> hashes = source.consistency(previous.size(), size);
            if (hashes != null
                    && !MerkleTree.verifyConsistency(previous.size(), size, hashes, previous.root(), latest.root())) {
                return Verdict.bad(size, null, "the log's consistency proof from the saved checkpoint (size "
                        + previous.size() + ") to size " + size + " does not verify");
            }
        }
        if (saved != null) {
            Files.writeString(saved, note);
        }
        return Verdict.ok(size, size + " entries and " + history.signedRoots().size() + " signed tree heads verified"
                + (previous == null ? "" : ", consistent with the saved checkpoint of size " + previous.size()));
    }

    /** Feeds every entry up to {@code size} to the recomputed tree; null when all is well, else the verdict. */
    private Verdict checkEntries(CheckpointHistory history, long size, String key)
            throws IOException, InterruptedException {
        RecomputedTree tree = new RecomputedTree(history.signedRoots(), size);
        // Each page is fetched while the one before it is checked.
        CompletableFuture<List<ServedEntry>> fetching = size > 0 ? fetch(0, size) : null;
        try {
            while (tree.size() < size) {
                List<ServedEntry> page = await(fetching);
                fetching = null;
                if (page.isEmpty()) {
                    return Verdict.bad(size, tree.size(), "entry " + tree.size() + " is missing");
                }
                int usable = 0;
                while (usable < page.size() && tree.size() + usable < size
                        && page.get(usable).index() == tree.size() + usable) {
                    usable++;
                }
                long following = tree.size() + usable;
                if (usable == page.size() && following < size) {
                    fetching = fetch(following, size);
                }
                Verdict bad = tree.addAll(page.subList(0, usable));
                if (bad != null) {
                    return history.explain(bad, key);
                }
                if (usable < page.size() && following < size) {
                    return Verdict.bad(size, following, "entry " + following + " is missing; got "
                            + page.get(usable).index());
                }
            }
        } finally {
            if (fetching != null) {
                fetching.handle((page, failure) -> null).join(); // the source is closed after this
            }
        }
        return tree.finish();
    }

    /** Fetches the entries from {@code start} on a pool worker: a page, at most up to {@code size}. */
    private CompletableFuture<List<ServedEntry>> fetch(long start, long size) {
        int limit = (int) Math.min(source.pageSize(), size - start);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.entries(start, limit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, ForkJoinPool.commonPool());
    }

    /** The fetched page, or what stopped its fetch. */
    private static List<ServedEntry> await(CompletableFuture<List<ServedEntry>> fetching)
            throws IOException, InterruptedException {
        try {
            return fetching.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
