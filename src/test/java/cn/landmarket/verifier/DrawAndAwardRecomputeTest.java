package cn.landmarket.verifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.auction.LotteryCommitment;
import cn.landmarket.auction.LotteryDrawer;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The recompute command against the running service (README, "Audit log"): a lottery at the cap with
 * an entrant who reveals wrong then right and one who never reveals, and a runner-up award after the
 * winner's default, and an award that lapsed at the default because the runner-up had meanwhile been
 * barred, are recomputed from the served log alone and agree; one logged lottery reveal, the logged
 * price of the runner-up's offer, or the trade named by the winner's default, changed behind the
 * service's back (entry and leaf hash rewritten in the database) makes the recomputation disagree for
 * that listing, naming the entry.
 */
@QuarkusTest
@StandardMarket
class DrawAndAwardRecomputeTest {

    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    LotteryDrawer drawer;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep settlement;

    @Inject
    AuditSequencer sequencer;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String bidderNo) {
        String token() {
            return Tokens.enterprise(code);
        }
    }

    private Bidder qualifiedBidder(long listingId) {
        String serial = "W" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        BankFeed.deliver(BankFeed.credit("DEP-" + view.getLong("id"), view.getString("payTo.virtualAccount"),
                "4000000.00", "测试企业" + serial, clock.instant())).statusCode(200)
                .body("outcome", equalTo("QUALIFIED"));
        String bidderNo = given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + listingId + "/registrations/mine").then().statusCode(200).extract()
                .jsonPath().getString("bidderNo");
        return new Bidder(code, bidderNo);
    }

    private static String random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void enter(Bidder b, long listingId, String commitment) {
        given().auth().oauth2(b.token()).contentType(ContentType.JSON).header("Idempotency-Key", "e-" + b.bidderNo())
                .body(Map.of("commitment", commitment)).when().post("/api/listings/" + listingId + "/lottery/entries")
                .then().statusCode(201);
    }

    private static int reveal(Bidder b, long listingId, String contribution) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Map.of("contribution", contribution)).when()
                .post("/api/listings/" + listingId + "/lottery/reveal").then().extract().statusCode();
    }

    @Test
    void aLotteryRecomputesFromTheServedLogAndAChangedRevealMakesItDisagree() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of("capAction", "LOTTERY"));
        String listingNo = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().extract()
                .jsonPath().getString("listingNo");
        Bidder a = qualifiedBidder(id);
        Bidder b = qualifiedBidder(id);
        Bidder c = qualifiedBidder(id);
        Auctions.bid(a.code(), id, "20000000.00", "a-1").then().statusCode(201);
        Auctions.bid(b.code(), id, "30000000.00", "b-1").then().statusCode(201); // the cap: the round opens
        String contributionA = random32();
        String contributionB = random32();
        enter(a, id, LotteryCommitment.of(listingNo, a.bidderNo(), contributionA));
        enter(b, id, LotteryCommitment.of(listingNo, b.bidderNo(), contributionB));
        enter(c, id, LotteryCommitment.of(listingNo, c.bidderNo(), random32()));
        Instant entryDeadline = OffsetDateTime.parse(given().auth().oauth2(TOWNSHIP).when()
                .get("/api/listings/" + id).then().statusCode(200).body("status", equalTo("LOTTERY")).extract()
                .jsonPath().getString("lotteryEntryDeadline")).toInstant();
        clock.advance(Duration.between(clock.instant(), entryDeadline.plusSeconds(1)));
        assertEquals(422, reveal(a, id, random32()), "a wrong reveal is refused");
        assertEquals(200, reveal(a, id, contributionA));
        assertEquals(200, reveal(b, id, contributionB));
        clock.advance(Duration.ofMinutes(30)); // C never reveals
        drawer.drawDue();
        Sequencing.awaitInTheLog(sequencer, dataSource, "listing.sold", id);
        String winner = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/lottery").then()
                .statusCode(200).body("stage", equalTo("DRAWN")).extract().jsonPath().getString("winnerBidderNo");

        Run honest = recompute();
        assertTrue(honest.out().startsWith("log OK: "), honest.out());
        String agrees = line(honest, "lottery draw", id);
        assertTrue(agrees.startsWith("lottery draw, listing " + id + " (" + listingNo + "): AGREES: drawn among 3 "
                + "entrants (2 revealed), seed "), agrees);
        assertTrue(agrees.endsWith(": SOLD to bidder " + winner + " at 3000000000 fen"), agrees);

        long index = index("lottery.revealed", id, a.bidderNo());
        byte[] original = entry(index);
        String json = new String(original, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"contribution\":\"" + contributionA + "\""), json);
        String forged = random32();
        byte[] changed = json.replace(contributionA, forged).getBytes(StandardCharsets.UTF_8);
        try {
            behindTheServicesBack(index, changed, MerkleTree.leafHash(changed));
            Run run = recompute();
            assertEquals(1, run.exit(), run.out());
            String line = line(run, "lottery draw", id);
            assertTrue(line.startsWith("lottery draw, listing " + id + " (" + listingNo + "): DISAGREES: entry " + index
                    + " (lottery.revealed) (bidder " + a.bidderNo() + "): contribution " + forged
                    + " does not open the commitment "), line);
            assertTrue(line.contains("lottery seed: published "), line);
        } finally {
            behindTheServicesBack(index, original, MerkleTree.leafHash(original));
        }
        Run restored = recompute();
        assertTrue(line(restored, "lottery draw", id).contains(": AGREES: "), restored.out());
    }

    @Test
    void aRunnerUpAwardAfterADefaultRecomputesAndAForgedOfferPriceDisagrees() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of("runnerUpAward", true));
        Bidder low = qualifiedBidder(id);
        Bidder runnerUp = qualifiedBidder(id);
        Bidder winner = qualifiedBidder(id);
        Auctions.bid(low.code(), id, "20000000.00", "l-1").then().statusCode(201);
        Auctions.bid(runnerUp.code(), id, "22000000.00", "r-1").then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "w-1").then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        clock.advance(Duration.ofDays(15)); // the winner never signs: it defaults, the runner-up is offered the lot
        settlement.run();
        Sequencing.awaitInTheLog(sequencer, dataSource, "runner_up.offered", id);
        assertEquals(1, data.auditEntries("runner_up.offered", id).size(), "the lot was offered to the runner-up");

        Run honest = recompute();
        assertTrue(honest.out().startsWith("log OK: "), honest.out());
        assertEquals("runner-up award, listing " + id + ": AGREES: bidder " + runnerUp.bidderNo()
                + " at 2200000000 fen (sequence 2) among 2 other bidders; offered", line(honest, "runner-up award", id));

        long index = index("runner_up.offered", id, runnerUp.bidderNo());
        byte[] original = entry(index);
        String json = new String(original, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"priceFen\":2200000000"), json);
        byte[] changed = json.replace("\"priceFen\":2200000000", "\"priceFen\":2000000000")
                .getBytes(StandardCharsets.UTF_8);
        try {
            behindTheServicesBack(index, changed, MerkleTree.leafHash(changed));
            Run run = recompute();
            assertEquals(1, run.exit(), run.out());
            assertEquals("runner-up award, listing " + id + ": DISAGREES: entry " + index + " (runner_up.offered): "
                    + "runner-up priceFen: published 2000000000, recomputed 2200000000 [recomputed: bidder "
                    + runnerUp.bidderNo() + " at 2200000000 fen (sequence 2) among 2 other bidders; offered]",
                    line(run, "runner-up award", id));
        } finally {
            behindTheServicesBack(index, original, MerkleTree.leafHash(original));
        }
        Run restored = recompute();
        assertFalse(line(restored, "runner-up award", id).contains("DISAGREES"), restored.out());
    }

    @Test
    void anAwardThatLapsedBecauseTheRunnerUpWasBarredRecomputesAndALapseUnlinkedFromTheDefaultDisagrees()
            throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of("runnerUpAward", true));
        Bidder low = qualifiedBidder(id);
        Bidder runnerUp = qualifiedBidder(id);
        Bidder winner = qualifiedBidder(id);
        Auctions.bid(low.code(), id, "20000000.00", "l-1").then().statusCode(201);
        Auctions.bid(runnerUp.code(), id, "22000000.00", "r-1").then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "w-1").then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        long winnerTrade = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update enterprise set barred_until = ? where credit_code = ?")) { // a default elsewhere
            ps.setObject(2, runnerUp.code());
            ps.setObject(1, java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(365))));
            assertEquals(1, ps.executeUpdate());
        }
        clock.advance(Duration.ofDays(15)); // the winner never signs: it defaults, and nobody is eligible
        settlement.run();
        Sequencing.awaitInTheLog(sequencer, dataSource, "runner_up.lapsed", id);
        assertEquals(1, data.auditEntries("runner_up.lapsed", id).size(), "the award lapsed");

        Run honest = recompute();
        assertEquals("runner-up award, listing " + id + ": AGREES: no runner-up among 2 other bidders; lapsed",
                line(honest, "runner-up award", id));

        long index = index("trade.defaulted", id, null);
        byte[] original = entry(index);
        String json = new String(original, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"tradeId\":" + winnerTrade), json);
        byte[] changed = json.replace("\"tradeId\":" + winnerTrade, "\"tradeId\":" + (winnerTrade + 100_000))
                .getBytes(StandardCharsets.UTF_8);
        try {
            behindTheServicesBack(index, changed, MerkleTree.leafHash(changed));
            Run run = recompute();
            assertEquals(1, run.exit(), run.out());
            String line = line(run, "runner-up award", id);
            assertTrue(line.startsWith("runner-up award, listing " + id + ": DISAGREES: entry "), line);
            assertTrue(line.contains(" (runner_up.lapsed): lapsed without a logged trade.defaulted of the winner's "
                    + "trade " + winnerTrade + " before it"), line);
        } finally {
            behindTheServicesBack(index, original, MerkleTree.leafHash(original));
        }
        assertFalse(line(recompute(), "runner-up award", id).contains("DISAGREES"));
    }

    private record Run(int exit, String out, String err) {
    }

    private static String line(Run run, String recomputation, long id) {
        return run.out().lines().filter(l -> l.startsWith(recomputation + ", listing " + id + " ")
                || l.startsWith(recomputation + ", listing " + id + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + recomputation + " line about listing " + id + " in:\n"
                        + run.out() + run.err()));
    }

    /** The command as a regulator runs it against the service's URL. */
    private Run recompute() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new String[] {"recompute", base.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The index of the one entry of a type about a listing (and, unless null, a bidder number). */
    private long index(String type, long listingId, String bidderNo) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select idx from audit_entry where cast(convert_from(entry, 'UTF8') as jsonb) ->> 'type' = ? "
                        + "and cast(convert_from(entry, 'UTF8') as jsonb) #>> '{facts,listingId}' = ? "
                        + "and (cast(? as text) is null "
                        + "or cast(convert_from(entry, 'UTF8') as jsonb) #>> '{facts,bidderNo}' = ?)")) {
            ps.setString(1, type);
            ps.setString(2, Long.toString(listingId));
            ps.setString(3, bidderNo);
            ps.setString(4, bidderNo);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), type + " is in the log");
                long idx = rs.getLong(1);
                assertFalse(rs.next(), "one " + type);
                return idx;
            }
        }
    }

    private byte[] entry(long index) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select entry from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    /** Changes a stored entry and its leaf hash with the append-only trigger disabled (as AuditLogTest does). */
    private void behindTheServicesBack(long index, byte[] entry, byte[] leafHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try (PreparedStatement ps = c.prepareStatement(
                    "update audit_entry set entry = ?, leaf_hash = ? where idx = ?")) {
                ps.setBytes(1, entry);
                ps.setBytes(2, leafHash);
                ps.setLong(3, index);
                assertEquals(1, ps.executeUpdate());
            } finally {
                s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }
}
