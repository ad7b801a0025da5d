package cn.landmarket.oversight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.audit.Checkpoint;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.audit.SignedNote;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The regulator audit API over a small market built once: listings whose bidders share a payer
 * account, a client address and a phone and bid in a regular pattern; a clean listing where none of
 * that happens; a township that mostly sells to single bidders; and sales with hand-computed
 * statistics. Its townships lie in counties that neither the seed data nor other tests use (510728, 510729).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightResourceTest {

    private static final String STAT_A = "510728101";
    private static final String STAT_B = "510728102";
    private static final String SIGNALS = "510729101";
    private static final String CLEAN = "510729102";
    private static final String SHARES = "510729103";
    private static final String SHARED_PHONE = "13912345678";
    private static final String SHARED_ADDRESS = "203.0.113.7";
    private static final String SHARED_REPRESENTATIVE = "赵四海";
    private static final String INJECTED_TITLE = "=1+2 恶意标题,含逗号";
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
    SettlementSweep settlement;

    @Inject
    AuditSequencer sequencer;

    @Inject
    OversightRepository repository;

    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
    private final String outsider = Tokens.regulator(TestData.COUNTY_REGULATOR);

    private long stat1;
    private long stat2;
    private long stat3;
    private long stat4;
    private long collude;
    private long increments;
    private long clean;
    private long share1;
    private long share2;
    private long share3;
    private String c1;
    private String c2;
    private String c3;
    private String c4;
    private String c6;
    private boolean built;
    private final Map<String, Long> registrationIds = new HashMap<>();
    private final Map<String, String> bidderNumbers = new HashMap<>();

    // ---- the market --------------------------------------------------------------------------

    /** Built before the first test (RestAssured knows the test port only from then on), read by all. */
    @BeforeEach
    void market() throws Exception {
        if (built) {
            return;
        }
        built = true;
        data.standard();
        clock.reset();
        data.township(STAT_A, "统计甲镇");
        data.township(STAT_B, "统计乙镇");
        data.township(SIGNALS, "信号镇");
        data.township(CLEAN, "清白镇");
        data.township(SHARES, "独家镇");

        stat1 = draft(STAT_A, 10_000, Map.of());
        stat2 = draft(STAT_A, 6_667, Map.of("reservePrice", "20000000.00"));
        stat3 = draft(STAT_B, 3_000, Map.of("reservePrice", "20000000.00"));
        stat4 = draft(STAT_A, 5_000, Map.of("title", INJECTED_TITLE));
        collude = draft(SIGNALS, 10_000, Map.of());
        increments = draft(SIGNALS, 10_000, Map.of());
        clean = draft(CLEAN, 10_000, Map.of());
        share1 = draft(SHARES, 10_000, Map.of());
        share2 = draft(SHARES, 10_000, Map.of());
        share3 = draft(SHARES, 10_000, Map.of());
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();

        // Sales with hand-computed statistics; stat4 gets no bid and goes unsold.
        bid(Auctions.qualifiedBidder(data, stat1, serial()), stat1, "22000000.00", "198.51.100.1");
        bid(Auctions.qualifiedBidder(data, stat2, serial()), stat2, "20000000.00", "198.51.100.2");
        bid(Auctions.qualifiedBidder(data, stat3, serial()), stat3, "20500000.00", "198.51.100.3");

        // c1 and c2 share a payer account, a client address and a phone, and alternate at a constant step.
        c1 = enterprise("钱一", SHARED_PHONE, "孙一");
        c2 = enterprise("钱二", "+86 139-1234-5678", "孙二");
        c3 = enterprise("钱三", "13700000003", "孙三");
        qualify(c1, collude, SHARED_ADDRESS, "6222 0000 1111 2222");
        qualify(c2, collude, SHARED_ADDRESS, "6222-0000-1111-2222");
        qualify(c3, collude, "203.0.113.9", "6222000033334444");
        String[] amounts = {"20000000.00", "20500000.00", "21000000.00", "21500000.00", "22000000.00", "22500000.00"};
        for (int i = 0; i < amounts.length; i++) {
            bid(i % 2 == 0 ? c1 : c2, collude, amounts[i], SHARED_ADDRESS);
        }

        // Eleven bids of exactly the increment by two bidders that do not strictly alternate.
        String c7 = Auctions.qualifiedBidder(data, increments, serial());
        String c8 = Auctions.qualifiedBidder(data, increments, serial());
        String order = "ABAABABBABA";
        for (int i = 0; i < order.length(); i++) {
            boolean a = order.charAt(i) == 'A';
            bid(a ? c7 : c8, increments, yuan(20_000_000_00L + i * 200_000_00L), a ? "198.51.100.21" : "198.51.100.22");
        }

        // A clean listing: different accounts, addresses and people, irregular steps.
        c4 = enterprise("周四", "13600000004", SHARED_REPRESENTATIVE);
        String c5 = enterprise("周五", "13600000005", "吴五");
        qualify(c4, clean, "198.51.100.31", "6222000044445555");
        qualify(c5, clean, "198.51.100.32", "6222000055556666");
        String[] steps = {"20000000.00", "20300000.00", "21100000.00", "21400000.00", "22600000.00", "23000000.00"};
        for (int i = 0; i < steps.length; i++) {
            bid(i % 2 == 0 ? c4 : c5, clean, steps[i], i % 2 == 0 ? "198.51.100.31" : "198.51.100.32");
        }

        // Two single-bidder sales and one with two bidders for one township; c6 shares c4's legal representative.
        bid(Auctions.qualifiedBidder(data, share1, serial()), share1, "22000000.00", "198.51.100.41");
        bid(Auctions.qualifiedBidder(data, share2, serial()), share2, "22500000.00", "198.51.100.42");
        c6 = enterprise("郑六", "13600000006", SHARED_REPRESENTATIVE);
        qualify(c6, share3, "198.51.100.43", "6222000066667777");
        bid(c6, share3, "22000000.00", "198.51.100.43");
        bid(Auctions.qualifiedBidder(data, share3, serial()), share3, "22200000.00", "198.51.100.44");

        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        for (long id : List.of(stat1, stat2, stat3, collude, increments, clean, share1, share2, share3)) {
            assertEquals("SOLD", status(id), "listing " + id);
        }
        assertEquals("UNSOLD", status(stat4));
        Sequencing.settle(sequencer);
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    private static String serial() {
        return "QWX%06d".formatted(SERIAL.incrementAndGet());
    }

    private static String yuan(long fen) {
        return fen / 100 + "." + "%02d".formatted(fen % 100);
    }

    /** Drafts, submits and approves a listing of a fresh certificate of the township. */
    private long draft(String township, long lotAreaM2, Map<String, Object> overrides) {
        long cert = Fixtures.issue(Fixtures.linkage(township, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, lotAreaM2, clock.instant());
        body.putAll(overrides);
        long id = Fixtures.draft(township, body);
        Fixtures.act(Tokens.township(township), id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        return id;
    }

    /** A verified enterprise with its own contact person, phone and legal representative. */
    private String enterprise(String contactPerson, String contactPhone, String legalRepresentative) {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        data.execute("update enterprise set contact_person = '" + contactPerson + "', contact_phone = '"
                + contactPhone + "', legal_representative = '" + legalRepresentative + "' where credit_code = '"
                + code + "'");
        return code;
    }

    /** Registers the enterprise from a client address and pays its deposit from a payer account. */
    private void qualify(String enterprise, long listingId, String address, String payerAccount) {
        JsonPath registration = given().auth().oauth2(Tokens.enterprise(enterprise))
                .header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201).extract()
                .jsonPath();
        registrationIds.put(enterprise + "@" + listingId, registration.getLong("id"));
        String payer = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1",
                enterprise);
        Map<String, Object> credit = BankFeed.credit("QWX-" + UUID.randomUUID(),
                registration.getString("payTo.virtualAccount"), "4000000.00", payer, clock.instant());
        credit.put("counterpartyAccount", payerAccount);
        BankFeed.deliver(credit).statusCode(200).body("outcome", equalTo("QUALIFIED"));
    }

    /** Places a bid from a client address and remembers the bidder's number. */
    private void bid(String enterprise, long listingId, String amount, String address) {
        String number = given().auth().oauth2(Tokens.enterprise(enterprise))
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).body(Map.of("amount", amount))
                .when().post("/api/listings/" + listingId + "/bids").then().statusCode(201).extract().path("bidderNo");
        bidderNumbers.put(enterprise + "@" + listingId, number);
    }

    private String status(long listingId) {
        return given().auth().oauth2(regulator).when().get("/api/listings/" + listingId).then().statusCode(200)
                .extract().path("status");
    }

    private OffsetDateTime closedAt(long listingId) {
        return OffsetDateTime.parse(given().auth().oauth2(regulator).when().get("/api/listings/" + listingId).then()
                .statusCode(200).extract().path("closedAt"));
    }

    private RequestSpecification asRegulator() {
        return given().auth().oauth2(regulator);
    }

    private JsonPath get(String path, Object... params) {
        RequestSpecification request = asRegulator();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get(path).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private String csv(String path, Object... params) {
        RequestSpecification request = asRegulator().accept("text/csv");
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=")).extract().asString();
    }

    /** The token a signal shows for a value, computed with the market's key as SignalToken defines it. */
    private String token(String kind, String value) {
        byte[] key = QuarkusTransaction.requiringNew().call(repository::signalKey);
        return SignalToken.of(key, kind, value);
    }

    private static List<String> lines(String csv) {
        assertTrue(csv.endsWith("\r\n"), "every line ends with CRLF");
        return List.of(csv.substring(0, csv.length() - 2).split("\r\n", -1));
    }

    // ---- searches ----------------------------------------------------------------------------

    @Test
    void listingSearchFiltersByTownshipEnterpriseStatusAndDayOfClose() {
        JsonPath signals = get("/api/oversight/listings", "township", SIGNALS);
        assertEquals(2, signals.getLong("total"));
        assertEquals(List.of(increments, collude), signals.getList("items.id", Long.class), "newest first");
        assertEquals(3, signals.getInt("items[1].registrations"));
        assertEquals(2, signals.getInt("items[1].bidders"));
        assertEquals("22500000.00", signals.getString("items[1].highestBid"));
        assertEquals(c2, signals.getString("items[1].buyerCode"));

        assertEquals(List.of(collude), get("/api/oversight/listings", "enterprise", c3, "reason", "核查竞买记录")
                .getList("items.id", Long.class));
        assertEquals(List.of(stat4), get("/api/oversight/listings", "region", "510728", "status", "UNSOLD")
                .getList("items.id", Long.class));

        LocalDate closed = closedAt(stat1).toLocalDate();
        assertEquals(3, get("/api/oversight/listings", "township", STAT_A, "closedFrom", closed.toString(),
                "closedTo", closed.toString()).getLong("total"));
        assertEquals(0, get("/api/oversight/listings", "township", STAT_A, "closedTo", closed.minusDays(1).toString())
                .getLong("total"));
        assertEquals(0, get("/api/oversight/listings", "township", STAT_A, "closedFrom", closed.plusDays(1).toString())
                .getLong("total"));

        JsonPath paged = get("/api/oversight/listings", "region", "510728", "size", 2, "page", 1);
        assertEquals(4, paged.getLong("total"));
        assertEquals(2, paged.getList("items").size());
    }

    @Test
    void searchingListingsByEnterpriseIsAReveal_ItNeedsAReasonAndLogsEachListingItTiesToTheEnterprise() {
        int before = data.auditEntries("identity.revealed", collude).size();
        asRegulator().queryParam("enterprise", c3).when().get("/api/oversight/listings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("reveal.reason-required"));
        asRegulator().queryParam("enterprise", c3).accept("text/csv").when().get("/api/oversight/listings").then()
                .statusCode(400);
        asRegulator().queryParam("enterprise", c3).queryParam("reason", " ").when().get("/api/oversight/listings")
                .then().statusCode(400);
        assertEquals(before, data.auditEntries("identity.revealed", collude).size(), "refusals log nothing");

        JsonPath found = get("/api/oversight/listings", "enterprise", c3, "reason", "举报核查", "size", 1, "page", 3);
        assertEquals(1, found.getLong("total"));
        assertEquals(List.of(), found.getList("items"), "a page past the end shows nothing, the reveal is still logged");
        List<String> logged = data.auditEntries("identity.revealed", collude);
        assertEquals(before + 1, logged.size(), "one entry for the listing the search tied to the enterprise");
        JsonPath entry = JsonPath.from(logged.get(logged.size() - 1));
        assertEquals("search", entry.getString("facts.view"));
        assertEquals("regulator:" + TestData.CITY_REGULATOR + ":regulator-user", entry.getString("actor"));
        String c3Number = data.value(String.class, "select r.bidderNo from Registration r where r.id = ?1",
                registrationIds.get(c3 + "@" + collude));
        assertEquals(List.of(c3Number), entry.getList("facts.bidderNos"));
        assertEquals(List.of(registrationIds.get(c3 + "@" + collude)), entry.getList("facts.registrationIds", Long.class));

        List<String> rows = lines(csv("/api/oversight/listings", "enterprise", c3, "reason", "导出核查"));
        assertEquals(2, rows.size());
        assertEquals(before + 2, data.auditEntries("identity.revealed", collude).size(), "the export is a reveal too");
        get("/api/oversight/listings", "township", SIGNALS, "reason", "无企业条件时不是揭示");
        assertEquals(before + 2, data.auditEntries("identity.revealed", collude).size(),
                "a reason without an enterprise reveals nothing and logs nothing");
    }

    @Test
    void tradeSearchFiltersByTownshipBuyerAndStatus() {
        JsonPath shares = get("/api/oversight/trades", "township", SHARES);
        assertEquals(3, shares.getLong("total"));
        assertTrue(shares.getList("items.listingId", Long.class).containsAll(List.of(share1, share2, share3)));
        JsonPath bought = get("/api/oversight/trades", "enterprise", c2);
        assertEquals(List.of(collude), bought.getList("items.listingId", Long.class));
        assertEquals("22500000.00", bought.getString("items[0].price"));
        assertEquals("AWAITING_CONFIRMATION", bought.getString("items[0].status"));
        assertEquals(c2, bought.getString("items[0].buyerCode"));
        assertEquals(0, get("/api/oversight/trades", "township", SHARES, "status", "SETTLED").getLong("total"));
    }

    @Test
    void aRegulatorSeesNothingOutsideItsJurisdiction() {
        given().auth().oauth2(outsider).queryParam("township", SIGNALS).when().get("/api/oversight/listings").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(outsider).queryParam("township", SHARES).when().get("/api/oversight/trades").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(outsider).queryParam("region", "510729").when()
                .get("/api/oversight/signals/single-bidder-sales").then().statusCode(200).body("total", equalTo(0));
        for (String path : List.of("/api/oversight/listings/" + collude + "/dossier",
                "/api/oversight/signals/payer-accounts?listingId=" + collude,
                "/api/oversight/signals/bid-patterns?listingId=" + collude)) {
            given().auth().oauth2(outsider).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        }
        asRegulator().when().get("/api/oversight/listings/999999999/dossier").then().statusCode(404);
        asRegulator().queryParam("listingId", 999_999_999).when().get("/api/oversight/signals/contacts").then()
                .statusCode(404);
    }

    @Test
    void searchesExportEveryMatchAsCsvWithFormulasDefused() {
        List<String> rows = lines(csv("/api/oversight/listings", "region", "510728", "size", 1));
        assertTrue(rows.get(0).startsWith("id,listingNo,title,status,assetType,regionCode,sellerCode,lotAreaM2,"),
                rows.get(0));
        assertEquals(5, rows.size(), "the header and all four listings, not just the page of one");
        String injected = rows.stream().filter(r -> r.startsWith(stat4 + ",")).findFirst().orElseThrow();
        assertTrue(injected.contains(",\"'" + INJECTED_TITLE + "\",UNSOLD,LINKAGE_SURPLUS,"), injected);

        List<String> trades = lines(csv("/api/oversight/trades", "enterprise", c2));
        assertEquals(2, trades.size());
        assertEquals(String.valueOf(collude), trades.get(1).split(",")[1], trades.get(1));
        assertTrue(trades.get(1).contains(",22500000.00,"), trades.get(1));
    }

    @Test
    void badFiltersAreClearProblemsNamingTheParameter() {
        problem("/api/oversight/listings", "closedFrom", "closedFrom", "2026-02-30");
        problem("/api/oversight/trades", "closedTo", "closedFrom", "2026-05-02", "closedTo", "2026-05-01");
        problem("/api/oversight/statistics", "regionDigits", "regionDigits", 5);
        problem("/api/oversight/listings", "status", "status", "FOO");
        problem("/api/oversight/listings", "region", "region", "99");
        problem("/api/oversight/listings", "enterprise", "enterprise", "NOT-A-CREDIT-CODE");
        problem("/api/oversight/signals/contacts", "across", "across", "WORLD");
    }

    private void problem(String path, String field, Object... params) {
        RequestSpecification request = asRegulator();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        request.when().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    // ---- dossier and identities ----------------------------------------------------------------

    @Test
    void theDossierHoldsTheWholeListingWithBiddersByNumberAndProvableLogEntries() throws Exception {
        Sequencing.settle(sequencer);
        JsonPath dossier = get("/api/oversight/listings/" + collude + "/dossier");
        assertEquals(collude, dossier.getLong("listing.id"));
        assertEquals("SOLD", dossier.getString("listing.status"));
        assertEquals("22000000.00", dossier.getString("listing.reservePrice"));
        assertEquals("SOLD", dossier.getString("history[-1].to"));
        assertEquals(3, dossier.getList("registrations").size());
        assertEquals(6, dossier.getList("bids.items").size());
        assertEquals(6, dossier.getLong("bids.total"));
        for (String part : List.of("registrations", "bids.items")) {
            for (Map<String, Object> item : dossier.<Map<String, Object>>getList(part)) {
                assertTrue(!item.containsKey("enterpriseCode") && !item.containsKey("enterpriseName"), part + ": " + item);
            }
        }
        assertEquals(List.of(bidderNumbers.get(c1 + "@" + collude), bidderNumbers.get(c2 + "@" + collude)),
                dossier.getList("bids.items.bidderNo").subList(0, 2));
        assertEquals(collude, dossier.getLong("trade.listingId"));
        assertEquals("22500000.00", dossier.getString("trade.price"));
        assertEquals(0, dossier.getLong("pendingAuditEntries"));

        String key = given().when().get("/api/audit/key").then().statusCode(200).extract().asString();
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(dossier.getString("auditLog.checkpoint"), key));
        assertEquals(checkpoint.size(), dossier.getLong("auditLog.treeSize"));
        List<Map<String, Object>> entries = dossier.getList("auditLog.entries");
        List<String> types = new ArrayList<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (Map<String, Object> e : entries) {
            byte[] bytes = b64.decode((String) e.get("entry"));
            JsonPath entry = JsonPath.from(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(collude, entry.getLong("facts.listingId"));
            types.add(entry.getString("type"));
            @SuppressWarnings("unchecked")
            List<byte[]> proof = ((List<String>) e.get("proof")).stream().map(b64::decode).toList();
            assertTrue(MerkleTree.verifyInclusion(((Number) e.get("index")).longValue(), checkpoint.size(),
                    MerkleTree.leafHash(bytes), proof, checkpoint.root()), "entry " + e.get("index"));
        }
        assertEquals(6, types.stream().filter("bid.accepted"::equals).count(), types::toString);
        assertTrue(types.containsAll(List.of("listing.pending_review", "listing.approved", "listing.timed_bidding",
                "listing.sold")), types::toString);
    }

    @Test
    void identitiesNeedAReasonAndEachRevealIsLoggedOnce() throws Exception {
        int before = data.auditEntries("identity.revealed", collude).size();
        asRegulator().when().get("/api/oversight/listings/" + collude + "/identities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("reveal.reason-required"))
                .body("errors[0].message", startsWith("State why you need to see who is behind"));
        asRegulator().queryParam("reason", "  ").when().get("/api/oversight/listings/" + collude + "/identities")
                .then().statusCode(400);
        given().auth().oauth2(outsider).queryParam("reason", "越权查看").when()
                .get("/api/oversight/listings/" + collude + "/identities").then().statusCode(403);
        assertEquals(before, data.auditEntries("identity.revealed", collude).size(), "refusals log nothing");

        String reason = "群众举报疑似围标，调阅竞买人身份".repeat(13).substring(0, 200);
        JsonPath identities = get("/api/oversight/listings/" + collude + "/identities", "reason", reason);
        assertEquals(List.of(c1, c2, c3), identities.getList("enterpriseCode"));
        assertEquals(List.of("钱一", "钱二", "钱三"), identities.getList("contactPerson"));
        assertEquals(List.of("孙一", "孙二", "孙三"), identities.getList("legalRepresentative"));
        assertEquals(SHARED_PHONE, identities.getString("[0].contactPhone"));
        assertEquals(bidderNumbers.get(c1 + "@" + collude), identities.getString("[0].bidderNo"));
        assertTrue(identities.getString("[2].enterpriseName").startsWith("测试企业QWX"));

        List<String> logged = data.auditEntries("identity.revealed", collude);
        assertEquals(before + 1, logged.size(), "exactly one entry for the reveal");
        JsonPath entry = JsonPath.from(logged.get(logged.size() - 1));
        assertEquals("regulator:" + TestData.CITY_REGULATOR + ":regulator-user", entry.getString("actor"));
        org.junit.jupiter.api.Assertions.assertFalse(logged.get(logged.size() - 1).contains(reason), "the reason is committed, not public");
        assertEquals(reason, cn.landmarket.testing.Commitments.open(Tokens.regulator(TestData.CITY_REGULATOR),
                entry.getString("facts.reasonCommitment")));
        assertEquals("identities", entry.getString("facts.view"));
        assertEquals(identities.getList("bidderNo"), entry.getList("facts.bidderNos"));
        assertEquals(identities.getList("registrationId", Long.class), entry.getList("facts.registrationIds", Long.class));
        assertTrue(Duration.between(java.time.Instant.parse(entry.getString("time")), clock.instant()).abs()
                .compareTo(Duration.ofMinutes(1)) < 0, "the time is the server clock's");

        List<String> rows = lines(csv("/api/oversight/listings/" + collude + "/identities", "reason", "导出核查"));
        assertEquals("registrationId,bidderNo,status,enterpriseCode,enterpriseName,legalRepresentative,contactPerson,"
                + "contactPhone", rows.get(0));
        assertEquals(4, rows.size());
        assertTrue(rows.get(2).endsWith(",钱二,'+86 139-1234-5678"), rows.get(2));
        assertEquals(before + 2, data.auditEntries("identity.revealed", collude).size(), "the export is a reveal too");
    }

    // ---- collusion signals ---------------------------------------------------------------------

    @Test
    void depositsFromOnePayerAccountForTwoBiddersAreFound() {
        JsonPath findings = get("/api/oversight/signals/payer-accounts", "listingId", collude);
        assertEquals(1, findings.getList("items").size());
        assertEquals(token("PAYER_ACCOUNT", "6222000011112222"), findings.getString("items[0].payerAccountToken"));
        assertEquals(2, findings.getInt("items[0].bidders"));
        assertEquals(List.of(registrationIds.get(c1 + "@" + collude), registrationIds.get(c2 + "@" + collude)),
                findings.getList("items[0].deposits.registrationId", Long.class));
        assertEquals(List.of("4000000.00", "4000000.00"), findings.getList("items[0].deposits.amount"));
        assertEquals(List.of("QUALIFIED", "QUALIFIED"), findings.getList("items[0].deposits.outcome"));
        asRegulator().queryParam("listingId", collude).when().get("/api/oversight/signals/payer-accounts").then()
                .body("items[0].deposits[0]", not(hasKey("enterpriseCode")));

        assertEquals(List.of(), get("/api/oversight/signals/payer-accounts", "listingId", clean).getList("items"));
        assertEquals(List.of(collude), get("/api/oversight/signals/payer-accounts", "region", "510729")
                .getList("items.listingId", Long.class));

        List<String> rows = lines(csv("/api/oversight/signals/payer-accounts", "listingId", collude));
        assertEquals("listingId,payerAccountToken,bidders,registrationId,bidderNo,transactionId,amount,bookedAt,outcome",
                rows.get(0));
        assertEquals(3, rows.size());
    }

    @Test
    void theSamePhoneForTwoBiddersOfOneListingIsFound() {
        JsonPath findings = get("/api/oversight/signals/contacts", "listingId", collude);
        assertEquals(1, findings.getList("items").size(), findings.prettify());
        assertEquals("LISTING", findings.getString("items[0].across"));
        assertEquals("CONTACT_PHONE", findings.getString("items[0].attribute"));
        assertEquals(token("CONTACT_PHONE", SHARED_PHONE), findings.getString("items[0].valueToken"));
        assertEquals(collude, findings.getLong("items[0].listingId"));
        assertEquals(2, findings.getInt("items[0].enterprises"));
        assertEquals(List.of(registrationIds.get(c1 + "@" + collude), registrationIds.get(c2 + "@" + collude)),
                findings.getList("items[0].bidders.registrationId", Long.class));

        assertEquals(List.of(), get("/api/oversight/signals/contacts", "listingId", clean).getList("items"));
        assertEquals(List.of(), get("/api/oversight/signals/contacts", "listingId", share3).getList("items"));
    }

    @Test
    void aLegalRepresentativeSharedAcrossListingsOfTheRegionIsFoundOnlyWhenComparingAcrossTheRegion() {
        String representative = token("LEGAL_REPRESENTATIVE", SHARED_REPRESENTATIVE);
        JsonPath region = get("/api/oversight/signals/contacts", "region", "510729", "across", "REGION", "size", 100);
        List<Map<String, Object>> shared = region.<Map<String, Object>>getList("items").stream()
                .filter(f -> f.get("valueToken").equals(representative)).toList();
        assertEquals(1, shared.size(), region.prettify());
        assertEquals("LEGAL_REPRESENTATIVE", shared.get(0).get("attribute"));
        assertEquals("REGION", shared.get(0).get("across"));
        assertEquals(2, shared.get(0).get("enterprises"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bidders = (List<Map<String, Object>>) shared.get(0).get("bidders");
        assertEquals(List.of(clean, share3), bidders.stream().map(b -> ((Number) b.get("listingId")).longValue())
                .sorted().toList());
        assertEquals(null, shared.get(0).get("listingId"), "a region-wide finding belongs to no one listing");

        JsonPath perListing = get("/api/oversight/signals/contacts", "region", "510729", "size", 100);
        assertTrue(perListing.getList("items.valueToken").stream().noneMatch(representative::equals),
                perListing.prettify());
    }

    @Test
    void twoBiddersRegisteringAndBiddingFromOneAddressAreFound() {
        JsonPath findings = get("/api/oversight/signals/client-addresses", "listingId", collude);
        assertEquals(1, findings.getList("items").size(), findings.prettify());
        assertEquals(token("CLIENT_ADDRESS", SHARED_ADDRESS), findings.getString("items[0].clientAddressToken"));
        assertEquals(2, findings.getInt("items[0].bidders"));
        List<String> kinds = findings.getList("items[0].events.kind");
        assertEquals(2, kinds.stream().filter("REGISTRATION"::equals).count());
        assertEquals(6, kinds.stream().filter("BID"::equals).count());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), findings.<Integer>getList("items[0].events.bidSequence").stream()
                .filter(java.util.Objects::nonNull).sorted().toList());

        assertEquals(List.of(), get("/api/oversight/signals/client-addresses", "listingId", clean).getList("items"));
        assertEquals(List.of(), get("/api/oversight/signals/client-addresses", "listingId", increments).getList("items"));
    }

    @Test
    void signalsShowWhichBidderNumbersShareAValueButNeverTheValueThatWouldNameThem() {
        Map<String, List<String>> secrets = Map.of(
                "/api/oversight/signals/payer-accounts", List.of("6222000011112222", "6222 0000 1111 2222",
                        "6222-0000-1111-2222"),
                "/api/oversight/signals/contacts", List.of(SHARED_PHONE, "139-1234-5678", "钱一", "钱二"),
                "/api/oversight/signals/client-addresses", List.of(SHARED_ADDRESS));
        secrets.forEach((path, values) -> {
            String json = asRegulator().queryParam("listingId", collude).when().get(path).then().statusCode(200)
                    .body("total", equalTo(1))
                    .extract().asString();
            String csv = csv(path, "listingId", collude);
            for (String value : values) {
                assertTrue(!json.contains(value), path + " shows " + value + ": " + json);
                assertTrue(!csv.contains(value), path + " exports " + value + ": " + csv);
            }
        });
        String payer = get("/api/oversight/signals/payer-accounts", "listingId", collude)
                .getString("items[0].payerAccountToken");
        assertTrue(payer.matches("[0-9a-f]{32}"), payer);
        assertTrue(!payer.equals(token("CLIENT_ADDRESS", "6222000011112222")), "the kind of value is part of the token");
    }

    @Test
    void eachCollusionSignalIsPagedWithAMaximumPageSizeAndItsPagesHoldEveryFindingOnce() {
        for (String path : List.of("/api/oversight/signals/payer-accounts", "/api/oversight/signals/contacts",
                "/api/oversight/signals/client-addresses", "/api/oversight/signals/bid-patterns",
                "/api/oversight/signals/single-bidder-sales")) {
            problem(path, "size", "size", 101);
            problem(path, "size", "size", 0);
            problem(path, "page", "page", -1);
        }
        JsonPath all = get("/api/oversight/signals/contacts", "region", "510729", "across", "REGION", "size", 100);
        long total = all.getLong("total");
        assertTrue(total >= 3, all.prettify());
        assertEquals(total, all.getList("items").size());
        List<Object> paged = new ArrayList<>();
        for (int page = 0; page < total; page++) {
            JsonPath one = get("/api/oversight/signals/contacts", "region", "510729", "across", "REGION", "size", 1,
                    "page", page);
            assertEquals(total, one.getLong("total"));
            assertEquals(1, one.getInt("size"));
            assertEquals(page, one.getInt("page"));
            assertEquals(1, one.getList("items").size());
            paged.add(one.getMap("items[0]"));
        }
        assertEquals(all.getList("items"), paged, "the pages hold every finding once, in order");
        assertEquals(List.of(), get("/api/oversight/signals/contacts", "region", "510729", "across", "REGION",
                "size", 1, "page", total).getList("items"));

        JsonPath shares = get("/api/oversight/signals/single-bidder-sales", "region", "510729", "size", 2);
        assertEquals(3, shares.getLong("total"));
        assertEquals(2, shares.getList("items").size());
        assertEquals(1, get("/api/oversight/signals/single-bidder-sales", "region", "510729", "size", 2, "page", 1)
                .getList("items").size());
        assertEquals(4, lines(csv("/api/oversight/signals/single-bidder-sales", "region", "510729", "size", 1)).size(),
                "the export holds every township, not just the page");
    }

    @Test
    void bidsAlternatingAtAConstantStepAndRunsOfTheIncrementAreFound() {
        JsonPath alternation = get("/api/oversight/signals/bid-patterns", "listingId", collude);
        assertEquals(1, alternation.getList("items").size(), alternation.prettify());
        assertEquals("CONSTANT_STEP_ALTERNATION", alternation.getString("items[0].rule"));
        assertEquals("500000.00", alternation.getString("items[0].step"));
        assertEquals("200000.00", alternation.getString("items[0].increment"));
        assertEquals(bidderNumbers.get(c1 + "@" + collude), alternation.getString("items[0].firstBidder"));
        assertEquals(bidderNumbers.get(c2 + "@" + collude), alternation.getString("items[0].secondBidder"));
        assertEquals(1, alternation.getInt("items[0].firstSequence"));
        assertEquals(6, alternation.getInt("items[0].lastSequence"));
        assertEquals(6, alternation.getList("items[0].bids").size());

        JsonPath run = get("/api/oversight/signals/bid-patterns", "listingId", increments);
        assertEquals(List.of("MINIMUM_INCREMENT_RUN"), run.getList("items.rule"));
        assertEquals("200000.00", run.getString("items[0].step"));
        assertEquals(11, run.getList("items[0].bids").size());

        assertEquals(List.of(), get("/api/oversight/signals/bid-patterns", "listingId", clean).getList("items"));

        List<String> rows = lines(csv("/api/oversight/signals/bid-patterns", "listingId", collude));
        assertEquals(7, rows.size());
        assertTrue(rows.get(1).startsWith(collude + ",CONSTANT_STEP_ALTERNATION,"), rows.get(1));
    }

    @Test
    void eachTownshipsShareOfSingleBidderSalesIsShownAndFlaggedAboveTheThreshold() {
        JsonPath shares = get("/api/oversight/signals/single-bidder-sales", "region", "510729");
        Map<String, Map<String, Object>> byTownship = new HashMap<>();
        shares.<Map<String, Object>>getList("items").forEach(s -> byTownship.put((String) s.get("sellerCode"), s));
        assertEquals(3, byTownship.size(), shares.prettify());
        Map<String, Object> flagged = byTownship.get(SHARES);
        assertEquals(3, flagged.get("sales"));
        assertEquals(2, flagged.get("singleBidderSales"));
        assertEquals("66.67", flagged.get("sharePercent"));
        assertEquals(true, flagged.get("flagged"));
        assertEquals("独家镇", flagged.get("sellerName"));
        assertEquals(List.of(share1, share2), ((List<?>) flagged.get("singleBidderListings")).stream()
                .map(n -> ((Number) n).longValue()).toList());
        assertEquals(SHARES, shares.getString("items[0].sellerCode"), "highest share first");
        for (String quiet : List.of(CLEAN, SIGNALS)) {
            assertEquals("0.00", byTownship.get(quiet).get("sharePercent"), quiet);
            assertEquals(false, byTownship.get(quiet).get("flagged"), quiet);
        }

        JsonPath few = get("/api/oversight/signals/single-bidder-sales", "township", STAT_A);
        assertEquals("100.00", few.getString("items[0].sharePercent"));
        assertEquals(false, few.getBoolean("items[0].flagged"), "two sales are too few to flag");

        List<String> rows = lines(csv("/api/oversight/signals/single-bidder-sales", "township", SHARES));
        assertEquals(List.of("sellerCode,sellerName,sales,singleBidderSales,sharePercent,flagged,singleBidderListings",
                SHARES + ",独家镇,3,2,66.67,true," + share1 + " " + share2), rows);
    }

    // ---- statistics ----------------------------------------------------------------------------

    @Test
    void statisticsAddUpSalesThatStandByAssetTypeRegionAndMonth() {
        String month = closedAt(stat1).atZoneSameInstant(Fixtures.ZONE).toLocalDate().toString().substring(0, 7);
        JsonPath townships = get("/api/oversight/statistics", "region", "510728", "regionDigits", 9);
        assertEquals(2, townships.getList("").size(), townships.prettify());
        // STAT_A: 10,000 m² at 22,000,000.00 and 6,667 m² at 20,000,000.00 (the unsold lot does not count):
        // 16,667 m² = 25.0005 亩; 4,200,000,000 fen × 10,000 / (16,667 × 15) = 167,996,640.07 fen per 亩
        assertEquals("LINKAGE_SURPLUS", townships.getString("[0].assetType"));
        assertEquals(STAT_A, townships.getString("[0].region"));
        assertEquals(month, townships.getString("[0].month"));
        assertEquals(2, townships.getLong("[0].sales"));
        assertEquals(16_667, townships.getLong("[0].area.m2"));
        assertEquals("25.0005", townships.getString("[0].area.mu"));
        assertEquals("42000000.00", townships.getString("[0].totalPrice"));
        assertEquals(4_200_000_000L, townships.getLong("[0].totalFen"));
        assertEquals(167_996_640L, townships.getLong("[0].averageFenPerMu"));
        assertEquals("1679966.40", townships.getString("[0].averagePricePerMu"));
        // STAT_B: 3,000 m² = 4.5 亩 at 20,500,000.00: 455,555,555.56 fen per 亩
        assertEquals(STAT_B, townships.getString("[1].region"));
        assertEquals(1, townships.getLong("[1].sales"));
        assertEquals("4.5000", townships.getString("[1].area.mu"));
        assertEquals(455_555_556L, townships.getLong("[1].averageFenPerMu"));
        assertEquals("4555555.56", townships.getString("[1].averagePricePerMu"));

        // The county: 19,667 m² = 29.5005 亩 for 6,250,000,000 fen: 211,860,815.92 fen per 亩
        JsonPath county = get("/api/oversight/statistics", "region", "510728");
        assertEquals(1, county.getList("").size(), county.prettify());
        assertEquals("510728", county.getString("[0].region"));
        assertEquals(3, county.getLong("[0].sales"));
        assertEquals("29.5005", county.getString("[0].area.mu"));
        assertEquals(6_250_000_000L, county.getLong("[0].totalFen"));
        assertEquals(211_860_816L, county.getLong("[0].averageFenPerMu"));

        assertEquals(List.of(), get("/api/oversight/statistics", "region", "510728", "assetType", "COLLECTIVE_PARCEL")
                .getList(""));

        List<String> rows = lines(csv("/api/oversight/statistics", "region", "510728"));
        assertEquals(List.of("assetType,region,month,sales,areaM2,areaMu,totalFen,totalPrice,averageFenPerMu,"
                + "averagePricePerMu", "LINKAGE_SURPLUS,510728," + month + ",3,19667,29.5005,6250000000,62500000.00,"
                + "211860816,2118608.16"), rows);
    }

    @Test
    void jsonIsTheDefaultAndCsvOnlyWhenPreferred() {
        asRegulator().accept("*/*").queryParam("township", SHARES).when().get("/api/oversight/signals/single-bidder-sales")
                .then().statusCode(200).contentType(ContentType.JSON);
        asRegulator().accept("application/json;q=0.5, text/csv").queryParam("township", SHARES).when()
                .get("/api/oversight/signals/single-bidder-sales").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        asRegulator().accept("text/csv").queryParam("regionDigits", 5).when().get("/api/oversight/statistics").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void registrationsKeepTheClientAddressTheTrustedProxyForwarded() {
        assertEquals(SHARED_ADDRESS, data.value(String.class,
                "select r.clientAddress from Registration r where r.id = ?1", registrationIds.get(c1 + "@" + collude)));
        assertEquals("203.0.113.9", data.value(String.class,
                "select r.clientAddress from Registration r where r.id = ?1", registrationIds.get(c3 + "@" + collude)));
    }

    @Test
    void theDossierOfACleanListingShowsTheRefundOwedToTheLoser() {
        JsonPath dossier = get("/api/oversight/listings/" + clean + "/dossier");
        assertEquals(2, dossier.getList("registrations").size());
        assertEquals(6, dossier.getList("bids.items").size());
        List<Long> registrations = dossier.getList("registrations.id", Long.class);
        List<Long> refunded = dossier.getList("refunds.registrationId", Long.class);
        assertEquals(1, refunded.size(), dossier.prettify());
        assertTrue(registrations.contains(refunded.get(0)));
        assertEquals("4000000.00", dossier.getString("refunds[0].amount"));
        assertEquals("NOT_WINNER", dossier.getString("refunds[0].reason"));
    }

    @Test
    void aRefundInTheDossierShowsTheLosersBidderNumberAndAMaskedAccountButNotThePayee() {
        String body = asRegulator().when().get("/api/oversight/listings/" + clean + "/dossier").then().statusCode(200)
                .extract().asString();
        JsonPath dossier = JsonPath.from(body);
        assertEquals(bidderNumbers.get(c4 + "@" + clean), dossier.getString("refunds[0].bidderNo"));
        assertEquals(clean, dossier.getLong("refunds[0].listingId"));
        String payee = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1", c4);
        String account = data.value(String.class, "select e.bankAccountNo from Enterprise e where e.creditCode = ?1", c4);
        assertEquals("****" + account.substring(account.length() - 4), dossier.getString("refunds[0].payeeAccountMasked"),
                "a deposit goes back to the enterprise's own account, shown by its last four digits");
        assertTrue(!dossier.getMap("refunds[0]").containsKey("payeeName"), body);
        assertTrue(!dossier.getMap("refunds[0]").containsKey("payeeAccount"), body);
        for (String secret : List.of(payee, c4, account, "6222000044445555")) {
            assertTrue(!body.contains(secret), "the dossier names the losing bidder by " + secret);
        }
        List<String> rows = lines(csv("/api/oversight/listings/" + clean + "/dossier"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("refund,") && r.contains("," + bidderNumbers.get(c4 + "@" + clean) + ",")),
                rows::toString);
        assertTrue(rows.stream().noneMatch(r -> r.contains(payee) || r.contains(account)), rows::toString);
    }

    @Test
    void theDossierExportsLineByLine() throws Exception {
        Sequencing.settle(sequencer);
        JsonPath dossier = get("/api/oversight/listings/" + clean + "/dossier");
        List<String> rows = lines(csv("/api/oversight/listings/" + clean + "/dossier"));
        assertEquals("part,at,what,bidderNo,amount,detail", rows.get(0));
        java.util.function.Function<String, Long> count = part -> rows.stream().filter(r -> r.startsWith(part + ","))
                .count();
        assertEquals(dossier.getList("history").size(), count.apply("history"));
        assertEquals(2, count.apply("registration"));
        assertEquals(6, count.apply("bid"));
        assertEquals(1, count.apply("trade"));
        assertEquals(1, count.apply("refund"));
        assertEquals(dossier.getList("auditLog.entries").size(), count.apply("audit"));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("bid,") && r.contains(",23000000.00,")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("audit,") && r.contains(",listing.sold,")), rows::toString);
    }
}
