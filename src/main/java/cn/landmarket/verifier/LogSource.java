package cn.landmarket.verifier;

import java.io.IOException;
import java.util.List;

/**
 * Where the log comes from (the verifier's fetcher): the service's API ({@link HttpLogSource}) or an
 * export directory ({@link ExportSource}). The verifier trusts nothing a source serves: it checks
 * every note's signature, every entry's hash and every root itself.
 */
public interface LogSource extends AutoCloseable {

    /** Entries or checkpoints asked for at once unless a source says otherwise. */
    int PAGE = 1000;

    /** The verifier key ({@code <name>+<hash>+<base64 key>}). */
    String key() throws IOException, InterruptedException;

    /** The latest signed checkpoint note. */
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
    List<ServedEntry> entries(long start, int limit) throws IOException, InterruptedException;

    /** The served consistency proof, or null when the source holds every entry anyway. */
    List<byte[]> consistency(long from, long to) throws IOException, InterruptedException;

    @Override
    default void close() throws IOException {
    }
}
