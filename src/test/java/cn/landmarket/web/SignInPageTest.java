package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Where {@code /signin} leads. Production's {@link SignInPage} sends the reader on to the OIDC sign-in
 * with a local page to come back to (checked here directly: the class is absent from test builds);
 * dev and test keep {@link DevSignInPage}, and with OIDC off its sign-in path is closed.
 */
@QuarkusTest
class SignInPageTest {

    @Test
    void productionSignInGoesOnToTheProviderWithALocalPageToComeBackTo() {
        assertEquals(URI.create("/signin/oidc?back=%2Fmy%2Ftrades"), SignInPage.to("/my/trades"));
        assertEquals(URI.create("/signin/oidc?back=%2F"), SignInPage.to("https://elsewhere.example/x"));
        assertEquals(URI.create("/signin/oidc?back=%2F"), SignInPage.to("//elsewhere.example/x"));
        assertEquals(URI.create("/signin/oidc?back=%2F"), SignInPage.to(null));
    }

    @Test
    void withOidcOffTheDevSignInStaysAndTheOidcPathIsClosed() {
        given().when().get("/signin?back=%2Fmy").then().statusCode(200).body(containsString("name=\"org\""));
        given().redirects().follow(false).when().get("/signin/oidc?back=%2Fmy").then().statusCode(401);
    }
}
