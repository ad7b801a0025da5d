package cn.landmarket.verifier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.landmarket.audit.CanonicalCheck;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;

/**
 * Checks the proof a document carries inside its PDF ({@code proof.json}, format
 * {@value #FORMAT}; README, "Documents (PDF)") offline: the checkpoint's signature by the log's key
 * (the pinned one, or the one attached), each entry's canonical form, leaf hash and inclusion proof
 * against that checkpoint, then each fact the document states against the field of the proved entry
 * that must hold it, and the confirmation's text against the SHA-256 its {@code trade.created}
 * entry carries. The document checks out when every proof verifies and every stated fact is proved.
 */
public final class DocumentProof {

    /** The bundle format this verifier reads. */
    public static final String FORMAT = "land-market-document-proof/1";

    private DocumentProof() {
    }

    /** What the check found: whether the document checks out, a summary, and one line per finding. */
    public record Result(boolean ok, String summary, List<String> lines) {
    }

    /** A proved entry: its index, type and facts. */
    private record Proved(long index, String type, Map<String, Object> facts) {
    }

    /**
     * Checks the PDF {@code pdf}. {@code pinnedKey} (may be null) is the log's verifier key as the
     * reader knows it; without it the key attached to the document is used, and the result says so.
     * Raises {@link IllegalArgumentException} when the PDF carries no readable proof.
     */
    public static Result check(byte[] pdf, String pinnedKey) {
        List<byte[]> files = PdfAttachments.embeddedFiles(pdf);
        Map<String, Object> bundle = null;
        List<byte[]> others = new ArrayList<>();
        for (byte[] file : files) {
            Map<String, Object> json = bundleOrNull(file);
            if (json != null && bundle == null) {
                bundle = json;
            } else {
                others.add(file);
            }
        }
        if (bundle == null) {
            throw new IllegalArgumentException("the PDF carries no " + FORMAT + " attachment (" + files.size()
                    + " embedded files)");
        }
        try {
            return check(bundle, others, pinnedKey);
        } catch (ClassCastException | NullPointerException | ArithmeticException | IllegalArgumentException e) {
            return new Result(false, "the attached proof is malformed: " + e, List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bundleOrNull(byte[] file) {
        try {
            Object json = JsonTree.parse(file);
            if (json instanceof Map<?, ?> map && FORMAT.equals(map.get("format"))) {
                return (Map<String, Object>) map;
            }
        } catch (IllegalArgumentException e) {
            // not the bundle
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Result check(Map<String, Object> bundle, List<byte[]> otherFiles, String pinnedKey) {
        List<String> lines = new ArrayList<>();
        String attachedKey = string(bundle, "verifierKey");
        String key = pinnedKey != null ? pinnedKey.strip() : attachedKey;
        lines.add("document: " + string(bundle, "title") + " " + string(bundle, "number") + " ("
                + string(bundle, "document") + ")");
        if (pinnedKey != null && attachedKey != null && !pinnedKey.strip().equals(attachedKey.strip())) {
            return fail(lines, "the attached verifier key " + attachedKey + " is not the pinned key");
        }
        lines.add(pinnedKey != null ? "key: the pinned key " + key
                : "key: " + key + " (as attached; pin the log's key with --key to rule out a forged log)");
        if (key == null) {
            return fail(lines, "no verifier key");
        }
        String note = string(bundle, "checkpoint");
        if (note == null) {
            return fail(lines, "no signed checkpoint is attached");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, key));
        } catch (IllegalArgumentException e) {
            return fail(lines, "the attached checkpoint does not verify: " + e.getMessage());
        }
        lines.add("checkpoint: " + checkpoint.origin() + ", tree size " + checkpoint.size() + ", signature valid");

        List<Proved> proved = new ArrayList<>();
        for (Object o : (List<Object>) bundle.getOrDefault("entries", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            long index = ((BigDecimal) e.get("index")).longValueExact();
            byte[] entry = Base64.getDecoder().decode(string(e, "entry"));
            if (!CanonicalCheck.isCanonicalEntry(entry)) {
                return fail(lines, "entry " + index + " is not a canonical log entry");
            }
            byte[] leaf = MerkleTree.leafHash(entry);
            String statedLeaf = string(e, "leafHash");
            if (statedLeaf != null && !Arrays.equals(leaf, Base64.getDecoder().decode(statedLeaf))) {
                return fail(lines, "entry " + index + " does not hash to its stated leaf hash");
            }
            BigDecimal treeSize = (BigDecimal) e.get("treeSize");
            if (treeSize != null && treeSize.longValueExact() != checkpoint.size()) {
                return fail(lines, "entry " + index + " is proved in a tree of " + treeSize
                        + " entries, not the checkpoint's " + checkpoint.size());
            }
            List<byte[]> path = ((List<Object>) e.getOrDefault("proof", List.of())).stream()
                    .map(h -> Base64.getDecoder().decode((String) h)).toList();
            if (!MerkleTree.verifyInclusion(index, checkpoint.size(), leaf, path, checkpoint.root())) {
                return fail(lines, "the inclusion proof of entry " + index + " does not verify against the checkpoint");
            }
            Map<String, Object> json = (Map<String, Object>) JsonTree.parse(entry);
            Object facts = json.get("facts");
            proved.add(new Proved(index, String.valueOf(json.get("type")),
                    facts instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
            lines.add("entry #" + index + " " + json.get("type") + " at " + json.get("time")
                    + ": included in the signed tree (leaf " + HexFormat.of().formatHex(leaf) + ")");
        }

        int covered = 0;
        List<String> uncovered = new ArrayList<>();
        List<Object> facts = (List<Object>) bundle.getOrDefault("facts", List.of());
        for (Object o : facts) {
            Map<String, Object> f = (Map<String, Object>) o;
            String label = string(f, "label");
            String type = string(f, "entry");
            String field = string(f, "field");
            Object value = f.get("value");
            String what = label + " = " + JsonTree.text(value) + " (" + type + "." + field + ")";
            List<Proved> ofType = proved.stream().filter(p -> p.type().equals(type)).toList();
            Proved match = ofType.stream().filter(p -> p.facts().containsKey(field)
                    && JsonTree.same(p.facts().get(field), value)).findFirst().orElse(null);
            if (match != null) {
                covered++;
                lines.add("proved: " + what + " by entry #" + match.index());
            } else if (ofType.stream().anyMatch(p -> p.facts().containsKey(field))) {
                return fail(lines, "the document states " + what + " but the proved " + type + " entry says "
                        + JsonTree.text(ofType.stream().filter(p -> p.facts().containsKey(field)).findFirst()
                                .orElseThrow().facts().get(field)));
            } else {
                uncovered.add(what);
                lines.add("NOT proved: " + what + (ofType.isEmpty() ? ": no " + type + " entry is attached"
                        : ": the " + type + " entry has no such field"));
            }
        }

        String text = string(bundle, "confirmationText");
        if (text != null) {
            String sha = sha256(text.getBytes(StandardCharsets.UTF_8));
            Proved created = proved.stream().filter(p -> p.type().equals("trade.created")).findFirst().orElse(null);
            if (created == null) {
                uncovered.add("the confirmation text");
                lines.add("NOT proved: the confirmation text (SHA-256 " + sha + "): no trade.created entry is attached");
            } else if (!sha.equals(created.facts().get("confirmationSha256"))) {
                return fail(lines, "the attached confirmation text has SHA-256 " + sha + ", but entry #"
                        + created.index() + " (trade.created) carries " + created.facts().get("confirmationSha256"));
            } else {
                lines.add("proved: the attached confirmation text (SHA-256 " + sha + ") is the one entry #"
                        + created.index() + " (trade.created) records, whose hash the parties accept");
            }
            for (byte[] other : otherFiles) {
                if (!Arrays.equals(other, text.getBytes(StandardCharsets.UTF_8))) {
                    return fail(lines, "an attached file (SHA-256 " + sha256(other)
                            + ") differs from the confirmation text in the proof");
                }
                lines.add("the attached confirmation.txt is that same text");
            }
        }
        if (!uncovered.isEmpty()) {
            return new Result(false, uncovered.size() + " of the document's facts are not proved by its attachment"
                    + " (an entry not yet in the signed tree when it was made? download it again): "
                    + String.join("; ", uncovered), lines);
        }
        return new Result(true, proved.size() + " log entries proved against the signed checkpoint of size "
                + checkpoint.size() + "; all " + covered + " stated facts" + (text == null ? "" : " and the confirmation text")
                + " proved", lines);
    }

    private static Result fail(List<String> lines, String why) {
        return new Result(false, why, lines);
    }

    private static String string(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
