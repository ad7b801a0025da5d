package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;
import cn.landmarket.document.PdfRenderer;

/**
 * The offline check of a document's attached proof, on a small log made here: a valid proof and
 * every stated fact pass; a changed entry, a foreign signature, a fact the entries contradict or
 * do not hold, and a changed confirmation text fail; the command's exit codes.
 */
class DocumentProofTest {

    private static final String TEXT = "trade=7\nlisting=LS-1\nprice_fen=2200000000\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static SignedNote.Signer signer(String name) throws Exception {
        return SignedNote.Signer.fromPkcs8(name, Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded()));
    }

    private static final SignedNote.Signer LOG;

    static {
        try {
            LOG = signer("test.local/audit");
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The bundle of a log of four entries (one unrelated), the last three about listing 1, stating {@code facts}. */
    private static Map<String, Object> bundle(List<Map<String, Object>> facts, SignedNote.Signer signer) throws Exception {
        Instant t = Instant.parse("2026-12-04T02:00:00Z");
        List<byte[]> entries = List.of(
                new AuditEntry("calendar.day_set", t, "operator", Map.of("date", "2026-12-05")).bytes(),
                new AuditEntry("listing.announced", t, "system", Map.of("listingId", 1, "listingNo", "LS-1")).bytes(),
                new AuditEntry("listing.sold", t, "system", Map.of("listingId", 1, "winningAmountFen", 2200000000L)).bytes(),
                new AuditEntry("trade.created", t, "system", Map.of("listingId", 1, "tradeId", 7, "priceFen", 2200000000L,
                        "confirmationSha256", sha256(TEXT))).bytes());
        List<byte[]> leaves = entries.stream().map(MerkleTree::leafHash).toList();
        Checkpoint checkpoint = new Checkpoint("test.local/audit", entries.size(), MerkleTree.root(leaves, entries.size()));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", DocumentProof.FORMAT);
        bundle.put("document", "confirmation");
        bundle.put("title", "成交确认书");
        bundle.put("number", "LS-1-T7");
        bundle.put("verifierKey", LOG.verifierKey());
        bundle.put("checkpoint", signer.sign(checkpoint.text()));
        bundle.put("treeSize", entries.size());
        List<Map<String, Object>> proved = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", i);
            e.put("treeSize", entries.size());
            e.put("entry", Base64.getEncoder().encodeToString(entries.get(i)));
            e.put("leafHash", Base64.getEncoder().encodeToString(leaves.get(i)));
            e.put("proof", MerkleTree.inclusionProof(leaves, i, entries.size()).stream()
                    .map(h -> Base64.getEncoder().encodeToString(h)).toList());
            proved.add(e);
        }
        bundle.put("entries", proved);
        bundle.put("facts", facts);
        bundle.put("confirmationText", TEXT);
        return bundle;
    }

    private static Map<String, Object> fact(String label, String entry, String field, Object value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("label", label);
        f.put("entry", entry);
        f.put("field", field);
        f.put("value", value);
        return f;
    }

    private static final List<Map<String, Object>> FACTS = List.of(fact("挂牌编号", "listing.announced", "listingNo", "LS-1"),
            fact("成交价（分）", "listing.sold", "winningAmountFen", 2200000000L),
            fact("成交价（分）", "trade.created", "priceFen", 2200000000L));

    private static byte[] pdf(Map<String, Object> bundle, String text) throws Exception {
        return PdfRenderer.render("<html><head><title>成交确认书</title></head><body><p>成交确认书</p></body></html>",
                List.of(new PdfRenderer.Attachment("proof.json", "application/json", "proof", JSON.writeValueAsBytes(bundle)),
                        new PdfRenderer.Attachment("confirmation.txt", "text/plain", "text",
                                text.getBytes(StandardCharsets.UTF_8))),
                PdfRenderer.calendar(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aValidProofProvesEveryStatedFactAndTheConfirmationText() throws Exception {
        DocumentProof.Result r = DocumentProof.check(pdf(bundle(FACTS, LOG), TEXT), LOG.verifierKey());
        assertTrue(r.ok(), () -> r.summary() + "\n" + r.lines());
        assertTrue(r.lines().contains("proved: 挂牌编号 = LS-1 (listing.announced.listingNo) by entry #1"), r.lines()::toString);
        assertTrue(r.lines().contains("proved: 成交价（分） = 2200000000 (trade.created.priceFen) by entry #3"),
                r.lines()::toString);
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith("proved: the attached confirmation text")), r.lines()::toString);
        assertTrue(r.lines().contains("the attached confirmation.txt is that same text"), r.lines()::toString);
        assertEquals("3 log entries proved against the signed checkpoint of size 4; all 3 stated facts and the"
                + " confirmation text proved", r.summary());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangedEntryFails() throws Exception {
        Map<String, Object> bundle = bundle(FACTS, LOG);
        Map<String, Object> entry = ((List<Map<String, Object>>) bundle.get("entries")).get(2);
        String json = new String(Base64.getDecoder().decode((String) entry.get("entry")), StandardCharsets.UTF_8);
        entry.put("entry", Base64.getEncoder().encodeToString(json.replace("2200000000", "2100000000")
                .getBytes(StandardCharsets.UTF_8)));
        DocumentProof.Result r = DocumentProof.check(pdf(bundle, TEXT), LOG.verifierKey());
        assertFalse(r.ok());
        assertEquals("entry 3 does not hash to its stated leaf hash", r.summary());
        entry.remove("leafHash");
        DocumentProof.Result noLeaf = DocumentProof.check(pdf(bundle, TEXT), LOG.verifierKey());
        assertEquals("the inclusion proof of entry 3 does not verify against the checkpoint", noLeaf.summary());
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws Exception {
        DocumentProof.Result r = DocumentProof.check(pdf(bundle(FACTS, signer("test.local/audit")), TEXT),
                LOG.verifierKey());
        assertFalse(r.ok());
        assertTrue(r.summary().startsWith("the attached checkpoint does not verify"), r.summary());
    }

    @Test
    void aFactTheEntriesContradictOrDoNotHoldFails() throws Exception {
        DocumentProof.Result wrong = DocumentProof.check(pdf(bundle(List.of(fact("成交价（分）", "trade.created",
                "priceFen", 2100000000L)), LOG), TEXT), LOG.verifierKey());
        assertFalse(wrong.ok());
        assertEquals("the document states 成交价（分） = 2100000000 (trade.created.priceFen) but the proved trade.created"
                + " entry says 2200000000", wrong.summary());
        DocumentProof.Result missing = DocumentProof.check(pdf(bundle(List.of(fact("甲方确认", "trade.confirmed",
                "partyCode", "510722201")), LOG), TEXT), LOG.verifierKey());
        assertFalse(missing.ok());
        assertTrue(missing.lines().contains("NOT proved: 甲方确认 = 510722201 (trade.confirmed.partyCode): no"
                + " trade.confirmed entry is attached"), missing.lines()::toString);
    }

    @Test
    void aChangedConfirmationTextFails() throws Exception {
        String forged = TEXT.replace("2200000000", "2100000000");
        Map<String, Object> bundle = bundle(FACTS, LOG);
        bundle.put("confirmationText", forged);
        DocumentProof.Result r = DocumentProof.check(pdf(bundle, forged), LOG.verifierKey());
        assertFalse(r.ok());
        assertTrue(r.summary().startsWith("the attached confirmation text has SHA-256 " + sha256(forged)), r.summary());
    }

    @Test
    void theCommandExitsZeroWhenProvedOneWhenNotAndTwoWithoutAProof() throws Exception {
        Path good = Files.write(dir.resolve("good.pdf"), pdf(bundle(FACTS, LOG), TEXT));
        Path bad = Files.write(dir.resolve("bad.pdf"), pdf(bundle(FACTS, LOG), TEXT + "x"));
        Path none = Files.write(dir.resolve("none.pdf"), PdfRenderer.render(
                "<html><head><title>t</title></head><body><p>t</p></body></html>", List.of(),
                PdfRenderer.calendar(Instant.EPOCH, ZoneOffset.UTC)));
        assertEquals(0, VerifyCommand.run(new String[] {"pdf", good.toString(), "--key", LOG.verifierKey()}, System.out, System.err));
        assertEquals(0, VerifyCommand.run(new String[] {"pdf", good.toString()}, System.out, System.err));
        assertEquals(1, VerifyCommand.run(new String[] {"pdf", bad.toString(), "--key", LOG.verifierKey()}, System.out, System.err));
        assertEquals(2, VerifyCommand.run(new String[] {"pdf", none.toString()}, System.out, System.err));
        assertEquals(2, VerifyCommand.run(new String[] {"pdf"}, System.out, System.err));
    }
}
