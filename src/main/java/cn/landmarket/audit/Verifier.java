package cn.landmarket.audit;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the audit log without trusting the service:
 * {@code ./mvnw -B -q compile exec:java@verify-log -Dexec.args="http://localhost:8080 audit-checkpoint.txt"}.
 * The first argument is the service's URL or a directory holding an export of its log (see
 * {@code --export}). It reads the verifier key, the latest signed checkpoint, the checkpoint
 * history and every entry; recomputes each leaf hash and the root of every tree size in the history;
 * checks that every entry is canonical JSON and the signatures of the latest checkpoint and of the
 * saved one (a history checkpoint's signature is checked where its root disagrees with the entries,
 * to say whether the service really signed it: Ed25519 costs more than hashing a checkpoint's
 * entries); proves the checkpoint saved by the previous run consistent with the new one; and then
 * saves the new checkpoint. Leaf hashes and canonical form are checked on all cores, each page of
 * entries while the next one is fetched. Exit status 0 when
 * the log checks out, 1 naming the first bad entry or checkpoint, 2 when the log cannot be read.
 * Options: {@code --key <vkey>} pins the key; {@code --export <dir>} also writes what was verified
 * to a directory (key.txt, checkpoint.txt, checkpoints.json, entries.bin with each entry as a
 * 4-byte big-endian length and its bytes), which this verifier and others can check offline.
 */
public final class Verifier {

    private static final int PAGE = 1000;
    private static final Base64.Decoder B64 = Base64.getDecoder();

    private final Source source;

    /** What the verification found: the checked tree size, or the first bad entry and why. */
    public record Result(boolean ok, long treeSize, Long badEntry, String message, Long rootMismatchAt) {

        static Result ok(long size, String message) {
            return new Result(true, size, null, message, null);
        }

        static Result bad(long size, Long entry, String message) {
            return new Result(false, size, entry, message, null);
        }
    }

