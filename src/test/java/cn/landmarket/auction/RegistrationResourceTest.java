package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import cn.landmarket.escrow.VirtualAccount;
import cn.landmarket.testing.StandardMarket;

/** Registration for a lot over HTTP: who may register, when, and who sees whom. */
@QuarkusTest
@StandardMarket
class RegistrationResourceTest {

    /** Enterprise serials of this class start with "REG" so no other test class uses the same codes. */
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String A = TestData.TOWNSHIP_A;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String enterprise(EnterpriseStatus status) {
        return data.enterprise("REG%06d".formatted(SERIAL.incrementAndGet()), status);
    }

    private Map<String, Object> listingBody() {
        return Fixtures.listing(Fixtures.issue(Fixtures.linkage(A, 100_000)), 10_000, clock.instant());
    }

    /** A listing announced just now, open for registration for another five weeks. */
    private long announced() {
        return Fixtures.announced(A, listingBody(), clock);
    }

    private ValidatableResponse register(String creditCode, long listingId) {
        return given().auth().oauth2(Tokens.enterprise(creditCode)).when()
                .post("/api/listings/" + listingId + "/registrations").then();
    }

    private long registrations(long listingId) {
        return data.count("select count(r) from Registration r where r.listingId = ?1", listingId);
    }

    private void refused(String creditCode, long listingId, int status, String code, String detail) {
        register(creditCode, listingId).statusCode(status).contentType(PROBLEM_JSON).body("code", equalTo(code))
                .body("detail", containsString(detail));
        assertEquals(0, data.count("select count(r) from Registration r where r.listingId = ?1 and r.enterpriseCode = ?2",
                listingId, creditCode));
    }

