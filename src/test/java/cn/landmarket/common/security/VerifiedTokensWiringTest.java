package cn.landmarket.common.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** The JWT mechanism checks tokens through the verified-token cache, and a forged token stays refused. */
@QuarkusTest
@StandardMarket
class VerifiedTokensWiringTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceChecksTokensThroughTheCache() {
        assertInstanceOf(VerifiedTokens.class, parser);
    }

    @Test
    void aTokenAlteredAfterItsGenuineTextWasAcceptedIsRefused() {
        String token = Tokens.township(TestData.TOWNSHIP_A);
        given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(token)).get("/api/me").then().statusCode(200);

        String altered = VerifiedTokensTest.alterSignature(token);
        given().header("Authorization", Tokens.bearer(altered)).get("/api/me").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(altered)).get("/api/me").then().statusCode(401);
    }
}
