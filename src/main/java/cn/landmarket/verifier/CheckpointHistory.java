package cn.landmarket.verifier;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;

/**
 * The signed tree heads the recomputed tree must meet: the log's checkpoint history up to the
 * latest checkpoint, the latest one, and the checkpoint saved by an earlier run. History notes are
 * compared with the recomputed tree; their signatures are checked only where a root disagrees
 * ({@link #explain}): Ed25519 costs more than hashing a checkpoint's entries.
 */
final class CheckpointHistory {

    private final Checkpoint latest;
    /** The signed root of each tree size up to the latest, the one the tree is compared with. */
    private final TreeMap<Long, byte[]> signedRoots = new TreeMap<>();
    /** The served note of each tree size in the history. */
    private final Map<Long, String> notes = new HashMap<>();

    CheckpointHistory(Checkpoint latest) {
        this.latest = latest;
    }

    /** The text a signed note signs, without checking the signature. */
    static String unsignedText(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note");
        }
        return note.substring(0, split + 1);
    }

    /**
     * Reads the source's history page by page, then adds the latest checkpoint; null when the
     * history is well-formed, of this log and in order, else the verdict.
     */
    Verdict read(LogSource source) throws IOException, InterruptedException {
        long size = latest.size();
        long after = -1;
        while (true) {
            List<String> page = source.checkpoints(after, LogSource.PAGE);
            for (String c : page) {
                Checkpoint cp;
                try {
                    cp = Checkpoint.parse(unsignedText(c));
                } catch (IllegalArgumentException e) {
                    return Verdict.bad(size, null, "checkpoint after size " + after + " is malformed: " + e.getMessage());
                }
                if (!cp.origin().equals(latest.origin())) {
                    return Verdict.bad(size, null, "checkpoint of size " + cp.size() + " is of another log: " + cp.origin());
                }
                notes.put(cp.size(), c);
                if (cp.size() <= after) {
                    return Verdict.bad(size, null, "the checkpoint history is out of order at size " + cp.size());
                }
                if (cp.size() <= size) {
                    signedRoots.put(cp.size(), cp.root());
                }
                after = cp.size();
            }
            if (page.size() < LogSource.PAGE || after >= size) {
                break;
            }
        }
        signedRoots.put(size, latest.root());
        return null;
    }

    /**
     * Adds the checkpoint saved by an earlier run (may be null), which the service must not have
     * contradicted, and checks the root of the empty tree; null when all agree, else the verdict.
     */
    Verdict pin(Checkpoint saved) {
        long size = latest.size();
        if (saved != null) {
            byte[] served = signedRoots.get(saved.size());
            if (served != null && !MessageDigest.isEqual(served, saved.root())) {
                return Verdict.bad(size, null, "fork: the service signed root " + Base64.getEncoder().encodeToString(served)
                        + " for tree size " + saved.size() + ", but the saved checkpoint has "
                        + Base64.getEncoder().encodeToString(saved.root()));
            }
            signedRoots.put(saved.size(), saved.root());
        }
        if (!MessageDigest.isEqual(signedRoots.getOrDefault(0L, MerkleTree.emptyRoot()), MerkleTree.emptyRoot())) {
            return Verdict.bad(size, null, "the signed root of the empty tree is wrong");
        }
        return null;
    }

    /** Every signed root by tree size. */
    NavigableMap<Long, byte[]> signedRoots() {
        return signedRoots;
    }

    /** Says whether the service really signed the root that the entries disagree with. */
    Verdict explain(Verdict bad, String key) {
        if (bad.rootMismatchAt() == null || !notes.containsKey(bad.rootMismatchAt())) {
            return bad;
        }
        try {
            SignedNote.open(notes.get(bad.rootMismatchAt()), key);
            return bad.withNote("the service signed that root");
        } catch (IllegalArgumentException e) {
            return bad.withNote("that checkpoint is not validly signed: " + e.getMessage());
        }
    }
}
