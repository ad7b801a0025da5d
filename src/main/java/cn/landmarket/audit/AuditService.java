package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import cn.landmarket.common.error.ApiException;

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
            throw ApiException.invalid("treeSize", "audit.index-outside-tree", index, size);
        }
        List<byte[]> leaves = leafHashes(size);
        byte[] entry = query("select entry from audit_entry where idx = ?", ps -> ps.setLong(1, index),
                rs -> rs.getBytes(1)).get(0);
        return new InclusionView(index, size, B64.encodeToString(entry), B64.encodeToString(leaves.get((int) index)),
                encode(MerkleTree.inclusionProof(leaves, index, size)));
    }

    /** The consistency proof from tree size {@code from} to {@code to}; 400 unless 0 ≤ from ≤ to ≤ latest. */
    public ConsistencyView consistency(Long from, Long to) {
        long latest = latestSize();
        if (from == null) {
            throw ApiException.invalid("from", "audit.size-required");
        }
        if (to == null) {
            throw ApiException.invalid("to", "audit.size-required");
        }
        long second = within("to", to, latest);
        long first = nonNegative("from", from);
        if (first > second) {
            throw ApiException.invalid("from", "audit.from-after-to", first, second);
        }
        return new ConsistencyView(first, second, encode(MerkleTree.consistencyProof(leafHashes(second), first, second)));
    }

    private long latestSize() {
        return query("select coalesce(max(tree_size), 0) from checkpoint", ps -> {
        }, rs -> rs.getLong(1)).get(0);
    }

    private List<byte[]> leafHashes(long size) {
        return query("select leaf_hash from audit_entry where idx < ? order by idx", ps -> ps.setLong(1, size),
                rs -> rs.getBytes(1));
    }

    private static long within(String field, long size, long latest) {
        nonNegative(field, size);
        if (size > latest) {
            throw ApiException.invalid(field, "audit.size-beyond-log", size, latest);
        }
        return size;
    }

    private static long nonNegative(String field, long value) {
        if (value < 0) {
            throw ApiException.invalid(field, "audit.negative", value);
        }
        return value;
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return PAGE_MAX;
        }
        if (limit < 1 || limit > PAGE_MAX) {
            throw ApiException.invalid("limit", "audit.limit", PAGE_MAX);
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
