package cn.landmarket.verifier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.CompactRange;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;

/** Writes small export directories (the layout {@link ExportWriter} writes) for the verifier's tests. */
public final class TestExports {

    private TestExports() {
    }

    /** entries.bin: each entry as a 4-byte big-endian length and its bytes. */
    public static byte[] bin(List<byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] e : entries) {
                out.writeInt(e.length);
                out.write(e);
            }
        }
        return bytes.toByteArray();
    }

    /** A signer with a fresh Ed25519 key. */
    public static SignedNote.Signer signer() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("Ed25519");
        return SignedNote.Signer.fromPkcs8("test.land-market.local/audit",
                Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
    }

    /** {@code n} accepted-bid entries in canonical JSON, one a second from 2026-11-23T02:00Z. */
    public static List<byte[]> bidEntries(int n) {
        List<byte[]> entries = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        for (int i = 0; i < n; i++) {
            entries.add(new AuditEntry("bid.accepted", t.plusSeconds(i), "bidder:" + i,
                    Map.of("listingId", 1 + i % 7, "sequence", i)).bytes());
        }
        return entries;
    }

    /**
     * Writes an honest export of {@code entries} to {@code dir}, signed by {@code signer} with a
     * checkpoint every {@code every} entries, the last of them the latest (entries after it are
     * beyond the checkpoint).
     */
    public static void write(Path dir, List<byte[]> entries, int every, SignedNote.Signer signer) throws IOException {
        CompactRange range = new CompactRange();
        List<String> notes = new ArrayList<>();
        for (byte[] e : entries) {
            range.append(MerkleTree.leafHash(e));
            if (range.size() % every == 0) {
                notes.add(signer.sign(new Checkpoint(signer.name(), range.size(), range.root()).text()));
            }
        }
        Files.writeString(dir.resolve("key.txt"), signer.verifierKey());
        Files.writeString(dir.resolve("checkpoint.txt"), notes.get(notes.size() - 1));
        new ObjectMapper().writeValue(dir.resolve("checkpoints.json").toFile(), notes);
        Files.write(dir.resolve("entries.bin"), bin(entries));
    }
}