    @Test
    void aVerifiedEnterpriseRegistersAndIsToldWhereToPayItsDeposit() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + id + "/registrations")
                .then().statusCode(201)
                .body("listingId", equalTo((int) id))
                .body("enterpriseCode", equalTo(code))
                .body("enterpriseName", startsWith("测试企业REG"))
                .body("status", equalTo("AWAITING_DEPOSIT"))
                .body("bidderNo", nullValue())
                .body("deposit", equalTo("4000000.00"))
                .body("depositReceived", equalTo("0.00"))
                .body("payTo.accountName", equalTo("绵阳市公共资源交易中心竞买保证金专户"))
                .body("payTo.bankName", equalTo("中国农业银行绵阳分行"))
                .body("payTo.virtualAccount", startsWith("6228"))
                .body("registeredAt", notNullValue())
                .body("qualifiedAt", nullValue())
                .extract().jsonPath();
        long registrationId = view.getLong("id");
        String account = view.getString("payTo.virtualAccount");
        assertEquals(new VirtualAccount("6228").number(registrationId), account);
        assertTrue(VirtualAccount.passesLuhn(account));
        JsonPath listing = given().auth().oauth2(regulator).when().get("/api/listings/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(OffsetDateTime.parse(listing.getString("registrationDeadline")).toInstant(),
                OffsetDateTime.parse(view.getString("depositDeadline")).toInstant());
        assertEquals(account, data.value(String.class,
                "select r.virtualAccount from Registration r where r.id = ?1", registrationId));
        assertEquals(4_000_000_00L, data.count("select r.depositFen from Registration r where r.id = ?1", registrationId));
    }

    @Test
    void registrationStaysOpenOnceBiddingHasStarted() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        register(code, id).statusCode(201).body("status", equalTo("AWAITING_DEPOSIT"));
    }

    @Test
    void anEnterpriseTheTokenNamesButThePlatformDoesNotKnowIsRefused() {
        String unknown = CreditCode.complete("91510703REGUNKN01");
        refused(unknown, announced(), 403, "FORBIDDEN", "not registered on the platform");
    }

    @Test
    void anEnterpriseNotYetVerifiedIsRefused() {
        long id = announced();
        refused(enterprise(EnterpriseStatus.PENDING), id, 403, "FORBIDDEN", "yours is PENDING");
        refused(enterprise(EnterpriseStatus.REJECTED), id, 403, "FORBIDDEN", "yours is REJECTED");
    }

    @Test
    void anEnterpriseOutsideTheEligibleRegionsIsRefused() {
        Map<String, Object> body = listingBody();
        body.put("eligibleRegions", List.of("510722", "5108"));
        long id = Fixtures.announced(A, body, clock);
        refused(enterprise(EnterpriseStatus.VERIFIED), id, 403, "FORBIDDEN",
                "open only to enterprises registered in 510722, 5108; yours is registered in 510703");
    }

    @Test
    void aListingWithoutEligibleRegionsIsOpenToAll() {
        Map<String, Object> body = listingBody();
        body.put("eligibleRegions", List.of());
        long id = Fixtures.announced(A, body, clock);
        register(enterprise(EnterpriseStatus.VERIFIED), id).statusCode(201);
    }

    @Test
    void aBarredEnterpriseIsRefusedUntilTheDateItIsToldAndAcceptedAfter() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        Instant until = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        data.execute("update enterprise set barred_until = '" + until + "' where credit_code = '" + code + "'");
        refused(code, id, 403, "FORBIDDEN", "barred from registering until " + Fixtures.at(until));
        clock.advance(Duration.ofDays(4));
        register(code, id).statusCode(201);
    }

    @Test
    void aSuspendedOrTerminatedListingTakesNoRegistrations() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        Fixtures.act(regulator, id, "suspend", 200);
        refused(code, id, 409, "INVALID_STATE", "this one is SUSPENDED");
        Fixtures.act(regulator, id, "terminate", 200);
        refused(code, id, 409, "INVALID_STATE", "this one is TERMINATED");
    }

    @Test
    void afterTheRegistrationDeadlineRegistrationIsRefusedNamingTheDeadline() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        String deadline = given().auth().oauth2(regulator).when().get("/api/listings/" + id).then().extract()
                .path("registrationDeadline");
        clock.advance(Duration.ofDays(36));
        listings.advanceTimeline();
        refused(code, id, 409, "INVALID_STATE", "closed at " + deadline);
    }

    @Test
    void registeringTwiceIsAConflictAndLeavesOneRegistration() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        register(code, id).statusCode(201);
        register(code, id).statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("CONFLICT"))
                .body("detail", containsString("already registered"));
        assertEquals(1, registrations(id));
    }

    @Test
    void concurrentRegistrationsOfOneEnterpriseLeaveExactlyOne() throws Exception {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> register(code, id).extract().statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes::toString);
        assertEquals(1, registrations(id));
    }

    @Test
    void unknownDraftAndNotYetAnnouncedListingsAreNotFound() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        register(code, 987_654_321L).statusCode(404).body("code", equalTo("NOT_FOUND"));
        long draft = Fixtures.draft(A, listingBody());
        register(code, draft).statusCode(404);
        Fixtures.act(Tokens.township(A), draft, "submit", 200);
        Fixtures.act(regulator, draft, "approve", 200);
        register(code, draft).statusCode(404);
        assertEquals(0, registrations(draft));
    }

    @Test
    void onlyEnterprisesRegister() {
        long id = announced();
        given().auth().oauth2(Tokens.township(A)).when().post("/api/listings/" + id + "/registrations").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.operator()).when().post("/api/listings/" + id + "/registrations").then()
                .statusCode(403);
        given().when().post("/api/listings/" + id + "/registrations").then().statusCode(401);
        assertEquals(0, registrations(id));
    }

    @Test
    void anEnterpriseSeesItsOwnRegistrationOnly() {
        String mine = enterprise(EnterpriseStatus.VERIFIED);
        String other = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        long registrationId = register(mine, id).statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.enterprise(mine)).when().get("/api/listings/" + id + "/registrations/mine")
                .then().statusCode(200).body("id", equalTo((int) registrationId)).body("enterpriseCode", equalTo(mine));
        given().auth().oauth2(Tokens.enterprise(other)).when().get("/api/listings/" + id + "/registrations/mine")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("Your enterprise has not registered for listing " + id + "."));
        given().auth().oauth2(Tokens.enterprise(mine)).when().get("/api/listings/" + id + "/registrations")
                .then().statusCode(403);
    }

    @Test
    void aRegulatorWithAReasonSeesWhoRegisteredWithoutOneAndTheOperatorOnlyNumbers() throws Exception {
        String first = enterprise(EnterpriseStatus.VERIFIED);
        String second = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        long firstId = register(first, id).statusCode(201).extract().jsonPath().getLong("id");
        long secondId = register(second, id).statusCode(201).extract().jsonPath().getLong("id");

        given().auth().oauth2(regulator).when().get("/api/listings/" + id + "/registrations").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0]", not(hasKey("enterpriseCode")))
                .body("[1]", not(hasKey("enterpriseName")))
                .body("payTo.virtualAccount", everyItem(startsWith("6228")));
        assertEquals(List.of(), data.auditEntries("identity.revealed", id));

        given().auth().oauth2(regulator).queryParam("reason", " \t ").when().get("/api/listings/" + id + "/registrations")
                .then().statusCode(400).body("errors[0].code", equalTo("reveal.reason-required"));
        assertEquals(List.of(), data.auditEntries("identity.revealed", id));

        given().auth().oauth2(regulator).queryParam("reason", "资格审查").when()
                .get("/api/listings/" + id + "/registrations").then().statusCode(200)
                .body("", hasSize(2))
                .body("enterpriseCode", org.hamcrest.Matchers.contains(first, second))
                .body("enterpriseName", everyItem(startsWith("测试企业REG")));
        List<String> entries = data.auditEntries("identity.revealed", id);
        assertEquals(1, entries.size(), entries::toString);
        JsonPath entry = JsonPath.from(entries.get(0));
        org.junit.jupiter.api.Assertions.assertFalse(entries.get(0).contains("资格审查"), "the reason is committed, not public");
        assertEquals("资格审查", cn.landmarket.testing.Commitments.open(regulator,
                entry.getString("facts.reasonCommitment")));
        assertEquals("registrations", entry.getString("facts.view"));
        assertEquals(List.of(), entry.getList("facts.bidderNos"), "neither has a bidder number yet");
        assertEquals(List.of(firstId, secondId), entry.getList("facts.registrationIds", Long.class));

        given().auth().oauth2(Tokens.operator()).when().get("/api/listings/" + id + "/registrations").then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0]", not(hasKey("enterpriseCode")))
                .body("[0]", not(hasKey("enterpriseName")))
                .body("[1]", not(hasKey("enterpriseCode")))
                .body("[1]", not(hasKey("enterpriseName")))
                .body("[0].status", equalTo("AWAITING_DEPOSIT"))
                .body("[0]", hasKey("bidderNo"));

        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).when()
                .get("/api/listings/" + id + "/registrations").then().statusCode(403);
        given().auth().oauth2(Tokens.township(A)).when().get("/api/listings/" + id + "/registrations").then()
                .statusCode(403);
    }

    @Test
    void bidderNumbersOfTwentyQualifiedBiddersAreDistinctAndNotConsecutive() {
        long id = announced();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String code = enterprise(EnterpriseStatus.VERIFIED);
            String account = register(code, id).statusCode(201).extract().path("payTo.virtualAccount");
            String name = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1",
                    code);
            BankFeed.deliver(BankFeed.credit("REG-BN-" + id + "-" + i, account, "4000000.00", name,
                    clock.instant().minusSeconds(60))).statusCode(200).body("outcome", equalTo("QUALIFIED"));
            numbers.add(given().auth().oauth2(Tokens.enterprise(code)).when()
                    .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200)
                    .body("status", equalTo("QUALIFIED")).extract().path("bidderNo"));
        }
        assertEquals(20, new HashSet<>(numbers).size(), numbers::toString);
        List<Long> values = new ArrayList<>();
        for (String number : numbers) {
            assertTrue(BidderNumbers.isWellFormed(number), number);
            long value = 0;
            for (char c : number.toCharArray()) {
                value = value * BidderNumbers.ALPHABET.length() + BidderNumbers.ALPHABET.indexOf(c);
            }
            values.add(value);
        }
        values.sort(null);
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) - values.get(i - 1) > 1, () -> "two bidder numbers follow each other: " + numbers);
        }
        given().auth().oauth2(Tokens.operator()).when().get("/api/listings/" + id + "/registrations").then()
                .statusCode(200).body("bidderNo", org.hamcrest.Matchers.containsInAnyOrder(numbers.toArray()));
    }

    @Test
    void resumingASuspendedListingMovesItsRegistrationsDepositDeadline() {
        String code = enterprise(EnterpriseStatus.VERIFIED);
        long id = announced();
        long registrationId = register(code, id).statusCode(201).extract().jsonPath().getLong("id");
        Instant before = data.value(Instant.class, "select r.depositDeadline from Registration r where r.id = ?1",
                registrationId);
        Fixtures.act(regulator, id, "suspend", 200);
        clock.advance(Duration.ofDays(2));
        Fixtures.act(regulator, id, "resume", 200);
        Instant listingDeadline = OffsetDateTime.parse(given().auth().oauth2(regulator).when()
                .get("/api/listings/" + id).then().extract().path("registrationDeadline")).toInstant();
        Instant after = data.value(Instant.class, "select r.depositDeadline from Registration r where r.id = ?1",
                registrationId);
        assertEquals(listingDeadline, after);
        assertTrue(Duration.between(before, after).compareTo(Duration.ofDays(2)) >= 0, () -> before + " → " + after);
        String shown = given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract()
                .path("depositDeadline");
        assertEquals(listingDeadline, OffsetDateTime.parse(shown).toInstant());
    }
}
