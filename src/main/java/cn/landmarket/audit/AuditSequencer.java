package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Moves pending entries into the log. Under a transaction-scoped advisory lock, so only one
 * instance sequences at a time, it takes the pending entries in id order, gives them the next
 * consecutive indexes, extends the stored compact range, stores the hash of every perfect subtree
 * the batch completes (for proofs) and signs a checkpoint of the new tree, all in one transaction.
 */
@ApplicationScoped
public class AuditSequencer {

    private static final Logger LOG = Logger.getLogger(AuditSequencer.class);
    /** Advisory lock key: "audit_sq" in ASCII. */
    static final long LOCK_KEY = 0x61756469745f7371L;

    private final DataSource dataSource;
    private final AuditSigner signer;
    private final int batchMax;

    AuditSequencer(DataSource dataSource, AuditSigner signer, AuditConfig config) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.batchMax = config.batchMax();
        if (!config.enabled()) {
            LOG.warn("THE AUDIT LOG IS OFF (market.audit.enabled=false): state changes are not logged. "
                    + "This setting exists for benchmarks only.");
        }
    }

    @Scheduled(every = "${market.audit.sequence-interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void tick() {
        try {
            // A full batch means more are waiting: keep going, so the log never falls behind bidding.
            while (sequence() >= batchMax) {
                LOG.debug("Sequenced a full batch; continuing");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Sequencing audit entries failed; they stay pending", e);
        }
    }

    /**
     * Sequences one batch; returns how many entries were added, or -1 if another instance holds
     * the sequencing lock.
     */
    public int sequence() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int moved = sequence(c);
                c.commit();
                return moved;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private record Pending(long id, byte[] entry, String kind, Long listingId) {
    }

    private int sequence(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return -1;
                }
            }
        }
        CompactRange range = null;
        try (PreparedStatement ps = c.prepareStatement(
                "select tree_size, compact_range from checkpoint order by tree_size desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                range = CompactRange.decode(rs.getLong(1), rs.getBytes(2));
            }
        }
        boolean first = range == null;
        if (first) {
            range = new CompactRange();
        }
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(idx) + 1, 0) from audit_entry");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != range.size()) {
                throw new IllegalStateException("audit_entry holds " + rs.getLong(1)
                        + " entries but the latest checkpoint covers " + range.size() + "; refusing to sequence");
            }
        }
        List<Pending> pending = new ArrayList<>();
        // The ids as an array first, then deleted by key: as "id in (subquery)" the server may plan a
        // hash join that reads every row of the table, dead ones included, at each pass.
        try (PreparedStatement ps = c.prepareStatement("""
                delete from audit_pending where id = any(array(select id from audit_pending order by id limit ?))
                returning id, entry, kind, listing_id""")) {
            ps.setInt(1, batchMax);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                            rs.getObject(4, Long.class)));
                }
            }
        }
        if (pending.isEmpty() && !first) {
            return 0;
        }
        pending.sort(Comparator.comparingLong(Pending::id));
        int n = pending.size();
        Long[] indexes = new Long[n];
        byte[][] entries = new byte[n][];
        byte[][] leafHashes = new byte[n][];
        String[] kinds = new String[n];
        Long[] listings = new Long[n];
        List<Integer> nodeLevels = new ArrayList<>();
        List<Long> nodeIndexes = new ArrayList<>();
        List<byte[]> nodeHashes = new ArrayList<>();
        CompactRange.Completed completed = (level, index, hash) -> {
            nodeLevels.add(level);
            nodeIndexes.add(index);
            nodeHashes.add(hash);
        };
        for (int i = 0; i < n; i++) {
            Pending p = pending.get(i);
            indexes[i] = range.size();
            entries[i] = p.entry();
            kinds[i] = p.kind();
            listings[i] = p.listingId();
            leafHashes[i] = MerkleTree.leafHash(entries[i]);
            range.append(leafHashes[i], completed);
        }
        if (n > 0) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into audit_entry (idx, entry, leaf_hash, kind, listing_id)
                    select * from unnest(?::bigint[], ?::bytea[], ?::bytea[], ?::varchar[], ?::bigint[])""")) {
                ps.setArray(1, c.createArrayOf("int8", indexes));
                ps.setArray(2, c.createArrayOf("bytea", entries));
                ps.setArray(3, c.createArrayOf("bytea", leafHashes));
                ps.setArray(4, c.createArrayOf("varchar", kinds));
                ps.setArray(5, c.createArrayOf("int8", listings));
                ps.executeUpdate();
            }
        }
        if (!nodeHashes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into audit_node (level, idx, hash) select * from unnest(?::int2[], ?::bigint[], ?::bytea[])""")) {
                ps.setArray(1, c.createArrayOf("int2", nodeLevels.stream().map(Integer::shortValue).toArray()));
                ps.setArray(2, c.createArrayOf("int8", nodeIndexes.toArray()));
                ps.setArray(3, c.createArrayOf("bytea", nodeHashes.toArray(byte[][]::new)));
                ps.executeUpdate();
            }
        }
        byte[] root = range.root();
        String note = signer.sign(new Checkpoint(signer.origin(), range.size(), root).text());
        try (PreparedStatement ps = c.prepareStatement(
                "insert into checkpoint (tree_size, root_hash, compact_range, note) values (?, ?, ?, ?)")) {
            ps.setLong(1, range.size());
            ps.setBytes(2, root);
            ps.setBytes(3, range.encode());
            ps.setString(4, note);
            ps.executeUpdate();
        }
        return n;
    }
}
