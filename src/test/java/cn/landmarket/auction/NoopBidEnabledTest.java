package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With {@code market.benchmark.noop-enabled} (the benchmark's setting) the no-op bid answers as the
 * bid endpoint does for everything but the auction: 201 with a receipt-shaped body, 401 without a
 * token, 403 for another role, 400 without an Idempotency-Key or with a body the bid endpoint
 * refuses; it touches no listing (there is none with this id) and is not in the API document.
 */
@QuarkusTest
@TestProfile(NoopBidEnabledTest.Enabled.class)
class NoopBidEnabledTest {

    /** The benchmark's setting. */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("market.benchmark.noop-enabled", "true");
        }
    }

    private static final String PATH = "/api/listings/987654321/bids/noop";
    private static final String CODE = "91510703MA0000001X";

    @Test
    void anEnterpriseGetsAReceiptShapedAnswerWithoutAnAuction() {
        String body = given().auth().oauth2(Tokens.enterprise(CODE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amount", "20000000.00"))
                .when().post(PATH).then().statusCode(201).contentType(ContentType.JSON)
                .body("listingId", equalTo(987654321)).body("amount", equalTo("20000000.00"))
                .body("bidId", notNullValue()).body("auditLeafHash", notNullValue())
                .extract().asString();
        assertTrue(body.length() > 250 && body.length() < 500, "about a receipt's size: " + body.length() + " " + body);
    }

    @Test
    void itRefusesWhatTheBidEndpointRefuses() {
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("amount", "1.00")).when().post(PATH).then().statusCode(401);
        given().auth().oauth2(Tokens.township("510722201")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amount", "1.00")).when().post(PATH).then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(CODE)).contentType(ContentType.JSON).body(Map.of("amount", "1.00"))
                .when().post(PATH).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(Tokens.enterprise(CODE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{}").when().post(PATH).then().statusCode(400);
        given().auth().oauth2(Tokens.enterprise(CODE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amount", "1.00", "extra", 1)).when().post(PATH)
                .then().statusCode(400);
        given().auth().oauth2(Tokens.enterprise(CODE)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("amount", "abc")).when().post(PATH).then().statusCode(400);
    }

    @Test
    void itIsNotInTheApiDocument() {
        String document = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(-1, document.indexOf("/noop"), "the no-op bid is hidden from the API document");
    }
}
