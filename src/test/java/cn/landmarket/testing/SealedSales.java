package cn.landmarket.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Sealed one-time quotations for tests (README, "Sealed one-time quotation"): a sealed listing of
 * TOWNSHIP_A in its quotation period, qualified bidders, commitments and reveals through the API.
 */
public final class SealedSales {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);

    private SealedSales() {
    }

    /** A qualified bidder: its enterprise, registration and bidder number. */
    public record Bidder(String code, String serial, long registrationId, String bidderNo) {
        public String token() {
            return Tokens.enterprise(code);
        }
    }

    /** A sealed listing (start 20,000,000.00, reserve 22,000,000.00, deposit 4,000,000.00) in its quotation period. */
    public static long listingInQuotation(TestClock clock, ListingService listings) {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.remove("priceCap");
        body.put("saleFormat", "SEALED_QUOTATION");
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(TOWNSHIP, id, "submit", 200);
        Fixtures.act(REGULATOR, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        given().when().get("/api/public/listings/" + id).then().statusCode(200).body("status", equalTo("LISTING"));
        return id;
    }

    /** The listing as its township sees it. */
    public static JsonPath view(long listingId) {
        return given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + listingId).then().statusCode(200)
                .extract().jsonPath();
    }

    public static String listingNo(long listingId) {
        return view(listingId).getString("listingNo");
    }

    /** Moves the clock one minute past the listing's end, into its reveal window. */
    public static void toRevealWindow(TestClock clock, long listingId) {
        Instant end = OffsetDateTime.parse(view(listingId).getString("listingEnd")).toInstant();
        clock.advance(Duration.between(clock.instant(), end.plusSeconds(60)));
    }

    /** Moves the clock past the listing's reveal deadline. */
    public static void pastRevealDeadline(TestClock clock, long listingId) {
        Instant deadline = OffsetDateTime.parse(view(listingId).getString("revealDeadline")).toInstant();
        clock.advance(Duration.between(clock.instant(), deadline.plusSeconds(1)));
    }

    /** A new verified enterprise, registered and qualified by its deposit from the bank. */
    public static Bidder qualifiedBidder(TestData data, TestClock clock, long listingId) {
        String serial = "Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
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
        return new Bidder(code, serial, view.getLong("id"), bidderNo);
    }

    /** 32 random bytes as 64 lower-case hex characters. */
    public static String salt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static Response commit(Bidder b, long listingId, String commitment, String key) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("commitment", commitment)).when().post("/api/listings/" + listingId + "/quotations");
    }

    public static Response reveal(Bidder b, long listingId, String amount, String salt) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "salt", salt)).when()
                .post("/api/listings/" + listingId + "/quotations/reveal");
    }
}
