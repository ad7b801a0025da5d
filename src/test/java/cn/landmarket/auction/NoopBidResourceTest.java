package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The benchmark's no-op bid does not exist in a deployment: without
 * {@code market.benchmark.noop-enabled} its path answers exactly as an unknown path does, token or
 * not (NoopBidEnabledTest has it on).
 */
@QuarkusTest
class NoopBidResourceTest {

    private static final String CODE = "91510703MA0000001X";

    private static Response post(String path, boolean token) {
        var request = given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00"));
        if (token) {
            request = request.auth().oauth2(Tokens.enterprise(CODE));
        }
        return request.when().post(path);
    }

    /** Every answer carries its own request id. */
    private static String withoutRequestId(String problem) {
        return problem.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }

    @Test
    void offByDefaultItAnswersAsAnUnknownPath() {
        for (boolean token : new boolean[] {true, false}) {
            Response unknown = post("/api/listings/1/bids/nothing", token);
            Response noop = post("/api/listings/1/bids/noop", token);
            assertEquals(404, unknown.statusCode());
            assertEquals(404, noop.statusCode(), "token " + token);
            assertEquals(unknown.contentType(), noop.contentType());
            assertEquals(withoutRequestId(unknown.asString().replace("nothing", "noop")), withoutRequestId(noop.asString()));
            assertEquals(404, post("/api/listings/1/bids/noop/", token).statusCode());
        }
    }
}
