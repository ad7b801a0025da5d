package cn.landmarket.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.SealedSales.Bidder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Lotteries at the cap for tests (README, "Lottery at the cap"): an open listing of TOWNSHIP_A that
 * draws lots at its cap of 30,000,000.00, a bid that reaches the cap, entries and reveals through
 * the API, and the clock moved through the windows. Bidders are {@link SealedSales#qualifiedBidder}.
 */
public final class LotterySales {

    /** The listing's price cap, as the API writes it. */
    public static final String CAP = "30000000.00";

    private LotterySales() {
    }

    /** A listing that draws lots at its cap, in its listing period; {@code overrides} change its terms. */
    public static long listingInBidding(TestClock clock, ListingService listings, Map<String, Object> overrides) {
        Map<String, Object> terms = new java.util.HashMap<>(Map.of("capAction", "LOTTERY"));
        terms.putAll(overrides);
        return Auctions.listingInBidding(clock, listings, terms);
    }

    /** The bidder's bid reaches the cap: the listing is in LOTTERY and the bidder is the cap's bidder. */
    public static void reachCap(Bidder b, long listingId) {
        Auctions.bid(b.code(), listingId, CAP, "cap-" + b.bidderNo()).then().statusCode(201);
        given().when().get("/api/public/listings/" + listingId).then().statusCode(200)
                .body("status", equalTo("LOTTERY"));
    }

    /** The round as the bidder sees it through the API. */
    public static JsonPath round(Bidder b, long listingId) {
        return given().auth().oauth2(b.token()).when().get("/api/listings/" + listingId + "/lottery").then()
                .statusCode(200).extract().jsonPath();
    }

    public static Response enter(Bidder b, long listingId, String commitment, String key) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("commitment", commitment)).when().post("/api/listings/" + listingId + "/lottery/entries");
    }

    public static Response reveal(Bidder b, long listingId, String contribution) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Map.of("contribution", contribution)).when()
                .post("/api/listings/" + listingId + "/lottery/reveal");
    }

    private static Instant at(long listingId, String field) {
        return OffsetDateTime.parse(SealedSales.view(listingId).getString(field)).toInstant();
    }

    /** Moves the clock one second past the entry deadline, into the reveal window. */
    public static void toRevealWindow(TestClock clock, long listingId) {
        clock.advance(Duration.between(clock.instant(), at(listingId, "lotteryEntryDeadline").plusSeconds(1)));
    }

    /** Moves the clock one second past the reveal deadline: the draw is due. */
    public static void pastRevealDeadline(TestClock clock, long listingId) {
        clock.advance(Duration.between(clock.instant(), at(listingId, "lotteryRevealDeadline").plusSeconds(1)));
    }
}
