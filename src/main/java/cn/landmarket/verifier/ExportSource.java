package cn.landmarket.verifier;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * An export directory (written by {@link ExportWriter}), read front to back for the {@link Verifier}.
 * entries.bin is mapped into memory and copied a buffer at a time into two arrays in turn, where the
 * entries are served as they lie, without a copy each. Reading the file through a stream cost more
 * than hashing it: the JDK reads a large block through a freshly allocated native buffer and copies it twice.
 */
final class ExportSource implements LogSource {

    private static final int MAX_ENTRY = 1 << 24;
    /** Bytes served per page: big enough that per-page work is small, small enough to stay in memory. */
    private static final int BUFFER = 1 << 23;
    /** Bytes of the first page, smaller: the checks wait for it, and they check each page while the next is read. */
    private static final int FIRST_BUFFER = 1 << 20;
    /** Bytes of entries.bin mapped at once; a mapping is released when it is garbage collected. */
    private static final long WINDOW = 1L << 28;

    private final Path dir;
    private final FileChannel channel;
    private final long fileSize;
    private final long window;
    private final int bufferSize;
    private MappedByteBuffer mapped;
    private long mappedFrom;
    private long filePosition;
    /** The array the last page was served from, and the one before it, which the next page reuses. */
    private byte[] buffer;
    private byte[] spare;
    private int position;
    private int limit;
    private long next;

    ExportSource(Path dir) throws IOException {
        this(dir, BUFFER, WINDOW);
    }

    /** With the sizes of the buffer and of each mapping given, so that tests can cross their edges. */
    ExportSource(Path dir, int bufferSize, long windowSize) throws IOException {
        this.dir = dir;
        this.channel = FileChannel.open(dir.resolve("entries.bin"), StandardOpenOption.READ);
        this.fileSize = channel.size();
        this.bufferSize = bufferSize;
        this.buffer = new byte[0];
        this.spare = new byte[0];
        this.window = windowSize;
    }

    @Override
    public int pageSize() {
        return 1 << 16; // more than a buffer holds: a page ends where the buffer does
    }

    @Override
    public String key() throws IOException {
        return Files.readString(dir.resolve("key.txt"));
    }

    @Override
    public String checkpoint() throws IOException {
        return Files.readString(dir.resolve("checkpoint.txt"));
    }

    @Override
    public List<String> checkpoints(long after, int limit) throws IOException {
        if (after >= 0) {
            return List.of(); // the file holds the whole history; it is read once
        }
        // A streaming parser: an ObjectMapper costs a one-shot run 150 ms more to start.
        List<String> notes = new ArrayList<>();
        try (JsonParser json = new JsonFactory().createParser(dir.resolve("checkpoints.json").toFile())) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("checkpoints.json is not an array of signed notes");
            }
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    throw new IOException("checkpoints.json holds " + t + " where a signed note belongs");
                }
                notes.add(json.getText());
            }
        }
        return notes;
    }

    /**
     * Up to {@code count} entries from {@code start}, which must follow those served before; fewer
     * where the buffer ends. They point into one of this source's two arrays and hold until the
     * call after next, which reuses it.
     */
    @Override
    public List<ServedEntry> entries(long start, int count) throws IOException {
        if (start != next) {
            throw new IOException("an export is read in order; asked for " + start + " at " + next);
        }
        refill(); // into the array of the page before last, which is no longer in use
        List<ServedEntry> out = new ArrayList<>(Math.min(count, buffer.length / 64));
        byte[] b = buffer;
        int p = position;
        while (out.size() < count && limit - p >= 4) {
            int length = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (length < 0 || length > MAX_ENTRY) {
                throw new IOException("entry " + next + " claims " + length + " bytes");
            }
            if (limit - p - 4 < length) {
                if (!out.isEmpty()) {
                    break; // the page ends with the buffer; the next one starts with this entry
                }
                position = p;
                grow(4 + length); // one entry longer than the buffer holds
                b = buffer;
                p = position;
                if (limit - p - 4 < length) {
                    throw new IOException("entries.bin ends inside entry " + next);
                }
            }
            // The length's last byte, already read, becomes the leaf input's 0x00: no copy.
            b[p + 3] = 0;
            out.add(new ServedEntry(next++, b, p + 3, p + 4 + length, null));
            p += 4 + length;
        }
        position = p;
        if (out.isEmpty() && limit > position) {
            throw new IOException("entries.bin ends inside the length of entry " + next);
        }
        return out;
    }

    /**
     * At the start of a page: moves what is left of the buffer to the front of the spare array (of
     * a new one while the spare one is smaller than a page, or than what a grown buffer left) and
     * tops it up from the file; the array of the page before becomes the spare one.
     */
    private void refill() throws IOException {
        int size = Math.max(limit - position, next == 0 ? Math.min(FIRST_BUFFER, bufferSize) : bufferSize);
        moveTo(spare.length >= size ? spare : new byte[size]);
    }

    /** Moves what is left of the buffer to the front of a new array of {@code n} bytes and tops it up. */
    private void grow(int n) throws IOException {
        byte[] bigger = new byte[n];
        byte[] keep = spare; // still the array of the page before
        moveTo(bigger);
        spare = keep;
    }

    private void moveTo(byte[] target) throws IOException {
        System.arraycopy(buffer, position, target, 0, limit - position);
        spare = buffer;
        buffer = target;
        limit -= position;
        position = 0;
        while (limit < buffer.length && filePosition < fileSize) {
            if (mapped == null || filePosition >= mappedFrom + mapped.capacity()) {
                mappedFrom = filePosition;
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, mappedFrom, Math.min(window, fileSize - mappedFrom));
            }
            int copy = (int) Math.min(buffer.length - limit, mappedFrom + mapped.capacity() - filePosition);
            mapped.get((int) (filePosition - mappedFrom), buffer, limit, copy);
            limit += copy;
            filePosition += copy;
        }
    }

    @Override
    public List<byte[]> consistency(long from, long to) {
        return null;
    }

    @Override
    public void close() throws IOException {
        mapped = null;
        channel.close();
    }
}