    /** Fetches the entries from {@code start} on a pool worker: a page, at most up to {@code size}. */
    private CompletableFuture<List<Served>> fetch(long start, long size) {
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
    private static List<Served> await(CompletableFuture<List<Served>> fetching) throws IOException, InterruptedException {
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

    /** The text a signed note signs, without checking the signature. */
    private static String unsignedText(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note");
        }
        return note.substring(0, split + 1);
    }

    /** Says whether the service really signed the root that the entries disagree with. */
    private static Result signatureOfMismatch(Result bad, Map<Long, String> history, String key) {
        if (bad.rootMismatchAt() == null || !history.containsKey(bad.rootMismatchAt())) {
            return bad;
        }
        String signed;
        try {
            SignedNote.open(history.get(bad.rootMismatchAt()), key);
            signed = "the service signed that root";
        } catch (IllegalArgumentException e) {
            signed = "that checkpoint is not validly signed: " + e.getMessage();
        }
        return new Result(false, bad.treeSize(), bad.badEntry(), bad.message() + " (" + signed + ")", bad.rootMismatchAt());
    }

    private Verifier(Source source) {
        this.source = source;
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        String pinned = null;
        Path exportTo = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinned = args[++i];
            } else if (args[i].equals("--export") && i + 1 < args.length) {
                exportTo = Path.of(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            System.err.println("usage: Verifier <service url | export directory> [saved checkpoint file] "
                    + "[--key <verifier key>] [--export <directory>]");
            System.exit(2);
        }
        Result result;
        try {
            result = verify(positional.get(0), positional.size() > 1 ? Path.of(positional.get(1)) : null, pinned,
                    exportTo);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the log: " + (e.getMessage() == null ? e : e.getMessage()));
            System.exit(2);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
            return;
        }
        (result.ok() ? System.out : System.err).println((result.ok() ? "OK: " : "FAILED: ") + result.message());
        System.exit(result.ok() ? 0 : 1);
    }

    /**
     * Verifies the log at {@code location}: a service URL, or an export directory. If {@code saved}
     * names an existing file holding a signed checkpoint from an earlier run, the new checkpoint must
     * be consistent with it; on success the new checkpoint is written there. {@code pinnedKey} (may
     * be null) must equal the served key.
     */
    public static Result verify(String location, Path saved, String pinnedKey) throws IOException, InterruptedException {
        return verify(location, saved, pinnedKey, null);
    }

    /** As {@link #verify(String, Path, String)}; with {@code exportTo}, also exports what was verified there. */
    public static Result verify(String location, Path saved, String pinnedKey, Path exportTo)
            throws IOException, InterruptedException {
        Path dir = location.contains("://") ? null : Path.of(location);
        try (Source source = dir != null && Files.isDirectory(dir) ? new ExportSource(dir) : new HttpSource(location)) {
            if (exportTo == null) {
                return new Verifier(source).run(saved, pinnedKey);
            }
            try (ExportWriter export = new ExportWriter(source, exportTo)) {
                Result result = new Verifier(export).run(saved, pinnedKey);
                if (result.ok()) {
                    export.finish();
                }
                return result;
            }
        }
    }

    /** Verifies what {@code source} serves (see {@link #verify(String, Path, String)}). */
    static Result verify(Source source, Path saved, String pinnedKey) throws IOException, InterruptedException {
        return new Verifier(source).run(saved, pinnedKey);
    }

    private Result run(Path saved, String pinnedKey) throws IOException, InterruptedException {
        String key = source.key().strip();
        if (pinnedKey != null && !pinnedKey.strip().equals(key)) {
            return Result.bad(0, null, "the service's key " + key + " is not the pinned key");
        }
        Checkpoint previous = null;
        if (saved != null && Files.exists(saved)) {
            try {
                previous = Checkpoint.parse(SignedNote.open(Files.readString(saved), key));
            } catch (IllegalArgumentException e) {
                return Result.bad(0, null, "the saved checkpoint does not verify with the service's key: "
                        + e.getMessage());
            }
        }
        String note = source.checkpoint();
        Checkpoint latest;
        try {
            latest = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            return Result.bad(0, null, "the latest checkpoint is not validly signed: " + e.getMessage());
        }
        long size = latest.size();
        if (previous != null && !previous.origin().equals(latest.origin())) {
            return Result.bad(size, null, "origin changed from " + previous.origin() + " to " + latest.origin());
        }
        if (previous != null && previous.size() > size) {
            return Result.bad(size, null, "the log shrank from " + previous.size() + " to " + size + " entries");
        }

        TreeMap<Long, byte[]> signedRoots = new TreeMap<>();
        Map<Long, String> history = new HashMap<>();
        long after = -1;
        while (true) {
            List<String> page = source.checkpoints(after, PAGE);
            for (String c : page) {
                // History notes are compared with the recomputed tree; their signatures are checked
                // only where a root disagrees (below): Ed25519 costs more than hashing a checkpoint's entries.
                Checkpoint cp;
                try {
                    cp = Checkpoint.parse(unsignedText(c));
                } catch (IllegalArgumentException e) {
                    return Result.bad(size, null, "checkpoint after size " + after + " is malformed: " + e.getMessage());
                }
                if (!cp.origin().equals(latest.origin())) {
                    return Result.bad(size, null, "checkpoint of size " + cp.size() + " is of another log: " + cp.origin());
                }
                history.put(cp.size(), c);
                if (cp.size() <= after) {
                    return Result.bad(size, null, "the checkpoint history is out of order at size " + cp.size());
                }
                if (cp.size() <= size) {
                    signedRoots.put(cp.size(), cp.root());
                }
                after = cp.size();
            }
            if (page.size() < PAGE || after >= size) {
                break;
            }
        }
        signedRoots.put(size, latest.root());
        if (previous != null) {
            byte[] served = signedRoots.get(previous.size());
            if (served != null && !MessageDigest.isEqual(served, previous.root())) {
                return Result.bad(size, null, "fork: the service signed root " + Base64.getEncoder().encodeToString(served)
                        + " for tree size " + previous.size() + ", but the saved checkpoint has "
                        + Base64.getEncoder().encodeToString(previous.root()));
            }
            signedRoots.put(previous.size(), previous.root());
        }

        if (!MessageDigest.isEqual(signedRoots.getOrDefault(0L, MerkleTree.emptyRoot()), MerkleTree.emptyRoot())) {
            return Result.bad(size, null, "the signed root of the empty tree is wrong");
        }
        Tree tree = new Tree(signedRoots, size);
        // Each page is fetched while the one before it is checked.
        CompletableFuture<List<Served>> fetching = size > 0 ? fetch(0, size) : null;
        try {
            while (tree.size() < size) {
                List<Served> page = await(fetching);
                fetching = null;
                if (page.isEmpty()) {
                    return Result.bad(size, tree.size(), "entry " + tree.size() + " is missing");
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
                Result bad = tree.addAll(page.subList(0, usable));
                if (bad != null) {
                    return signatureOfMismatch(bad, history, key);
                }
                if (usable < page.size() && following < size) {
                    return Result.bad(size, following, "entry " + following + " is missing; got "
                            + page.get(usable).index());
                }
            }
        } finally {
            if (fetching != null) {
                fetching.handle((page, failure) -> null).join(); // the source is closed after this
            }
        }
        Result bad = tree.finish();
        if (bad != null) {
            return bad;
        }
        if (previous != null && previous.size() > 0 && previous.size() < size) {
            List<byte[]> hashes = source.consistency(previous.size(), size);
            if (hashes != null
                    && !MerkleTree.verifyConsistency(previous.size(), size, hashes, previous.root(), latest.root())) {
                return Result.bad(size, null, "the log's consistency proof from the saved checkpoint (size "
                        + previous.size() + ") to size " + size + " does not verify");
            }
        }
        if (saved != null) {
            Files.writeString(saved, note);
        }
        return Result.ok(size, size + " entries and " + signedRoots.size() + " signed tree heads verified"
                + (previous == null ? "" : ", consistent with the saved checkpoint of size " + previous.size()));
    }

    /**
     * The tree recomputed from entries fed in index order, compared with every signed root on the
     * way. The first entry whose bytes do not match their served leaf hash or are not canonical is
     * remembered; a root mismatch names it, or else the first entry after the last matching root.
     */
    public static final class Tree {

        /** Leaves hashed into one subtree on one core: big enough to make the in-order work small. */
        static final int BLOCK_LEVEL = 6;
        static final int BLOCK = 1 << BLOCK_LEVEL;

        private final NavigableMap<Long, byte[]> signedRoots;
        private final long size;
        private final CompactRange range = new CompactRange();
        private Long firstServedMismatch;
        private String servedMismatch;
        private long lastGood;

        public Tree(NavigableMap<Long, byte[]> signedRoots, long size) {
            this.signedRoots = signedRoots;
            this.size = size;
        }

        public long size() {
            return range.size();
        }

        private void noteProblem(long index, String problem) {
            if (firstServedMismatch == null && problem != null) {
                firstServedMismatch = index;
                servedMismatch = problem;
            }
        }

        private Result append(byte[] leaf, String problem) {
            noteProblem(range.size(), problem);
            range.append(leaf);
            return compareSignedRoot();
        }

        /** Compares the tree with the signed root of its current size, if one was signed. */
        private Result compareSignedRoot() {
            byte[] signed = signedRoots.get(range.size());
            if (signed != null) {
                if (!MessageDigest.isEqual(signed, range.root())) {
                    long culprit = firstServedMismatch != null ? firstServedMismatch : lastGood;
                    String why = firstServedMismatch != null ? servedMismatch
                            : "the entries " + lastGood + ".." + (range.size() - 1)
                                    + " do not hash to the signed root of tree size " + range.size();
                    return new Result(false, size, culprit, "first bad entry " + culprit + ": " + why, range.size());
                }
                lastGood = range.size();
            }
            return null;
        }

        /**
         * Adds the next entries, in index order. On all cores, in blocks of
         * {@value #BLOCK}: the leaf hashes, the canonical form, and the root of each block that is a
         * whole perfect subtree of the log with no signed tree size inside it; then, in order, each
         * such block joins the tree as one subtree and the other leaves one by one, and every signed
         * root on the way is compared. Null when all is well so far.
         */
        public Result addAll(List<Served> entries) {
            int n = entries.size();
            long base = range.size();
            byte[] leaves = new byte[n * MerkleTree.HASH]; // one hash after another
            String[] problems = new String[n];
            // Blocks end where the log's index reaches a multiple of BLOCK (and at the page's end).
            int[] bounds = blockBounds(base, n);
            int blocks = bounds.length - 1;
            byte[][] blockRoots = new byte[blocks][];
            // Blocks are claimed one at a time by this thread and by a helper per pool worker, so
            // that a worker busy fetching the next page (see run) joins in late without leaving
            // a share of the blocks waiting for it.
            AtomicInteger claimed = new AtomicInteger();
            IntConsumer block = b -> {
                int from = bounds[b];
                int to = bounds[b + 1];
                for (int i = from; i < to; i++) {
                    Served e = entries.get(i);
                    // Checked before hashing: the check brings the entry into the cache, the digest
                    // then reads it there (the other way round costs a tenth more).
                    boolean canonical = CanonicalCheck.isCanonicalEntry(e.data(), e.from() + 1, e.to());
                    int at = i * MerkleTree.HASH;
                    MerkleTree.leafHashOfInput(e.data(), e.from(), e.to(), leaves, at);
                    if (e.leafHash() != null
                            && !Arrays.equals(leaves, at, at + MerkleTree.HASH, e.leafHash(), 0, e.leafHash().length)) {
                        problems[i] = "its bytes do not hash to its stored leaf hash";
                    } else if (!canonical) {
                        problems[i] = "it is not a canonical JSON entry";
                    }
                }
                if (to - from == BLOCK && (base + from) % BLOCK == 0
                        && signedRoots.subMap(base + from, false, base + to, false).isEmpty()) {
                    blockRoots[b] = MerkleTree.perfectRoot(leaves, from, BLOCK);
                }
            };
            Runnable claim = () -> {
                for (int b = claimed.getAndIncrement(); b < blocks; b = claimed.getAndIncrement()) {
                    block.accept(b);
                }
            };
            List<ForkJoinTask<?>> helpers = new ArrayList<>();
            for (int h = Math.min(ForkJoinPool.getCommonPoolParallelism(), blocks - 1); h > 0; h--) {
                helpers.add(ForkJoinPool.commonPool().submit(claim));
            }
            claim.run();
            helpers.forEach(ForkJoinTask::join);
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                int to = bounds[b + 1];
                if (blockRoots[b] == null) {
                    for (; i < to; i++) {
                        Result bad = append(Arrays.copyOfRange(leaves, i * MerkleTree.HASH, (i + 1) * MerkleTree.HASH),
                                problems[i]);
                        if (bad != null) {
                            return bad;
                        }
                    }
                } else {
                    for (int j = i; j < to; j++) {
                        noteProblem(base + j, problems[j]);
                    }
                    range.appendSubtree(BLOCK_LEVEL, blockRoots[b]);
                    i = to;
                    Result bad = compareSignedRoot();
                    if (bad != null) {
                        return bad;
                    }
                }
            }
            return null;
        }

        /** Where the page's blocks end: at each index where the log reaches a multiple of BLOCK, and at n. */
        private static int[] blockBounds(long base, int n) {
            int[] bounds = new int[n / BLOCK + 3];
            int count = 1;
            for (int p = 0; p < n;) {
                p = (int) Math.min(n, p + BLOCK - (base + p) % BLOCK);
                bounds[count++] = p;
            }
            return Arrays.copyOf(bounds, count);
        }

        /** After the last entry: null when every entry was well-formed. */
        public Result finish() {
            if (firstServedMismatch != null) {
                return Result.bad(size, firstServedMismatch, "first bad entry " + firstServedMismatch + ": "
                        + servedMismatch);
            }
            return null;
        }
    }

    /**
     * One entry as a log source serves it, held as its leaf input {@code 0x00 ‖ entry}: the bytes
     * {@code data[from, to)}, hashed in place (several entries may share one array); its stored leaf
     * hash may be null (exports carry none).
     */
    public record Served(long index, byte[] data, int from, int to, byte[] leafHash) {

        public Served {
            if (from < 0 || to <= from || to > data.length || data[from] != 0) {
                throw new IllegalArgumentException("a leaf input is 0x00 followed by the entry");
            }
        }

        /** An entry held in an array of its own. */
        public static Served of(long index, byte[] entry, byte[] leafHash) {
            byte[] input = MerkleTree.leafInput(entry);
            return new Served(index, input, 0, input.length, leafHash);
        }
    }

    /** Where the log comes from: the service's API, or an export directory. */
    interface Source extends AutoCloseable {
        String key() throws IOException, InterruptedException;

        String checkpoint() throws IOException, InterruptedException;

        /** How many entries to ask for at once. */
        default int pageSize() {
            return PAGE;
        }

        /** Signed checkpoint notes with a tree size above {@code after}, smallest first. */
        List<String> checkpoints(long after, int limit) throws IOException, InterruptedException;

        /**
         * Up to {@code limit} entries from {@code start} (at least one unless none is left); they may be
         * valid only until the call after next: the verifier fetches a page while it checks the one before.
         */
        List<Served> entries(long start, int limit) throws IOException, InterruptedException;

        /** The served consistency proof, or null when the source holds every entry anyway. */
        List<byte[]> consistency(long from, long to) throws IOException, InterruptedException;

        @Override
        default void close() throws IOException {
        }
    }

    private static final class HttpSource implements Source {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final ObjectMapper json = new ObjectMapper();
        private final String base;

        HttpSource(String baseUrl) {
            this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        @Override
        public String key() throws IOException, InterruptedException {
            return get("/api/audit/key");
        }

        @Override
        public String checkpoint() throws IOException, InterruptedException {
            return get("/api/audit/checkpoint");
        }

        @Override
        public List<String> checkpoints(long after, int limit) throws IOException, InterruptedException {
            List<String> notes = new ArrayList<>();
            json.readTree(get("/api/audit/checkpoints?after=" + after + "&limit=" + limit))
                    .forEach(c -> notes.add(c.get("note").asText()));
            return notes;
        }

        @Override
        public List<Served> entries(long start, int limit) throws IOException, InterruptedException {
            List<Served> out = new ArrayList<>();
            for (JsonNode e : json.readTree(get("/api/audit/entries?start=" + start + "&limit=" + limit))) {
                out.add(Served.of(e.get("index").asLong(), B64.decode(e.get("entry").asText()),
                        B64.decode(e.get("leafHash").asText())));
            }
            return out;
        }

        @Override
        public List<byte[]> consistency(long from, long to) throws IOException, InterruptedException {
            List<byte[]> hashes = new ArrayList<>();
            json.readTree(get("/api/audit/consistency?from=" + from + "&to=" + to)).get("proof")
                    .forEach(h -> hashes.add(B64.decode(h.asText())));
            return hashes;
        }

        private String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    /** Passes another source through and writes what it served to an export directory. */
    private static final class ExportWriter implements Source {

        private final Source source;
        private final Path dir;
        private final DataOutputStream entries;
        private final List<String> notes = new ArrayList<>();
        private String key;
        private String checkpoint;

        ExportWriter(Source source, Path dir) throws IOException {
            this.source = source;
            this.dir = Files.createDirectories(dir);
            this.entries = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("entries.bin")), 1 << 16));
        }

        @Override
        public String key() throws IOException, InterruptedException {
            key = source.key();
            return key;
        }

        @Override
        public String checkpoint() throws IOException, InterruptedException {
            checkpoint = source.checkpoint();
            return checkpoint;
        }

        @Override
        public List<String> checkpoints(long after, int limit) throws IOException, InterruptedException {
            List<String> page = source.checkpoints(after, limit);
            notes.addAll(page);
            return page;
        }

        @Override
        public List<Served> entries(long start, int limit) throws IOException, InterruptedException {
            List<Served> page = source.entries(start, limit);
            for (Served e : page) {
                entries.writeInt(e.to() - e.from() - 1);
                entries.write(e.data(), e.from() + 1, e.to() - e.from() - 1);
            }
            return page;
        }

        @Override
        public List<byte[]> consistency(long from, long to) throws IOException, InterruptedException {
            return source.consistency(from, to);
        }

        @Override
        public int pageSize() {
            return source.pageSize();
        }

        /** Writes the key, the checkpoint and the history of checkpoints up to it. */
        void finish() throws IOException {
            entries.flush();
            long size = Checkpoint.parse(SignedNote.open(checkpoint, key)).size();
            List<String> upTo = notes.stream().filter(n -> Checkpoint.parse(SignedNote.open(n, key)).size() <= size)
                    .toList();
            Files.writeString(dir.resolve("key.txt"), key);
            Files.writeString(dir.resolve("checkpoint.txt"), checkpoint);
            new ObjectMapper().writeValue(dir.resolve("checkpoints.json").toFile(), upTo);
        }

        @Override
        public void close() throws IOException {
            entries.close();
        }
    }
}
