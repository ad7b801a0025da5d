package cn.landmarket.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.verifier.Verdict;
import cn.landmarket.verifier.Verifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The audit log end to end: what is logged, signed checkpoints, proofs, append-only storage, the verifier. */
@QuarkusTest
@StandardMarket
class AuditLogTest {

    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    AuditSequencer sequencer;

    @Inject
    AuditLog auditLog;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void stage(String marker) throws SQLException {
        stage(Map.of("marker", marker));
    }

    private AuditEntry stage(Map<String, ?> facts) throws SQLException {
        AuditEntry entry = new AuditEntry("test.note", Instant.now(), "test", facts);
        try (Connection c = dataSource.getConnection()) {
            auditLog.append(c, List.of(entry));
        }
        return entry;
    }

    private long indexOf(String marker) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select idx from audit_entry where convert_from(entry, 'UTF8') like ?")) {
            ps.setString(1, "%\"marker\":\"" + marker + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), marker);
                return rs.getLong(1);
            }
        }
    }

    /** The largest signed tree size not above index: where the verifier's search for index starts. */
    private static long lastSignedSizeAtOrBelow(long index) {
        long best = 0;
        for (long size : signedSizesAround(index)) {
            if (size <= index) {
                best = Math.max(best, size);
            }
        }
        return best;
    }

    private static long firstSignedSizeAbove(long index) {
        return signedSizesAround(index).stream().filter(size -> size > index).min(Long::compare).orElseThrow();
    }

    private static List<Long> signedSizesAround(long index) {
        // Checkpoints come smallest first, at most 1,000 to a page.
        List<Long> sizes = new ArrayList<>();
        long after = -1;
        while (true) {
            List<Number> page = given().queryParam("after", after).queryParam("limit", 1000).when()
                    .get("/api/audit/checkpoints").then().statusCode(200).extract().jsonPath().getList("treeSize");
            if (page.isEmpty()) {
                return sizes;
            }
            for (Number n : page) {
                sizes.add(n.longValue());
            }
            after = sizes.get(sizes.size() - 1);
            if (after > index) {
                return sizes;
            }
        }
    }

    private static Checkpoint latest() {
        String key = given().when().get("/api/audit/key").then().statusCode(200).extract().asString();
        String note = given().when().get("/api/audit/checkpoint").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        return Checkpoint.parse(SignedNote.open(note, key));
    }

    private static List<Map<String, Object>> entries(long start, long end) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long from = start; from < end; from += 1000) {
            List<Map<String, Object>> page = given().queryParam("start", from)
                    .queryParam("limit", (int) Math.min(1000, end - from)).when().get("/api/audit/entries")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            out.addAll(page);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(Map<String, Object> view) throws Exception {
        return JSON.readValue(B64.decode((String) view.get("entry")), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListingStatusChangeAndAcceptedBidIsLoggedAfterCommit() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MAU%06d".formatted(id % 1_000_000));
        JsonPath receipt = Auctions.bid(bidder, id, "20000000.00", UUID.randomUUID().toString()).then()
                .statusCode(201).extract().jsonPath();
        Sequencing.settle(sequencer);
        long size = latest().size();
        List<String> statuses = new ArrayList<>();
        Map<String, Object> bid = null;
        for (Map<String, Object> view : entries(0, size)) {
            Map<String, Object> entry = decode(view);
            Map<String, Object> facts = (Map<String, Object>) entry.get("facts");
            if (((Number) facts.getOrDefault("listingId", -1)).longValue() != id) {
                continue;
            }
            String type = (String) entry.get("type");
            if (type.startsWith("listing.")) {
                statuses.add(type);
                assertEquals(type, "listing." + ((String) facts.get("to")).toLowerCase());
            } else if (type.equals("bid.accepted")) {
                bid = facts;
                assertEquals("bidder:" + receipt.getString("bidderNo"), entry.get("actor"));
            }
        }
        assertEquals(List.of("listing.draft", "listing.pending_review", "listing.approved", "listing.announced",
                "listing.listing"), statuses);
        assertEquals(1, bid.get("sequence"));
        assertEquals(2_000_000_000, ((Number) bid.get("amountFen")).longValue());
        assertEquals(receipt.getString("bidderNo"), bid.get("bidderNo"));
        assertEquals("LISTING", bid.get("phase"));
    }

    @Test
    void anEntryOfARolledBackTransactionNeverReachesTheLog() throws Exception {
        String marker = "rolled-back-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            auditLog.append(new AuditEntry("test.note", Instant.now(), "test", Map.of("marker", marker)));
            throw new IllegalStateException("the business change fails");
        }));
        QuarkusTransaction.requiringNew().run(() -> auditLog.append(
                new AuditEntry("test.note", Instant.now(), "test", Map.of("marker", marker + "-kept"))));
        Sequencing.settle(sequencer);
        indexOf(marker + "-kept");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_entry where convert_from(entry, 'UTF8') like ?")) {
            ps.setString(1, "%\"marker\":\"" + marker + "\"%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @Test
    void aRefusedBidLeavesNoEntry() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MAW%06d".formatted(id % 1_000_000));
        Auctions.bid(bidder, id, "1.00", UUID.randomUUID().toString()).then().statusCode(409);
        Sequencing.settle(sequencer);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from audit_entry where convert_from(entry, 'UTF8') like ?")) {
            ps.setString(1, "%\"type\":\"bid.accepted\"%\"listingId\":" + id + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @Test
    void theCheckpointIsASignedNoteOverAllEntries() throws Exception {
        stage("root-" + UUID.randomUUID());
        Sequencing.settle(sequencer);
        Checkpoint checkpoint = latest();
        assertEquals("land-market.test/audit", checkpoint.origin());
        List<byte[]> leaves = new ArrayList<>();
        for (Map<String, Object> view : entries(0, checkpoint.size())) {
            byte[] leaf = MerkleTree.leafHash(B64.decode((String) view.get("entry")));
            assertArrayEquals(leaf, B64.decode((String) view.get("leafHash")));
            leaves.add(leaf);
        }
        assertArrayEquals(checkpoint.root(), MerkleTree.root(leaves, leaves.size()));
        String key = given().when().get("/api/audit/key").then().statusCode(200).extract().asString();
        assertTrue(key.matches("land-market\\.test/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}"), key);
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpoints() throws Exception {
        String marker = "proof-" + UUID.randomUUID();
        stage(marker);
        Sequencing.settle(sequencer);
        Checkpoint first = latest();
        stage(marker + "-later");
        Sequencing.settle(sequencer);
        Checkpoint second = latest();
        assertTrue(second.size() > first.size());

        long index = indexOf(marker);
        for (Checkpoint cp : List.of(first, second)) {
            JsonPath proof = given().queryParam("treeSize", cp.size()).when().get("/api/audit/entries/" + index)
                    .then().statusCode(200).body("index", equalTo((int) index))
                    .body("treeSize", equalTo((int) cp.size())).extract().jsonPath();
            byte[] leaf = MerkleTree.leafHash(B64.decode(proof.getString("entry")));
            List<byte[]> path = proof.getList("proof", String.class).stream().map(B64::decode).toList();
            assertTrue(MerkleTree.verifyInclusion(index, cp.size(), leaf, path, cp.root()));
            assertFalse(MerkleTree.verifyInclusion(index, cp.size(), MerkleTree.leafHash(new byte[0]), path, cp.root()));
        }
        List<byte[]> consistency = given().queryParam("from", first.size()).queryParam("to", second.size())
                .when().get("/api/audit/consistency").then().statusCode(200).extract().jsonPath()
                .getList("proof", String.class).stream().map(B64::decode).toList();
        assertTrue(MerkleTree.verifyConsistency(first.size(), second.size(), consistency, first.root(), second.root()));

        List<Map<String, Object>> history = given().queryParam("after", first.size() - 1).when()
                .get("/api/audit/checkpoints").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(first.size(), ((Number) history.get(0).get("treeSize")).longValue());
        assertEquals(Base64.getEncoder().encodeToString(first.root()), history.get(0).get("rootHash"));
    }

    @Test
    void aLeafHashFindsItsEntryAndProofOnceSequenced() throws Exception {
        AuditEntry entry = stage(Map.of("marker", "by-hash-" + UUID.randomUUID()));
        String hex = java.util.HexFormat.of().formatHex(entry.leafHash());
        given().queryParam("hash", java.util.HexFormat.of().formatHex(MerkleTree.leafHash(hex.getBytes())))
                .when().get("/api/audit/proof-by-hash").then().statusCode(404).contentType("application/problem+json");
        Sequencing.settle(sequencer);
        Checkpoint cp = latest();
        for (String hash : List.of(hex, hex.toUpperCase(java.util.Locale.ROOT),
                Base64.getEncoder().encodeToString(entry.leafHash()), Base64.getUrlEncoder().encodeToString(entry.leafHash()))) {
            JsonPath found = given().queryParam("hash", hash).queryParam("treeSize", cp.size()).when()
                    .get("/api/audit/proof-by-hash").then()
                    .statusCode(200).extract().jsonPath();
            assertArrayEquals(entry.bytes(), B64.decode(found.getString("entry")));
            List<byte[]> path = found.getList("proof", String.class).stream().map(B64::decode).toList();
            assertTrue(MerkleTree.verifyInclusion(found.getLong("index"), cp.size(), entry.leafHash(), path, cp.root()));
        }
        for (String bad : List.of("", "abc", hex.substring(2), "zz" + hex.substring(2))) {
            given().queryParam("hash", bad).when().get("/api/audit/proof-by-hash").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("hash"));
        }
    }

    @Test
    void aListingsEntriesComeWithProofsAgainstOneSignedCheckpoint() throws Exception {
        long listingId = 900_000_000L + new java.util.Random().nextInt(1_000_000);
        List<AuditEntry> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(stage(Map.of("listingId", listingId, "step", i)));
            stage(Map.of("listingId", listingId + 1, "step", i));
        }
        Sequencing.settle(sequencer);
        JsonPath dossier = given().when().get("/api/audit/listings/" + listingId + "/entries").then().statusCode(200)
                .body("listingId", equalTo((int) listingId)).extract().jsonPath();
        String key = given().when().get("/api/audit/key").then().extract().asString();
        Checkpoint cp = Checkpoint.parse(SignedNote.open(dossier.getString("checkpoint"), key));
        assertEquals(cp.size(), dossier.getLong("treeSize"));
        List<Map<String, Object>> entries = dossier.getList("entries");
        assertEquals(3, entries.size());
        long previous = -1;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> e = entries.get(i);
            assertArrayEquals(mine.get(i).bytes(), B64.decode((String) e.get("entry")));
            long index = ((Number) e.get("index")).longValue();
            assertTrue(index > previous, "log order");
            previous = index;
            @SuppressWarnings("unchecked")
            List<byte[]> path = ((List<String>) e.get("proof")).stream().map(B64::decode).toList();
            assertTrue(MerkleTree.verifyInclusion(index, cp.size(), mine.get(i).leafHash(), path, cp.root()));
        }
        given().when().get("/api/audit/listings/" + (listingId + 5_000_000) + "/entries").then().statusCode(200)
                .body("entries.size()", equalTo(0));
    }

    @Test
    void aListingsEntriesArePagedWithAtMost100PerPageAndEveryPageFollowsOneCheckpoint() throws Exception {
        long listingId = 910_000_000L + new java.util.Random().nextInt(1_000_000);
        List<AuditEntry> mine = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            mine.add(stage(Map.of("listingId", listingId, "step", i)));
        }
        Sequencing.settle(sequencer);
        String path = "/api/audit/listings/" + listingId + "/entries";
        given().queryParam("size", 101).when().get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("100"));
        JsonPath first = given().when().get(path).then().statusCode(200).body("page", equalTo(0))
                .body("size", equalTo(20)).body("total", equalTo(23)).body("entries.size()", equalTo(20))
                .extract().jsonPath();
        long treeSize = first.getLong("treeSize");

        // the log grows between pages; pages pinned to the first page's checkpoint still hold every entry once
        for (int i = 0; i < 3; i++) {
            stage(Map.of("listingId", listingId, "step", "later-" + i));
        }
        Sequencing.settle(sequencer);
        String key = given().when().get("/api/audit/key").then().extract().asString();
        List<Map<String, Object>> all = cn.landmarket.testing.Pages.all(page -> {
            JsonPath p = given().queryParam("page", page).queryParam("size", 5).queryParam("treeSize", treeSize)
                    .when().get(path).then().statusCode(200).extract().jsonPath();
            assertEquals(treeSize, p.getLong("treeSize"));
            assertEquals(treeSize, Checkpoint.parse(SignedNote.open(p.getString("checkpoint"), key)).size());
            return p;
        }, "entries");
        Checkpoint pinned = Checkpoint.parse(SignedNote.open(first.getString("checkpoint"), key));
        assertEquals(23, all.size());
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> e = all.get(i);
            assertArrayEquals(mine.get(i).bytes(), B64.decode((String) e.get("entry")), "entry " + i + " in log order");
            @SuppressWarnings("unchecked")
            List<byte[]> proof = ((List<String>) e.get("proof")).stream().map(B64::decode).toList();
            assertTrue(MerkleTree.verifyInclusion(((Number) e.get("index")).longValue(), treeSize,
                    mine.get(i).leafHash(), proof, pinned.root()));
        }
        given().when().get(path).then().statusCode(200).body("total", equalTo(26));
        given().queryParam("treeSize", treeSize + 1_000_000).when().get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("treeSize"));
    }

    @Test
    void sizesOutsideTheLogAreProblems() throws Exception {
        stage("sizes-" + UUID.randomUUID());
        Sequencing.settle(sequencer);
        long size = latest().size();
        given().when().get("/api/audit/entries/" + (size + 1000)).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("treeSize", size + 1000).when().get("/api/audit/entries/0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("treeSize"));
        given().queryParam("treeSize", 0).when().get("/api/audit/entries/0").then().statusCode(400);
        given().when().get("/api/audit/entries/-1").then().statusCode(400);
        given().queryParam("from", 2).queryParam("to", 1).when().get("/api/audit/consistency").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", 0).queryParam("to", size + 1000).when().get("/api/audit/consistency").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("to", 1).when().get("/api/audit/consistency").then().statusCode(400);
        given().queryParam("limit", 0).when().get("/api/audit/entries").then().statusCode(400);
        given().queryParam("from", "x").queryParam("to", 1).when().get("/api/audit/consistency").then()
                .statusCode(400);
    }

    @Test
    void concurrentSequencersGiveConsecutiveIndexesAndConsistentCheckpoints() throws Exception {
        String marker = "race-" + UUID.randomUUID();
        Sequencing.settle(sequencer);
        Checkpoint before = latest();
        int writers = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers * 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        stage(marker + "-" + writer + "-" + i);
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        sequencer.sequence();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        Sequencing.settle(sequencer);
        Checkpoint after = latest();
        List<Map<String, Object>> views = entries(0, after.size());
        List<byte[]> leaves = new ArrayList<>();
        Map<Integer, Integer> nextPerWriter = new java.util.HashMap<>();
        for (int i = 0; i < views.size(); i++) {
            assertEquals(i, ((Number) views.get(i).get("index")).intValue());
            leaves.add(B64.decode((String) views.get(i).get("leafHash")));
            String text = new String(B64.decode((String) views.get(i).get("entry")), StandardCharsets.UTF_8);
            int at = text.indexOf(marker + "-");
            if (at >= 0) {
                String[] parts = text.substring(at + marker.length() + 1, text.indexOf('"', at)).split("-");
                int writer = Integer.parseInt(parts[0]);
                assertEquals(nextPerWriter.getOrDefault(writer, 0), Integer.parseInt(parts[1]), "writer " + writer);
                nextPerWriter.put(writer, Integer.parseInt(parts[1]) + 1);
            }
        }
        assertEquals(Map.of(0, each, 1, each, 2, each, 3, each), nextPerWriter);
        assertArrayEquals(after.root(), MerkleTree.root(leaves, leaves.size()));
        List<Map<String, Object>> history = given().queryParam("after", before.size() - 1).when()
                .get("/api/audit/checkpoints").then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> c : history) {
            long size = ((Number) c.get("treeSize")).longValue();
            if (size <= after.size()) {
                assertEquals(Base64.getEncoder().encodeToString(MerkleTree.root(leaves, size)), c.get("rootHash"),
                        "checkpoint " + size);
            }
        }
    }

    @Test
    void storedEntriesAndCheckpointsRefuseUpdateDeleteAndTruncate() throws Exception {
        stage("append-only-" + UUID.randomUUID());
        Sequencing.settle(sequencer);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("update audit_entry set entry = entry where idx = 0",
                    "delete from audit_entry where idx = 0", "truncate audit_entry cascade",
                    "update audit_node set hash = hash where level = 1 and idx = 0",
                    "delete from audit_node where level = 1 and idx = 0", "truncate audit_node",
                    "update checkpoint set note = note where tree_size = (select max(tree_size) from checkpoint)",
                    "delete from checkpoint where tree_size = (select max(tree_size) from checkpoint)",
                    "truncate checkpoint")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
    }

    @Test
    void theVerifierChecksTheLogAndNamesATamperedEntry() throws Exception {
        Path saved = Files.createTempFile("audit-checkpoint", ".txt");
        Files.delete(saved);
        String marker = "tamper-" + UUID.randomUUID();
        stage(marker);
        Sequencing.settle(sequencer);
        Verdict first = Verifier.verify(base.toString(), saved, null);
        assertTrue(first.ok(), first.message());
        assertEquals(latest().size(), first.treeSize());

        stage(marker + "-more");
        Sequencing.settle(sequencer);
        Verdict second = Verifier.verify(base.toString(), saved, null);
        assertTrue(second.ok(), second.message());
        assertTrue(second.message().contains("consistent with the saved checkpoint"), second.message());

        long index = indexOf(marker);
        byte[] original;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entry from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                original = rs.getBytes(1);
            }
        }
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace(marker, marker.toUpperCase())
                .getBytes(StandardCharsets.UTF_8);
        try {
            behindTheServicesBack(index, forged, null);
            Verdict tampered = Verifier.verify(base.toString(), saved, null);
            assertFalse(tampered.ok());
            assertEquals(index, tampered.badEntry(), tampered.message());
            assertTrue(tampered.message().contains("first bad entry " + index), tampered.message());

            // With its leaf hash forged too, the entry can only be told apart from the others
            // signed under the same root: the verdict names the first entry after the last
            // matching root, and the range it names holds the forged entry.
            behindTheServicesBack(index, forged, MerkleTree.leafHash(forged));
            Verdict rehashed = Verifier.verify(base.toString(), saved, null);
            assertFalse(rehashed.ok());
            long rangeStart = lastSignedSizeAtOrBelow(index);
            assertEquals(rangeStart, rehashed.badEntry(), rehashed.message());
            long rangeEnd = firstSignedSizeAbove(index) - 1;
            assertTrue(rehashed.message().contains("the entries " + rangeStart + ".." + rangeEnd + " do not hash"),
                    rehashed.message());
        } finally {
            behindTheServicesBack(index, original, MerkleTree.leafHash(original));
        }
        Verdict restored = Verifier.verify(base.toString(), saved, null);
        assertTrue(restored.ok(), restored.message());
        assertNull(restored.badEntry());

        Verdict pinnedWrong = Verifier.verify(base.toString(), null, "someone+00000000+AQ==");
        assertFalse(pinnedWrong.ok());
    }

    @Test
    void theVerifierNamesADeletedEntryAndCatchesReorderedOnes() throws Exception {
        String marker = "order-" + UUID.randomUUID();
        stage(marker + "-a");
        stage(marker + "-b");
        Sequencing.settle(sequencer);
        long a = indexOf(marker + "-a");
        long b = indexOf(marker + "-b");
        assertEquals(a + 1, b, "staged in one batch, sequenced next to each other");
        Row first = row(a);
        Row second = row(b);
        try {
            behindTheServicesBack(a, second.entry(), second.leafHash());
            behindTheServicesBack(b, first.entry(), first.leafHash());
            Verdict swapped = Verifier.verify(base.toString(), null, null);
            assertFalse(swapped.ok(), swapped.message());
            assertTrue(swapped.badEntry() <= a, swapped.message());
        } finally {
            behindTheServicesBack(a, first.entry(), first.leafHash());
            behindTheServicesBack(b, second.entry(), second.leafHash());
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try {
                s.execute("delete from audit_entry where idx = " + a);
                Verdict deleted = Verifier.verify(base.toString(), null, null);
                assertFalse(deleted.ok());
                assertEquals(a, deleted.badEntry(), deleted.message());
                assertTrue(deleted.message().contains("missing"), deleted.message());
            } finally {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into audit_entry (idx, entry, leaf_hash) values (?, ?, ?)")) {
                    ps.setLong(1, a);
                    ps.setBytes(2, first.entry());
                    ps.setBytes(3, first.leafHash());
                    ps.executeUpdate();
                }
                s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
        assertTrue(Verifier.verify(base.toString(), null, null).ok());
    }

    @Test
    void anExportVerifiesOfflineAndAnAlteredExportNamesItsEntry() throws Exception {
        stage("export-" + UUID.randomUUID());
        Sequencing.settle(sequencer);
        Path dir = Files.createTempDirectory("audit-export");
        Verdict online = Verifier.verify(base.toString(), null, null, dir);
        assertTrue(online.ok(), online.message());
        Verdict offline = Verifier.verify(dir.toString(), null, null);
        assertTrue(offline.ok(), offline.message());
        assertEquals(online.treeSize(), offline.treeSize());

        byte[] bin = Files.readAllBytes(dir.resolve("entries.bin"));
        int at = 0;
        long target = online.treeSize() / 2;
        for (long i = 0; i < target; i++) {
            at += 4 + java.nio.ByteBuffer.wrap(bin, at, 4).getInt();
        }
        int length = java.nio.ByteBuffer.wrap(bin, at, 4).getInt();
        int last = at + 4 + length - 2; // inside the closing '"}' of the entry's type string
        byte[] honest = bin.clone();
        bin[last] = (byte) (bin[last] == 'x' ? 'y' : 'x');
        Files.write(dir.resolve("entries.bin"), bin);
        Verdict altered = Verifier.verify(dir.toString(), null, null);
        assertFalse(altered.ok());
        assertTrue(altered.badEntry() <= target, altered.message());

        // A cut or corrupt file cannot be read (exit status 2), and says where.
        bin = honest;
        Files.write(dir.resolve("entries.bin"), java.util.Arrays.copyOf(bin, bin.length - 3));
        IOException cut = assertThrows(IOException.class, () -> Verifier.verify(dir.toString(), null, null));
        assertEquals("entries.bin ends inside entry " + (online.treeSize() - 1), cut.getMessage());
        bin[0] = 0x7f;
        Files.write(dir.resolve("entries.bin"), bin);
        IOException huge = assertThrows(IOException.class, () -> Verifier.verify(dir.toString(), null, null));
        assertTrue(huge.getMessage().startsWith("entry 0 claims "), huge.getMessage());
    }

    private record Row(byte[] entry, byte[] leafHash) {
    }

    private Row row(long index) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entry, leaf_hash from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new Row(rs.getBytes(1), rs.getBytes(2));
            }
        }
    }

    /** Changes a stored entry (and optionally its leaf hash) with the append-only trigger disabled. */
    private void behindTheServicesBack(long index, byte[] entry, byte[] leafHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try (PreparedStatement ps = c.prepareStatement(
                    "update audit_entry set entry = ?, leaf_hash = coalesce(?, leaf_hash) where idx = ?")) {
                ps.setBytes(1, entry);
                ps.setBytes(2, leafHash);
                ps.setLong(3, index);
                assertEquals(1, ps.executeUpdate());
            } finally {
                s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }

    @Test
    void entriesCollectedDuringWorkAreStagedTogetherInTheirOrderWithTheirCommitmentsAndNotAtAllIfTheWorkFails()
            throws SQLException {
        String probe = UUID.randomUUID().toString();
        List<String> hashes = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> auditLog.collecting(() -> {
            for (int i = 0; i < 5; i++) {
                Map<String, Object> facts = new java.util.HashMap<>(Map.of("probe", probe, "n", i));
                Commitment c = Commitment.seal(Commitment.CERTIFICATE, i, "details", "secret " + i).into(facts);
                hashes.add(c.hash());
                auditLog.append(new AuditEntry("test.collected", Instant.now(), "test", facts, List.of(c)));
            }
            return null;
        }));
        assertEquals(List.of(0, 1, 2, 3, 4), probed(probe), "all five, in the order appended");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select field, value from audit_commitment where commitment = any(?) order by value")) {
            ps.setArray(1, c.createArrayOf("varchar", hashes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < 5; i++) {
                    assertTrue(rs.next(), "the opening of commitment " + i);
                    assertEquals("secret " + i, rs.getString("value"));
                }
                assertFalse(rs.next());
            }
        }

        String failed = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> auditLog.collecting(
                () -> {
                    auditLog.append(new AuditEntry("test.collected", Instant.now(), "test", Map.of("probe", failed,
                            "n", 0)));
                    throw new IllegalStateException("the work fails after appending");
                })));
        QuarkusTransaction.requiringNew().run(() -> auditLog.append(new AuditEntry("test.collected", Instant.now(),
                "test", Map.of("probe", failed, "n", 1))));
        assertEquals(List.of(1), probed(failed), "the failed work staged nothing, and the next append is not held back");
    }

    /** The {@code n} facts of the entries with this probe, pending or sequenced, in log order. */
    private List<Integer> probed(String probe) throws SQLException {
        List<Integer> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select cast(json as jsonb) #>> '{facts,n}' from (
                    select 1 as stage, id as pos, convert_from(entry, 'UTF8') as json from audit_pending
                    union all
                    select 0 as stage, idx as pos, convert_from(entry, 'UTF8') as json from audit_entry
                ) e where cast(json as jsonb) #>> '{facts,probe}' = ? order by stage, pos""")) {
            ps.setString(1, probe);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(Integer.parseInt(rs.getString(1)));
                }
            }
        }
        return found;
    }
}
