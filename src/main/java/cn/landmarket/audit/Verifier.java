package cn.landmarket.audit;

import java.io.IOException;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the audit log of a running service without trusting it:
 * {@code ./mvnw -B -q compile exec:java@verify-log -Dexec.args="http://localhost:8080 audit-checkpoint.txt"}.
 * It fetches the verifier key, the latest signed checkpoint, the checkpoint history and every
 * entry; recomputes each leaf hash and the root of every signed tree size; checks every
 * signature; proves the checkpoint saved by the previous run consistent with the new one; and then
 * saves the new checkpoint. Exit status 0 when the log checks out, 1 naming the first bad entry or
 * checkpoint, 2 when the service cannot be read. Optional {@code --key <vkey>} pins the key.
 */
public final class Verifier {

    private static final int PAGE = 1000;
    private static final Base64.Decoder B64 = Base64.getDecoder();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    /** What the verification found: the checked tree size, or the first bad entry and why. */
    public record Result(boolean ok, long treeSize, Long badEntry, String message) {

        static Result ok(long size, String message) {
            return new Result(true, size, null, message);
        }

        static Result bad(long size, Long entry, String message) {
            return new Result(false, size, entry, message);
        }
    }

    private Verifier(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        String pinned = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinned = args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            System.err.println("usage: Verifier <service url> [saved checkpoint file] [--key <verifier key>]");
            System.exit(2);
        }
        Result result;
        try {
            result = verify(positional.get(0), positional.size() > 1 ? Path.of(positional.get(1)) : null, pinned);
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
     * Verifies the log at {@code baseUrl}. If {@code saved} names an existing file holding a signed
     * checkpoint from an earlier run, the new checkpoint must be consistent with it; on success the
     * new checkpoint is written there. {@code pinnedKey} (may be null) must equal the served key.
     */
    public static Result verify(String baseUrl, Path saved, String pinnedKey) throws IOException, InterruptedException {
        return new Verifier(baseUrl).run(saved, pinnedKey);
    }

    private Result run(Path saved, String pinnedKey) throws IOException, InterruptedException {
        String key = get("/api/audit/key").strip();
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
        String note = get("/api/audit/checkpoint");
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
        long after = -1;
        while (true) {
            JsonNode page = json.readTree(get("/api/audit/checkpoints?after=" + after + "&limit=" + PAGE));
            for (JsonNode c : page) {
                Checkpoint cp;
                try {
                    cp = Checkpoint.parse(SignedNote.open(c.get("note").asText(), key));
                } catch (IllegalArgumentException e) {
                    return Result.bad(size, null, "checkpoint of size " + c.get("treeSize").asLong()
                            + " is not validly signed: " + e.getMessage());
                }
                if (cp.size() <= size) {
                    signedRoots.put(cp.size(), cp.root());
                }
                after = c.get("treeSize").asLong();
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

        CompactRange range = new CompactRange();
        Long firstServedMismatch = null;
        String servedMismatch = null;
        long lastGood = 0;
        if (!MessageDigest.isEqual(signedRoots.getOrDefault(0L, MerkleTree.emptyRoot()), MerkleTree.emptyRoot())) {
            return Result.bad(size, null, "the signed root of the empty tree is wrong");
        }
        while (range.size() < size) {
            int limit = (int) Math.min(PAGE, size - range.size());
            JsonNode page = json.readTree(get("/api/audit/entries?start=" + range.size() + "&limit=" + limit));
            if (page.isEmpty()) {
                return Result.bad(size, range.size(), "entry " + range.size() + " is missing");
            }
            for (JsonNode e : page) {
                long index = range.size();
                if (index >= size) {
                    break;
                }
                if (e.get("index").asLong() != index) {
                    return Result.bad(size, index, "entry " + index + " is missing; got " + e.get("index"));
                }
                byte[] entry = B64.decode(e.get("entry").asText());
                byte[] leaf = MerkleTree.leafHash(entry);
                if (firstServedMismatch == null) {
                    String problem = null;
                    if (!MessageDigest.isEqual(leaf, B64.decode(e.get("leafHash").asText()))) {
                        problem = "its bytes do not hash to its stored leaf hash";
                    } else if (!canonical(entry)) {
                        problem = "it is not canonical JSON";
                    }
                    if (problem != null) {
                        firstServedMismatch = index;
                        servedMismatch = problem;
                    }
                }
                range.append(leaf);
                byte[] signed = signedRoots.get(range.size());
                if (signed != null) {
                    if (!MessageDigest.isEqual(signed, range.root())) {
                        long culprit = firstServedMismatch != null ? firstServedMismatch : lastGood;
                        String why = firstServedMismatch != null ? servedMismatch
                                : "the entries " + lastGood + ".." + (range.size() - 1)
                                        + " do not hash to the signed root of tree size " + range.size();
                        return Result.bad(size, culprit, "first bad entry " + culprit + ": " + why);
                    }
                    lastGood = range.size();
                }
            }
        }
        if (firstServedMismatch != null) {
            return Result.bad(size, firstServedMismatch, "first bad entry " + firstServedMismatch + ": " + servedMismatch);
        }
        if (previous != null && previous.size() > 0 && previous.size() < size) {
            JsonNode proof = json.readTree(get("/api/audit/consistency?from=" + previous.size() + "&to=" + size));
            List<byte[]> hashes = new ArrayList<>();
            proof.get("proof").forEach(h -> hashes.add(B64.decode(h.asText())));
            if (!MerkleTree.verifyConsistency(previous.size(), size, hashes, previous.root(), latest.root())) {
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

    private boolean canonical(byte[] entry) {
        try {
            Map<?, ?> tree = json.readValue(entry, Map.class);
            return MessageDigest.isEqual(CanonicalJson.encode(tree), entry) && tree.containsKey("type")
                    && tree.containsKey("time") && tree.containsKey("actor") && tree.get("facts") instanceof Map;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
