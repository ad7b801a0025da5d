package cn.landmarket.audit;

import static cn.landmarket.audit.AuditTrail.only;
import static cn.landmarket.audit.AuditTrail.open;
import static cn.landmarket.audit.AuditTrail.openFacts;
import static cn.landmarket.audit.AuditTrail.openStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.audit.AuditTrail.Logged;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import cn.landmarket.verifier.Verdict;
import cn.landmarket.verifier.Verifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The public log publishes no more than the public API shows (issue 12, item 6): facts the API
 * shows only to some readers are in the log as salted commitments, which exactly those readers open
 * through GET /api/audit/commitments/{commitment} and recompute; everyone else gets 403.
 */
@QuarkusTest
@StandardMarket
class PublicLogDisclosureTest {

    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String OTHER_TOWNSHIP = Tokens.township(TestData.TOWNSHIP_B);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);
    private static final String FOREIGN_REGULATOR = Tokens.regulator(TestData.FOREIGN_REGULATOR);

    @Inject
    DataSource dataSource;

    @Inject
    AuditSequencer sequencer;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    private AuditTrail log;
    private String enterprise;

    @BeforeEach
    void setUp() {
        log = new AuditTrail(dataSource, sequencer);
        enterprise = Tokens.enterprise(data.enterprise(serial("E"), EnterpriseStatus.VERIFIED));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String serial(String tag) {
        return tag + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String unique(String text) {
        return text + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** The allowed readers open the commitment; the others get 403 (404 where the API hides the subject from them). */
    private static void assertOnlyOpenedBy(Logged entry, String field, List<String> allowed, List<String> refused) {
        for (String token : allowed) {
            assertEquals(200, openStatus(entry, field, token), "may open " + field + " of " + entry.type());
        }
        for (String token : refused) {
            int status = openStatus(entry, field, token);
            assertTrue(status == 403 || status == 404, "may not open " + field + " of " + entry.type() + ": " + status);
        }
        assertEquals(401, openStatus(entry, field, null), "opening needs a token");
    }

    @Test
    void draftAndEditedTermsOfAListingNeverAnnouncedAreOnlyCommitmentsInThePublicLog() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        String draftTitle = unique("草拟标题");
        String editedTitle = unique("修改标题");
        body.put("title", draftTitle);
        body.put("startPrice", "12345678.00");
        long before = log.mark();
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        body.put("title", editedTitle);
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().put("/api/listings/" + id)
                .then().statusCode(200);
        List<Logged> entries = log.since(before);

        for (Logged e : entries) {
            assertFalse(e.text().contains(draftTitle) || e.text().contains(editedTitle)
                    || e.text().contains("1234567800"), () -> "the public log shows a draft's terms: " + e.text());
        }
        List<Logged> drafts = AuditTrail.of(entries, "listing.draft", e -> e.about(id));
        assertEquals(2, drafts.size());
        assertEquals(draftTitle, openFacts(drafts.get(0), "terms", TOWNSHIP).get("title"));
        Map<String, Object> edited = openFacts(drafts.get(1), "terms", REGULATOR);
        assertEquals(editedTitle, edited.get("title"));
        assertEquals(1_234_567_800L, ((Number) edited.get("startPriceFen")).longValue());
        assertOnlyOpenedBy(drafts.get(1), "terms", List.of(TOWNSHIP, REGULATOR, Tokens.operator()),
                List.of(OTHER_TOWNSHIP, FOREIGN_REGULATOR, enterprise));
    }

    @Test
    void aRejectionReasonIsACommitmentThatTheListingsReadersOpen() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(TOWNSHIP, id, "submit", 200);
        String reason = unique("规划条件与证书不符");
        long before = log.mark();
        given().auth().oauth2(REGULATOR).contentType(ContentType.JSON).body(Map.of("reason", reason)).when()
                .post("/api/listings/" + id + "/reject").then().statusCode(200);
        List<Logged> entries = log.since(before);

        Logged rejected = only(entries, "listing.rejected", e -> e.about(id));
        assertNull(rejected.fact("reason"));
        assertEquals("PENDING_REVIEW", rejected.fact("from"));
        for (Logged e : entries) {
            assertFalse(e.text().contains(reason), () -> "the public log shows a rejection reason: " + e.text());
        }
        assertEquals(reason, open(rejected, "reason", TOWNSHIP));
        assertOnlyOpenedBy(rejected, "reason", List.of(TOWNSHIP, REGULATOR),
                List.of(OTHER_TOWNSHIP, FOREIGN_REGULATOR, enterprise));
    }

    @Test
    void aSuspensionBeforeTheAnnouncementIsCommittedAndOneAfterItIsPublic() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        long approved = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(TOWNSHIP, approved, "submit", 200);
        Fixtures.act(REGULATOR, approved, "approve", 200);
        String hidden = unique("公告前暂停");
        long before = log.mark();
        given().auth().oauth2(REGULATOR).contentType(ContentType.JSON).body(Map.of("reason", hidden)).when()
                .post("/api/listings/" + approved + "/suspend").then().statusCode(200);
        Fixtures.act(REGULATOR, approved, "resume", 200);
        List<Logged> unannounced = log.since(before);
        Logged suspended = only(unannounced, "listing.suspended", e -> e.about(approved));
        assertFalse(suspended.text().contains(hidden), suspended.text());
        assertEquals(hidden, open(suspended, "reason", REGULATOR));
        Logged resumed = only(unannounced, "listing.approved", e -> e.about(approved));
        assertFalse(resumed.facts().containsKey("listingStart"), "the schedule of an unannounced listing is committed");
        assertTrue(openFacts(resumed, "details", TOWNSHIP).containsKey("listingStart"));

        long announced = Fixtures.announced(TestData.TOWNSHIP_A,
                Fixtures.listing(Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000)), 10_000,
                        clock.instant()), clock);
        String shown = unique("公告后暂停");
        long beforePublic = log.mark();
        given().auth().oauth2(REGULATOR).contentType(ContentType.JSON).body(Map.of("reason", shown)).when()
                .post("/api/listings/" + announced + "/suspend").then().statusCode(200);
        given().when().get("/api/public/listings/" + announced).then().statusCode(200)
                .body("statusReason", org.hamcrest.Matchers.equalTo(shown));
        Logged publicSuspension = only(log.since(beforePublic), "listing.suspended", e -> e.about(announced));
        assertEquals(shown, publicSuspension.fact("reason"), "what the public API shows is in the clear");
    }

    @Test
    void theAnnouncementPublishesTheTermsInTheClearButNeverTheReserve() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        String title = unique("公告标题");
        body.put("title", title);
        long before = log.mark();
        long id = Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
        List<Logged> entries = log.since(before);

        Logged announced = only(entries, "listing.announced", e -> e.about(id));
        assertEquals(title, announced.fact("title"));
        assertEquals(2_000_000_000L, announced.number("startPriceFen"));
        assertEquals(400_000_000L, announced.number("depositFen"));
        assertEquals(10_000, announced.number("lotAreaM2"));
        assertEquals("整体挂牌", announced.fact("description"));
        assertEquals(List.of("51"), announced.fact("eligibleRegions"));
        assertEquals("FULL", ((Map<?, ?>) announced.fact("paymentTerms")).get("mode"));
        assertEquals(Boolean.TRUE, announced.fact("hasReservePrice"));
        assertFalse(announced.facts().containsKey("reservePriceFen"));
        assertFalse(announced.text().contains("2200000000"), "the reserve stays secret until the close");
        Map<String, Object> view = given().when().get("/api/public/listings/" + id).then().statusCode(200).extract()
                .jsonPath().getMap("$");
        assertEquals(view.get("title"), announced.fact("title"), "the entry shows what the public listing shows");
    }

    @Test
    void certificateDetailsAreCommittedAndOpenToHolderRegulatorsAndOperatorsOnly() throws Exception {
        Map<String, Object> body = Fixtures.farmland(TestData.TOWNSHIP_A, 77_777);
        String project = unique("保密的土地整理项目");
        body.put("sourceProject", project);
        long before = log.mark();
        long id = Fixtures.issue(body);
        String certNo = given().auth().oauth2(TOWNSHIP).when().get("/api/certificates/" + id).then().statusCode(200)
                .extract().path("certNo");
        List<Logged> entries = log.since(before);

        for (Logged e : entries) {
            assertFalse(e.text().contains(project) || e.text().contains(certNo) || e.text().contains("77777")
                    || e.text().contains("510722-2025-BC-0031"),
                    () -> "the public log shows a certificate's details: " + e.text());
        }
        Logged issued = only(entries, "certificate.issued", e -> e.has("certificateId", id));
        assertEquals("FARMLAND_COMPENSATION", issued.fact("assetType"));
        Map<String, Object> details = openFacts(issued, "details", TOWNSHIP);
        assertEquals(project, details.get("sourceProject"));
        assertEquals(certNo, details.get("certNo"));
        assertEquals(77_777, ((Number) details.get("areaM2")).longValue());
        assertEquals(TestData.TOWNSHIP_A, details.get("holderCode"));
        assertOnlyOpenedBy(issued, "details", List.of(TOWNSHIP, REGULATOR, Tokens.operator()),
                List.of(OTHER_TOWNSHIP, FOREIGN_REGULATOR, enterprise));
        Logged quota = only(entries, "transfer.posted", e -> e.has("kind", "ISSUE")
                && e.has("creditAccount", "CERT:" + id + ":AREA_M2"));
        Map<String, Object> moved = openFacts(quota, "details", REGULATOR);
        assertEquals(77_777, ((Number) moved.get("amount")).longValue());
        assertEquals(certNo, moved.get("reference"));
        assertEquals(403, openStatus(quota, "details", OTHER_TOWNSHIP));
    }

    @Test
    void theReasonOfAnIdentityRevealIsACommitmentOnlyRegulatorsOfTheRegionOpen() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, serial("R"));
        Auctions.bid(bidder, id, "20000000.00", "reveal-" + id).then().statusCode(201);
        String reason = "举报：" + bidder + " 疑似围标";
        long before = log.mark();
        given().auth().oauth2(REGULATOR).queryParam("reason", reason).when().get("/api/listings/" + id + "/bids")
                .then().statusCode(200);
        Logged reveal = only(log.since(before), "identity.revealed", e -> e.about(id));
        assertFalse(reveal.text().contains(bidder) || reveal.text().contains("疑似围标"),
                "the public entry does not carry the reason, which may name the bidder: " + reveal.text());
        assertEquals(reason, open(reveal, "reason", REGULATOR));
        assertOnlyOpenedBy(reveal, "reason", List.of(REGULATOR, Tokens.regulator(TestData.COUNTY_REGULATOR)),
                List.of(FOREIGN_REGULATOR, Tokens.operator(), TOWNSHIP, Tokens.enterprise(bidder)));
    }

    @Test
    void anUnknownOrMalformedCommitmentIsNotFound() {
        given().auth().oauth2(REGULATOR).when().get("/api/audit/commitments/" + "ab".repeat(32)).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(REGULATOR).when().get("/api/audit/commitments/not-hex").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theLogWithItsCommitmentsStillVerifies() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(TOWNSHIP, id, "submit", 200);
        long before = log.mark();
        Fixtures.act(REGULATOR, id, "reject", 200);
        assertTrue(only(log.since(before), "listing.rejected", e -> e.about(id)).facts()
                .containsKey("reasonCommitment"), "the log holds a commitment");
        java.nio.file.Path saved = java.nio.file.Files.createTempFile("checkpoint", ".txt");
        java.nio.file.Files.delete(saved);
        Verdict result = Verifier.verify(base.toString(), saved, null);
        assertTrue(result.ok(), result.message());
        assertTrue(result.treeSize() > 0, "the verifier accepts the log with commitments in it");
    }
}
