package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;

/**
 * Reading an export: with a buffer and mappings far smaller than the file, every entry comes out
 * whole and in order, across buffer edges, mapping edges and entries longer than the buffer, and
 * each page stays intact while the next one is read (the verifier checks one page while it fetches
 * the next). A cut file fails with the entry named.
 */
class ExportSourceTest {

    @TempDir
    Path dir;

    private static byte[] copy(ServedEntry e) {
        return Arrays.copyOfRange(e.data(), e.from(), e.to());
    }

    @Test
    void everyEntryComesOutWholeAcrossBufferAndMappingEdges() throws Exception {
        Random random = new Random(7);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // Mostly short, some empty, some longer than the 64-byte buffer and the 100-byte mapping.
            byte[] e = new byte[random.nextInt(10) == 0 ? 65 + random.nextInt(300) : random.nextInt(40)];
            random.nextBytes(e);
            entries.add(e);
        }
        Files.write(dir.resolve("entries.bin"), TestExports.bin(entries));
        try (ExportSource source = new ExportSource(dir, 64, 100)) {
            List<ServedEntry> before = List.of();
            List<byte[]> beforeCopies = List.of();
            int next = 0;
            while (next < entries.size()) {
                List<ServedEntry> page = source.entries(next, 1 + random.nextInt(20));
                assertFalse(page.isEmpty(), "entry " + next + " was not served");
                // The page before is still intact after this one was read.
                for (int i = 0; i < before.size(); i++) {
                    assertArrayEquals(beforeCopies.get(i), copy(before.get(i)));
                }
                List<byte[]> copies = new ArrayList<>();
                for (ServedEntry e : page) {
                    assertEquals(next, e.index());
                    byte[] input = copy(e);
                    assertEquals(0, input[0], "a leaf input starts with 0x00");
                    assertArrayEquals(entries.get(next), Arrays.copyOfRange(input, 1, input.length), "entry " + next);
                    copies.add(input);
                    next++;
                }
                before = page;
                beforeCopies = copies;
            }
            assertTrue(source.entries(next, 5).isEmpty());
        }
    }

    @Test
    void aFileCutInsideAnEntryOrItsLengthNamesTheEntry() throws Exception {
        List<byte[]> entries = List.of(new byte[30], new byte[50], new byte[20]);
        byte[] whole = TestExports.bin(entries);
        Files.write(dir.resolve("entries.bin"), Arrays.copyOf(whole, whole.length - 5));
        try (ExportSource source = new ExportSource(dir, 64, 100)) {
            int next = 0;
            IOException cut = null;
            while (cut == null) {
                try {
                    next += source.entries(next, 10).size();
                } catch (IOException e) {
                    cut = e;
                }
            }
            assertEquals(2, next);
            assertEquals("entries.bin ends inside entry 2", cut.getMessage());
        }
        Files.write(dir.resolve("entries.bin"), Arrays.copyOf(whole, 34 + 2));
        try (ExportSource source = new ExportSource(dir, 64, 100)) {
            assertEquals(1, source.entries(0, 10).size());
            IOException cut = assertThrows(IOException.class, () -> source.entries(1, 10));
            assertEquals("entries.bin ends inside the length of entry 1", cut.getMessage());
        }
    }

    @Test
    void theVerifierChecksAnExportReadInSmallPiecesAndNamesAChangedEntry() throws Exception {
        List<byte[]> entries = TestExports.bidEntries(700);
        Instant t = Instant.parse("2026-11-23T02:00:00Z");
        TestExports.write(dir, entries, 100, TestExports.signer());

        // Pages of a few entries each, read ahead of the checks, across hundreds of buffer edges.
        Verdict honest;
        try (ExportSource source = new ExportSource(dir, 1024, 4096)) {
            honest = Verifier.verify(source, null, null);
        }
        assertTrue(honest.ok(), honest.message());
        assertEquals(700, honest.treeSize());

        entries.set(432, new AuditEntry("bid.accepted", t, "bidder:x", Map.of("sequence", 432)).bytes());
        Files.write(dir.resolve("entries.bin"), TestExports.bin(entries));
        Verdict changed;
        try (ExportSource source = new ExportSource(dir, 1024, 4096)) {
            changed = Verifier.verify(source, null, null);
        }
        assertFalse(changed.ok());
        assertEquals(400L, changed.badEntry(), changed.message()); // after the last matching signed root
    }

    @Test
    void aCheckpointHistoryThatIsNotAnArrayOfNotesIsRefused() throws Exception {
        Files.write(dir.resolve("entries.bin"), new byte[0]);
        Files.writeString(dir.resolve("checkpoints.json"), "[\"a note\\n\", \"another\"]");
        try (ExportSource source = new ExportSource(dir)) {
            assertEquals(List.of("a note\n", "another"), source.checkpoints(-1, 1000));
            assertEquals(List.of(), source.checkpoints(5, 1000));
        }
        Files.writeString(dir.resolve("checkpoints.json"), "{\"notes\": []}");
        try (ExportSource source = new ExportSource(dir)) {
            assertEquals("checkpoints.json is not an array of signed notes",
                    assertThrows(IOException.class, () -> source.checkpoints(-1, 1000)).getMessage());
        }
        Files.writeString(dir.resolve("checkpoints.json"), "[\"a note\", 7]");
        try (ExportSource source = new ExportSource(dir)) {
            assertEquals("checkpoints.json holds VALUE_NUMBER_INT where a signed note belongs",
                    assertThrows(IOException.class, () -> source.checkpoints(-1, 1000)).getMessage());
        }
    }

    @Test
    void anEmptyLogVerifiesWithoutAskingForEntries() throws Exception {
        SignedNote.Signer signer = TestExports.signer();
        Files.writeString(dir.resolve("key.txt"), signer.verifierKey());
        String empty = signer.sign(new Checkpoint(signer.name(), 0, MerkleTree.emptyRoot()).text());
        Files.writeString(dir.resolve("checkpoint.txt"), empty);
        new ObjectMapper().writeValue(dir.resolve("checkpoints.json").toFile(), List.of(empty));
        Files.write(dir.resolve("entries.bin"), new byte[] {0, 0}); // not even a length: must not be read
        List<Long> asked = new ArrayList<>();
        try (ExportSource export = new ExportSource(dir)) {
            LogSource counting = new LogSource() {
                @Override
                public String key() throws IOException {
                    return export.key();
                }

                @Override
                public String checkpoint() throws IOException {
                    return export.checkpoint();
                }

                @Override
                public List<String> checkpoints(long after, int limit) throws IOException {
                    return export.checkpoints(after, limit);
                }

                @Override
                public List<ServedEntry> entries(long start, int limit) throws IOException {
                    asked.add(start);
                    return export.entries(start, limit);
                }

                @Override
                public List<byte[]> consistency(long from, long to) {
                    return export.consistency(from, to);
                }
            };
            Verdict result = Verifier.verify(counting, null, null);
            assertTrue(result.ok(), result.message());
            assertEquals(0, result.treeSize());
        }
        assertEquals(List.of(), asked);
    }
}
