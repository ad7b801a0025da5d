package cn.landmarket.common.logging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every response carries a request id: the caller's when it is sane, a fresh one otherwise. */
@QuarkusTest
class RequestIdsTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSaneIncomingIdIsEchoed() {
        given().header(RequestIds.HEADER, "trace-01.AB_cd").when().get("/api/calendar/2026").then().statusCode(200)
                .header(RequestIds.HEADER, "trace-01.AB_cd");
        String longest = "a".repeat(64);
        given().header(RequestIds.HEADER, longest).when().get("/api/calendar/2026").then()
                .header(RequestIds.HEADER, longest);
    }

    @Test
    void anAbsentIdIsGeneratedAndDiffersPerRequest() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(given().when().get("/api/calendar/2026").then().statusCode(200)
                    .header(RequestIds.HEADER, matchesPattern(UUID_SHAPE)).extract().header(RequestIds.HEADER));
        }
        assertEquals(5, ids.size());
    }

    @Test
    void anUnsafeIdIsReplaced() {
        for (String unsafe : new String[] {"a".repeat(65), "two words", "id\"}{\"x", "a/b", "a%0d%0ab", ""}) {
            given().header(RequestIds.HEADER, unsafe).when().get("/api/calendar/2026").then().statusCode(200)
                    .header(RequestIds.HEADER, matchesPattern(UUID_SHAPE))
                    .header(RequestIds.HEADER, not(equalTo(unsafe)));
        }
    }

    @Test
    void problemBodiesCarryTheRequestId() {
        given().header(RequestIds.HEADER, "problem-401").when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json").header(RequestIds.HEADER, "problem-401")
                .body("requestId", equalTo("problem-401"));
        given().header(RequestIds.HEADER, "problem-400").auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{\"working\": \"maybe\"}")
                .when().put("/api/calendar/days/2027-01-01").then().statusCode(400)
                .body("requestId", equalTo("problem-400")).body("code", equalTo("VALIDATION_FAILED"));
        String generated = given().when().get("/api/me").then().statusCode(401).extract().header(RequestIds.HEADER);
        given().when().get("/api/me").then().body("requestId", not(equalTo(generated)));
    }

    @Test
    void anOversizedBodyIsRefusedWithTheRequestId() throws java.io.IOException {
        cn.landmarket.testing.Oversized.Answer answer = cn.landmarket.testing.Oversized.send("PUT",
                "/api/calendar/days/2027-01-01", java.util.Map.of(RequestIds.HEADER, "too-big", "Authorization",
                        "Bearer " + Tokens.operator()), 300 * 1024);
        assertEquals(413, answer.status(), answer.body());
        assertEquals("too-big", answer.headers().get(RequestIds.HEADER.toLowerCase(java.util.Locale.ROOT)));
        assertEquals("too-big", answer.json().getString("requestId"));
    }

    @Test
    void acceptKeepsOnlySaneTokens() {
        assertEquals("abc-1.2_3", RequestIds.accept("abc-1.2_3"));
        assertNotEquals("a b", RequestIds.accept("a b"));
        assertNotEquals(null, RequestIds.accept(null));
        assertEquals(64, RequestIds.accept("x".repeat(64)).length());
        assertNotEquals("x".repeat(65), RequestIds.accept("x".repeat(65)));
    }
}
