package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;

/** Reads of the log for anyone: signed checkpoints, entries, inclusion and consistency proofs. */
@ApplicationScoped
public class AuditService {

    /** Most entries or checkpoints returned by one page. */
    public static final int PAGE_MAX = 1000;
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final DataSource dataSource;
    private final AuditSigner signer;

    AuditService(DataSource dataSource, AuditSigner signer) {
        this.dataSource = dataSource;
        this.signer = signer;
    }

    public String verifierKey() {
        return signer.verifierKey();
    }

    /** The latest signed checkpoint note; 404 before the first one is written. */
    public String latestCheckpoint() {
        return query("select note from checkpoint order by tree_size desc limit 1", ps -> {
        }, rs -> rs.getString(1)).stream().findFirst().orElseThrow(() -> ApiException.notFound("checkpoint", "latest"));
    }

    /** Checkpoints with a tree size above {@code after}, smallest first. */
    public List<CheckpointView> checkpoints(Long after, Integer limit) {
        long from = after == null ? -1 : after;
        int max = limit(limit);
        return query("""
                select tree_size, root_hash, note, created_at from checkpoint where tree_size > ?
                order by tree_size limit ?""", ps -> {
            ps.setLong(1, from);
            ps.setInt(2, max);
        }, rs -> new CheckpointView(rs.getLong(1), B64.encodeToString(rs.getBytes(2)), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** Entries from index {@code start} on, in index order. */
    public List<EntryView> entries(Long start, Integer limit) {
        long from = nonNegative("start", start == null ? 0 : start);
        int max = limit(limit);
        return query("select idx, entry, leaf_hash from audit_entry where idx >= ? order by idx limit ?", ps -> {
            ps.setLong(1, from);
            ps.setInt(2, max);
        }, rs -> new EntryView(rs.getLong(1), B64.encodeToString(rs.getBytes(2)), B64.encodeToString(rs.getBytes(3))));
    }

    /**
     * Entry {@code index} with its inclusion proof in the tree of {@code treeSize} leaves (the
     * latest checkpoint's when absent). 404 if the log has no such entry; 400 if the tree size is
     * beyond the latest checkpoint or does not contain the entry.
     */
    public InclusionView entry(long index, Long treeSize) {
        long latest = latestSize();
        nonNegative("idx", index);
        if (index >= latest) {
            throw ApiException.notFound("audit entry", index);
        }
        long size = treeSize == null ? latest : within("treeSize", treeSize, latest);
        if (index >= size) {
            throw ApiException.invalid("treeSize", MessageKey.AUDIT_INDEX_OUTSIDE_TREE, index, size);
        }
        return inclusions(List.of(index), size).get(0);
    }

    /**
     * The entry whose leaf hash is {@code hash} (64 hex digits or base64), with its inclusion proof
     * in the tree of {@code treeSize} (default: latest) — RFC 6962's get-proof-by-hash. 404 while
     * the entry is not yet sequenced (about a second after its change committed).
     */
    public InclusionView proofByHash(String hash, Long treeSize) {
        byte[] leaf = decodeHash(hash);
        long latest = latestSize();
        long size = treeSize == null ? latest : within("treeSize", treeSize, latest);
        List<Long> found = query("select idx from audit_entry where leaf_hash = ? order by idx limit 1",
                ps -> ps.setBytes(1, leaf), rs -> rs.getLong(1));
        if (found.isEmpty() || found.get(0) >= latest) {
            throw ApiException.notFound("audit entry with leaf hash", hash);
        }
        if (found.get(0) >= size) {
            throw ApiException.invalid("treeSize", MessageKey.AUDIT_INDEX_OUTSIDE_TREE, found.get(0), size);
        }
        return inclusions(found, size).get(0);
    }

    /**
     * One page of the entries about listing {@code listingId}, in log order, each with its inclusion
     * proof against one signed checkpoint (included): the latest, or the one of {@code treeSize} so
     * that a reader can page through the listing against a single checkpoint while the log grows.
     * The page size is bounded by {@link PageRequest}; 400 for a tree size without a checkpoint.
     */
    public ListingEntriesView listingEntries(long listingId, PageRequest page, Long treeSize) {
        nonNegative("id", listingId);
        record Head(long size, String note) {
        }
        Head head = (treeSize == null
                ? query("select tree_size, note from checkpoint order by tree_size desc limit 1", ps -> {
                }, rs -> new Head(rs.getLong(1), rs.getString(2)))
                : query("select tree_size, note from checkpoint where tree_size = ?",
                        ps -> ps.setLong(1, nonNegative("treeSize", treeSize)),
                        rs -> new Head(rs.getLong(1), rs.getString(2)))).stream().findFirst()
                .orElseThrow(() -> treeSize == null ? ApiException.notFound("checkpoint", "latest")
                        : ApiException.invalid("treeSize", MessageKey.AUDIT_NO_CHECKPOINT, treeSize));
        long size = head.size();
        long total = query("select count(*) from audit_entry where listing_id = ? and idx < ?", ps -> {
            ps.setLong(1, listingId);
            ps.setLong(2, size);
        }, rs -> rs.getLong(1)).get(0);
        List<Long> indexes = query(
                "select idx from audit_entry where listing_id = ? and idx < ? order by idx limit ? offset ?", ps -> {
                    ps.setLong(1, listingId);
                    ps.setLong(2, size);
                    ps.setInt(3, page.size());
                    ps.setLong(4, (long) page.page() * page.size());
                }, rs -> rs.getLong(1));
        return new ListingEntriesView(listingId, size, head.note(), inclusions(indexes, size), page.page(),
                page.size(), total);
    }

    /** Most entries {@link #listingEntriesOfKinds} returns. */
    static final int KINDS_MAX = 100;

    /**
     * The entries of these kinds (types such as {@code trade.created}) about listing {@code listingId}
     * that the latest checkpoint's tree holds, in log order (at most {@value #KINDS_MAX}), each with its
     * inclusion proof against that checkpoint, which comes with them: what a document attaches so that
     * its facts can be checked offline. Entries not yet sequenced are left out; before the first
     * checkpoint the answer has no checkpoint and no entries.
     */
    public ListingEntriesView listingEntriesOfKinds(long listingId, Collection<String> kinds) {
        record Head(long size, String note) {
        }
        Head head = query("select tree_size, note from checkpoint order by tree_size desc limit 1", ps -> {
        }, rs -> new Head(rs.getLong(1), rs.getString(2))).stream().findFirst().orElse(new Head(0, null));
        List<Long> indexes = head.size() == 0 ? List.of() : query("""
                select idx from audit_entry where listing_id = ? and kind = any(?) and idx < ?
                order by idx limit ?""", ps -> {
            ps.setLong(1, listingId);
            ps.setArray(2, ps.getConnection().createArrayOf("varchar", kinds.toArray()));
            ps.setLong(3, head.size());
            ps.setInt(4, KINDS_MAX);
        }, rs -> rs.getLong(1));
        return new ListingEntriesView(listingId, head.size(), head.note(), inclusions(indexes, head.size()), 0,
                indexes.size(), indexes.size());
    }

    /** The consistency proof from tree size {@code from} to {@code to}; 400 unless 0 ≤ from ≤ to ≤ latest. */
    public ConsistencyView consistency(Long from, Long to) {
        long latest = latestSize();
        if (from == null) {
            throw ApiException.invalid("from", MessageKey.AUDIT_SIZE_REQUIRED);
        }
        if (to == null) {
            throw ApiException.invalid("to", MessageKey.AUDIT_SIZE_REQUIRED);
        }
        long second = within("to", to, latest);
        long first = nonNegative("from", from);
        if (first > second) {
            throw ApiException.invalid("from", MessageKey.AUDIT_FROM_AFTER_TO, first, second);
        }
        return new ConsistencyView(first, second,
                encode(fromStoredSubtrees(tree -> MerkleTree.consistencyProof(tree, first, second))));
    }

    /** Entries {@code indexes} (all below {@code size}) with their inclusion proofs, from one read of the store. */
    private List<InclusionView> inclusions(List<Long> indexes, long size) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        List<List<byte[]>> proofs = fromStoredSubtrees(
                tree -> indexes.stream().map(i -> MerkleTree.inclusionProof(tree, i, size)).toList());
        Map<Long, EntryView> entries = new HashMap<>();
        query("select idx, entry, leaf_hash from audit_entry where idx = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int8", indexes.toArray())),
                rs -> new EntryView(rs.getLong(1), B64.encodeToString(rs.getBytes(2)), B64.encodeToString(rs.getBytes(3))))
                .forEach(e -> entries.put(e.index(), e));
        List<InclusionView> out = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            EntryView e = entries.get(indexes.get(i));
            out.add(new InclusionView(e.index(), size, e.entry(), e.leafHash(), encode(proofs.get(i))));
        }
        return out;
    }

    /**
     * Runs a proof computation over the stored tree. Which subtrees a proof needs depends only on
     * the sizes and indexes, never on hash values, so a first dry run lists them, one query reads
     * them (leaves from audit_entry, larger subtrees from audit_node), and the second run computes.
     */
    private <T> T fromStoredSubtrees(Function<MerkleTree.Subtrees, T> computation) {
        Set<Node> wanted = new LinkedHashSet<>();
        byte[] blank = new byte[MerkleTree.HASH_SIZE];
        computation.apply((level, index) -> {
            wanted.add(new Node(level, index));
            return blank;
        });
        if (wanted.isEmpty()) {
            return computation.apply((level, index) -> {
                throw new IllegalStateException("unexpected subtree " + level + "/" + index);
            });
        }
        Map<Node, byte[]> hashes = new HashMap<>();
        query("""
                select 0, e.idx, e.leaf_hash from audit_entry e
                join unnest(?::int2[], ?::bigint[]) as w(level, idx) on w.level = 0 and e.idx = w.idx
                union all
                select n.level, n.idx, n.hash from audit_node n
                join unnest(?::int2[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx""", ps -> {
            Object[] levels = wanted.stream().map(n -> (short) n.level()).toArray();
            Object[] idxs = wanted.stream().map(Node::index).toArray();
            for (int p = 1; p <= 3; p += 2) {
                ps.setArray(p, ps.getConnection().createArrayOf("int2", levels));
                ps.setArray(p + 1, ps.getConnection().createArrayOf("int8", idxs));
            }
        }, rs -> hashes.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3)));
        return computation.apply((level, index) -> {
            byte[] h = hashes.get(new Node(level, index));
            if (h == null) {
                throw new IllegalStateException("the audit store lacks subtree " + level + "/" + index);
            }
            return h;
        });
    }

    private record Node(int level, long index) {
    }

    private static byte[] decodeHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw ApiException.invalid("hash", MessageKey.AUDIT_HASH_REQUIRED);
        }
        String h = hash.strip();
        try {
            byte[] bytes = h.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(h)
                    : (h.indexOf('-') >= 0 || h.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(h);
            if (bytes.length == MerkleTree.HASH_SIZE) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw ApiException.invalid("hash", MessageKey.AUDIT_BAD_HASH);
    }

    private long latestSize() {
        return query("select coalesce(max(tree_size), 0) from checkpoint", ps -> {
        }, rs -> rs.getLong(1)).get(0);
    }

    private static long within(String field, long size, long latest) {
        nonNegative(field, size);
        if (size > latest) {
            throw ApiException.invalid(field, MessageKey.AUDIT_SIZE_BEYOND_LOG, size, latest);
        }
        return size;
    }

    private static long nonNegative(String field, long value) {
        if (value < 0) {
            throw ApiException.invalid(field, MessageKey.AUDIT_NEGATIVE, value);
        }
        return value;
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return PAGE_MAX;
        }
        if (limit < 1 || limit > PAGE_MAX) {
            throw ApiException.invalid("limit", MessageKey.AUDIT_LIMIT, PAGE_MAX);
        }
        return limit;
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log failed", e);
        }
    }
}
