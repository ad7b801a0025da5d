package cn.landmarket.verifier;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.SignedNote;

/**
 * Passes another source through and writes what it served to an export directory: key.txt,
 * checkpoint.txt, checkpoints.json (a JSON array of signed notes) and entries.bin (each entry as a
 * 4-byte big-endian length and its bytes), which {@link ExportSource} reads back.
 */
final class ExportWriter implements LogSource {

    private final LogSource source;
    private final Path dir;
    private final DataOutputStream entries;
    private final List<String> notes = new ArrayList<>();
    private String key;
    private String checkpoint;

    ExportWriter(LogSource source, Path dir) throws IOException {
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
    public List<ServedEntry> entries(long start, int limit) throws IOException, InterruptedException {
        List<ServedEntry> page = source.entries(start, limit);
        for (ServedEntry e : page) {
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
        try (JsonGenerator out = new JsonFactory().createGenerator(dir.resolve("checkpoints.json").toFile(),
                JsonEncoding.UTF8)) {
            out.writeStartArray();
            for (String note : upTo) {
                out.writeString(note);
            }
            out.writeEndArray();
        }
    }

    @Override
    public void close() throws IOException {
        entries.close();
    }
}
