package cn.landmarket.oversight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Published results of closed listings, without a token, each linked to the log entry of its close. */
@QuarkusTest
@StandardMarket
class PublicResultResourceTest {

    private static final String TOWNSHIP = "510788101";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    AuditSequencer sequencer;

    @BeforeEach
    void setUp() {
        data.township(TOWNSHIP, "结果镇");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long draft(long lotAreaM2) {
        long cert = Fixtures.issue(Fixtures.linkage(TOWNSHIP, 100_000));
        long id = Fixtures.draft(TOWNSHIP, Fixtures.listing(cert, lotAreaM2, clock.instant()));
        Fixtures.act(Tokens.township(TOWNSHIP), id, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), id, "approve", 200);
        return id;
    }

    /** The hex leaf hash of the one audit entry of the type about the listing, computed here. */
    private String leafHash(String type, long listingId) {
        List<String> entries = data.auditEntries(type, listingId);
        assertEquals(1, entries.size(), entries::toString);
        return HexFormat.of().formatHex(MerkleTree.leafHash(entries.get(0).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSaleIsPublishedOnceClosedNamingTheBuyerWithItsPriceAreaAndLogEntry() throws Exception {
        long sold = draft(10_000);
        long unsold = draft(6_667);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        String buyer = Auctions.qualifiedBidder(data, sold, "QWY%06d".formatted(SERIAL.incrementAndGet()));
        Auctions.bid(buyer, sold, "22000000.00", UUID.randomUUID().toString()).then().statusCode(201);
        given().when().get("/api/public/results/" + sold).then().statusCode(404)
                .contentType("application/problem+json");

        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        JsonPath result = given().when().get("/api/public/results/" + sold).then().statusCode(200).extract().jsonPath();
        assertEquals(sold, result.getLong("listingId"));
        assertEquals("SOLD", result.getString("outcome"));
        assertEquals("LINKAGE_SURPLUS", result.getString("assetType"));
        assertEquals(TOWNSHIP, result.getString("regionCode"));
        assertEquals("结果镇", result.getString("sellerName"));
        assertEquals(buyer, result.getString("buyer.creditCode"));
        assertTrue(result.getString("buyer.name").startsWith("测试企业QWY"));
        assertEquals("22000000.00", result.getString("price"));
        assertEquals(2_200_000_000L, result.getLong("priceFen"));
        assertEquals(10_000, result.getLong("area.m2"));
        assertEquals("15.0000", result.getString("area.mu"));
        assertNotNull(OffsetDateTime.parse(result.getString("closedAt")));
        assertTrue(result.getString("objections").contains("异议"), result.getString("objections"));
        String hash = leafHash("listing.sold", sold);
        assertEquals("listing.sold", result.getString("closeEntry.type"));
        assertEquals(hash, result.getString("closeEntry.leafHash"));
        assertEquals("/api/audit/proof-by-hash?hash=" + hash, result.getString("closeEntry.proof"));

        Sequencing.settle(sequencer);
        JsonPath sequenced = given().when().get("/api/public/results/" + sold).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(hash, sequenced.getString("closeEntry.leafHash"));
        long index = sequenced.getLong("closeEntry.index");
        JsonPath proof = given().when().get(sequenced.getString("closeEntry.proof")).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(index, proof.getLong("index"));
        assertEquals(hash, HexFormat.of().formatHex(Base64.getDecoder().decode(proof.getString("leafHash"))));
        String entry = new String(Base64.getDecoder().decode(proof.getString("entry")), StandardCharsets.UTF_8);
        assertEquals(sold, JsonPath.from(entry).getLong("facts.listingId"));
        assertEquals("SOLD", JsonPath.from(entry).getString("facts.to"));

        given().when().get("/api/public/results/" + unsold).then().statusCode(200)
                .body("outcome", equalTo("UNSOLD"))
                .body("area.mu", equalTo("10.0005"))
                .body("$", not(hasKey("buyer")))
                .body("$", not(hasKey("price")))
                .body("$", not(hasKey("priceFen")))
                .body("closeEntry.type", equalTo("listing.unsold"))
                .body("closeEntry.leafHash", equalTo(leafHash("listing.unsold", unsold)));
    }

    @Test
    void resultsAreListedLatestCloseFirstForAnyone() {
        long first = draft(10_000);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        long second = draft(10_000);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        clock.advance(Duration.ofDays(22));
        closer.closeDue();

        JsonPath page = given().queryParam("size", 100).when().get("/api/public/results").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(page.getLong("total") >= 2);
        List<Long> ids = page.getList("items.listingId", Long.class);
        assertTrue(ids.indexOf(second) >= 0 && ids.indexOf(second) < ids.indexOf(first), ids::toString);
        List<String> closed = page.getList("items.closedAt");
        for (int i = 1; i < closed.size(); i++) {
            assertFalse(OffsetDateTime.parse(closed.get(i)).isAfter(OffsetDateTime.parse(closed.get(i - 1))),
                    "latest close first: " + closed);
        }
        Map<String, Object> listed = page.<Map<String, Object>>getList("items").get(ids.indexOf(second));
        assertEquals("UNSOLD", listed.get("outcome"));
        given().when().get("/api/public/results/999999999").then().statusCode(404);
        given().queryParam("size", 0).when().get("/api/public/results").then().statusCode(400);
    }
}
