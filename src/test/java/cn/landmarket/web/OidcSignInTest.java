package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.LocalOidcProvider;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Production sign-in against a local OpenID Connect provider ({@link LocalOidcProvider}, never the
 * network), following every redirect by hand as a browser would: the authorization request carries
 * PKCE (S256) and a state; the provider gives tokens only for the right verifier; the marketplace's
 * session cookie holds the provider's access token, quarkus-oidc's own session ends at once; accounts
 * the marketplace cannot use end on a refusal page; sign-out ends the session; and the API still
 * takes bearer tokens and still answers 401 as problem+json.
 */
@QuarkusTest
@StandardMarket
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest {

    /** The dev and test profile with OIDC on, against the local provider. */
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalOidcProvider.class));
        }
    }

    @Inject
    TestData data;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String provider;

    static String serial() {
        return "Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    static String app(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    /**
     * One browser: cookies per host and port (with their paths), redirects followed by hand, every
     * request and response kept.
     */
    static final class Agent {
        private final Map<String, Map<String, Cookie>> jars = new HashMap<>();
        final List<String> visited = new ArrayList<>();
        final List<Response> responses = new ArrayList<>();
        private final Map<String, String> headers = new HashMap<>();

        Agent header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Signs in at the provider: what its login form would leave behind. */
        Agent atProvider(String provider, String user) {
            URI uri = URI.create(provider);
            jar(uri).put(LocalOidcProvider.USER_COOKIE, new Cookie.Builder(LocalOidcProvider.USER_COOKIE,
                    URLEncoder.encode(user, StandardCharsets.UTF_8)).setPath("/").build());
            return this;
        }

        Response get(String url) {
            URI uri = URI.create(url);
            Response response = given().redirects().follow(false).urlEncodingEnabled(false).headers(headers)
                    .cookies(cookiesFor(uri)).when().get(url);
            keep(uri, response);
            return response;
        }

        /** Gets the URL and follows at most {@code maxSteps} redirects; the last response. */
        Response follow(String url, int maxSteps) {
            Response response = get(url);
            for (int i = 0; i < maxSteps && isRedirect(response); i++) {
                url = URI.create(url).resolve(response.header("Location")).toString();
                response = get(url);
            }
            return response;
        }

        Cookie cookie(String url, String name) {
            return jar(URI.create(url)).get(name);
        }

        Map<String, String> cookiesFor(URI uri) {
            Map<String, String> values = new LinkedHashMap<>();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            jar(uri).forEach((name, c) -> {
                String cookiePath = c.getPath() == null ? "/" : c.getPath();
                if (path.equals(cookiePath) || path.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/")) {
                    values.put(name, c.getValue());
                }
            });
            return values;
        }

        private void keep(URI uri, Response response) {
            visited.add(uri.toString());
            responses.add(response);
            for (Cookie c : response.getDetailedCookies()) {
                if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                    jar(uri).remove(c.getName());
                } else {
                    jar(uri).put(c.getName(), c);
                }
            }
        }

        private Map<String, Cookie> jar(URI uri) {
            return jars.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new HashMap<>());
        }

        /** The Set-Cookie of the named cookie in any response so far, last first. */
        Cookie setCookie(String name) {
            for (int i = responses.size() - 1; i >= 0; i--) {
                Cookie c = responses.get(i).getDetailedCookie(name);
                if (c != null) {
                    return c;
                }
            }
            return null;
        }
    }

    static boolean isRedirect(Response response) {
        return response.statusCode() >= 300 && response.statusCode() < 400;
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    /** Signs in an enterprise all the way; returns the agent after the page that opens the session. */
    private Agent signedIn(String user, String back) {
        Agent agent = new Agent().atProvider(provider, user);
        Response last = agent.follow(app("/signin/oidc?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8)), 6);
        assertEquals(200, last.statusCode(), () -> agent.visited + "\n" + last.asString());
        return agent;
    }

    @Test
    void aFullSignInPutsTheProvidersAccessTokenIntoTheSessionCookieAndEndsTheOidcSession() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        String user = LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code);
        Agent agent = new Agent().atProvider(provider, user);

        // 1. the page asks for a sign-in: to the provider, with PKCE and a state
        Response challenge = agent.get(app("/signin/oidc?back=%2Fmy"));
        assertEquals(302, challenge.statusCode(), challenge::asString);
        String authorize = challenge.header("Location");
        assertTrue(authorize.startsWith(provider + "/authorize?"), authorize);
        Map<String, String> request = query(authorize);
        assertEquals("code", request.get("response_type"));
        assertEquals(LocalOidcProvider.CLIENT_ID, request.get("client_id"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), request.toString());
        assertTrue(request.get("state").length() >= 16, request.toString());
        assertTrue(request.get("scope").contains("openid"), request.toString());
        assertEquals(app("/signin/oidc"), request.get("redirect_uri"));
        Cookie state = challenge.getDetailedCookies().asList().stream().filter(c -> c.getName().startsWith("q_auth"))
                .findFirst().orElseThrow();
        assertTrue(state.isHttpOnly(), state.toString());
        assertEquals("/signin/oidc", state.getPath(), "the OIDC cookies are for the sign-in path only");
        String[] stateParts = state.getValue().split("\\|", 2);
        assertEquals(request.get("state"), stateParts[0], "the state cookie binds the request's state");
        assertEquals(5, stateParts[1].split("\\.").length, "the PKCE verifier travels encrypted (a JWE)");

        // 2. the provider sends the code back; the page exchanges it and comes back to itself with `back`
        Response callback = agent.get(authorize);
        assertEquals(302, callback.statusCode());
        assertTrue(callback.header("Location").startsWith(app("/signin/oidc?code=")), callback.header("Location"));
        Response exchanged = agent.get(callback.header("Location"));
        assertEquals(302, exchanged.statusCode(), exchanged::asString);
        assertEquals(app("/signin/oidc?back=%2Fmy"), exchanged.header("Location"));
        assertNotNull(agent.cookie(app("/"), "q_session"), "quarkus-oidc's session carries the redirect");

        // 3. the page opens the marketplace's session and ends quarkus-oidc's
        Response signedIn = agent.get(exchanged.header("Location"));
        signedIn.then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<meta http-equiv=\"refresh\" content=\"0;url=/my\">"))
                .body(containsString("href=\"/my\"")).body(containsString("已登录"));
        Cookie session = signedIn.getDetailedCookie(SessionCookie.NAME);
        assertNotNull(session, signedIn.headers().toString());
        assertTrue(session.isHttpOnly());
        assertEquals("Strict", session.getSameSite());
        assertEquals("/", session.getPath());
        assertTrue(session.getMaxAge() > 0 && session.getMaxAge() <= 600, "as long as the provider's token: " + session);
        assertEquals(3, session.getValue().split("\\.").length, "a JWT: the provider's access token");
        assertTrue(signedIn.getDetailedCookies().asList().stream()
                .anyMatch(c -> c.getName().equals("q_session") && c.getMaxAge() == 0), "quarkus-oidc's session ends");
        assertNull(agent.cookie(app("/"), "q_session"));

        // 4. the marketplace knows the enterprise, in every page, through the same token as the API
        agent.get(app("/my")).then().statusCode(200).body(containsString(code))
                .body(containsString("测试企业")).body(containsString("href=\"/my/trades\""));
        given().auth().oauth2(session.getValue()).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE")).body("org", equalTo(code));
    }

    @Test
    void theProviderGivesTokensOnlyForTheVerifierOfTheChallengeAndThePageSendsIt() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        Agent agent = new Agent().atProvider(provider, LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code));
        String authorize = agent.get(app("/signin/oidc?back=%2Fmy")).header("Location");
        String callback = agent.get(authorize).header("Location");
        String grant = query(callback).get("code");
        assertNotNull(grant, callback);

        Map<String, String> exchange = new HashMap<>(Map.of("grant_type", "authorization_code", "code", grant,
                "redirect_uri", app("/signin/oidc")));
        given().auth().preemptive().basic(LocalOidcProvider.CLIENT_ID, LocalOidcProvider.CLIENT_SECRET)
                .formParams(exchange).when().post(provider + "/token").then().statusCode(400)
                .body("error_description", equalTo("PKCE verification failed"));
        exchange.put("code_verifier", "a-verifier-that-is-not-the-one-whose-sha256-was-sent-0123456789");
        given().auth().preemptive().basic(LocalOidcProvider.CLIENT_ID, LocalOidcProvider.CLIENT_SECRET)
                .formParams(exchange).when().post(provider + "/token").then().statusCode(400)
                .body("error_description", equalTo("PKCE verification failed"));

        // the page's own exchange, with the verifier it kept, succeeds with the same code
        Response exchanged = agent.get(callback);
        assertEquals(302, exchanged.statusCode(), exchanged::asString);
        agent.follow(exchanged.header("Location"), 3).then().statusCode(200);
        assertNotNull(agent.cookie(app("/"), SessionCookie.NAME));

        // and the code is used up
        exchange.remove("code_verifier");
        given().auth().preemptive().basic(LocalOidcProvider.CLIENT_ID, LocalOidcProvider.CLIENT_SECRET)
                .formParams(exchange).when().post(provider + "/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void anAccountWithTwoRolesOrNoOrganisationEndsOnARefusalInTheReadersLanguage() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        Agent twoRoles = new Agent().atProvider(provider,
                LocalOidcProvider.user("two-" + code, List.of("enterprise", "township"), code));
        Response refused = twoRoles.follow(app("/signin/oidc?back=%2Fmy"), 6);
        refused.then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("无法登录交易大厅")).body(containsString("令牌必须且只能包含"))
                .body(containsString("role=\"alert\"")).body(not(containsString("Exception")));
        assertNull(twoRoles.cookie(app("/"), SessionCookie.NAME), "no session");
        assertNull(twoRoles.cookie(app("/"), "q_session"), "and no OIDC session either");

        Agent noOrg = new Agent().header("Accept-Language", "en")
                .atProvider(provider, LocalOidcProvider.user("noorg-" + code, List.of("enterprise"), null));
        noOrg.follow(app("/signin/oidc?back=%2Fmy"), 6).then().statusCode(403)
                .body(containsString("Cannot sign in to the trading hall"))
                .body(containsString("does not bind you to an organisation"));
        assertNull(noOrg.cookie(app("/"), SessionCookie.NAME));
    }

    @Test
    void anAccessTokenTheApiWouldNotAcceptEndsOnARefusalToo() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        Agent agent = new Agent().atProvider(provider,
                LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code) + "|another-service");
        agent.follow(app("/signin/oidc?back=%2Fmy"), 6).then().statusCode(401)
                .body(containsString("无法登录交易大厅")).body(containsString("访问令牌不被本平台接受"));
        assertNull(agent.cookie(app("/"), SessionCookie.NAME));
    }

    @Test
    void whenTheProviderDoesNotSignTheReaderInThePageSaysSoAndOffersToTryAgain() {
        Agent agent = new Agent(); // nobody signed in at the provider: it answers login_required
        Response failed = agent.follow(app("/signin/oidc?back=%2Fmy"), 6);
        failed.then().statusCode(401).contentType(containsString("text/html")).body(containsString("登录未完成"))
                .body(containsString("href=\"/signin/oidc?back=%2Fmy\""));
        assertTrue(agent.visited.stream().anyMatch(u -> u.startsWith(app("/signin/oidc/error?"))), agent.visited::toString);
        assertNull(agent.cookie(app("/"), SessionCookie.NAME));
    }

    @Test
    void signingOutEndsTheSession() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        Agent agent = signedIn(LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code), "/my");
        String token = agent.cookie(app("/"), SessionCookie.NAME).getValue();

        given().redirects().follow(false).cookie(SessionCookie.NAME, token)
                .cookie(FormToken.COOKIE, EnterprisePagesTest.CSRF).when().post("/signout").then().statusCode(403);
        Response out = given().redirects().follow(false).cookie(SessionCookie.NAME, token)
                .cookie(FormToken.COOKIE, EnterprisePagesTest.CSRF).formParam(FormToken.FIELD, EnterprisePagesTest.CSRF)
                .when().post("/signout");
        out.then().statusCode(303);
        Cookie cleared = out.getDetailedCookie(SessionCookie.NAME);
        assertNotNull(cleared);
        assertEquals(0, cleared.getMaxAge());
        assertEquals("", cleared.getValue());
        assertTrue(cleared.isHttpOnly());
        given().redirects().follow(false).when().get("/my").then().statusCode(303)
                .header("Location", containsString("/signin?back=%2Fmy"));
    }

    @Test
    void theApiStillTakesTheProvidersTokensAsBearerTokensAndAnswers401AsProblemJson() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        // an API client's own authorization code flow with PKCE, straight against the provider
        String verifier = "api-client-verifier-" + ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE)
                + "-0123456789abcdef";
        String redirect = "http://127.0.0.1:9/callback";
        Response authorized = given().redirects().follow(false)
                .cookie(LocalOidcProvider.USER_COOKIE,
                        URLEncoder.encode(LocalOidcProvider.user("api-" + code, List.of("enterprise"), code), StandardCharsets.UTF_8))
                .queryParams(Map.of("response_type", "code", "client_id", LocalOidcProvider.CLIENT_ID, "redirect_uri", redirect,
                        "scope", "openid", "state", "s1", "code_challenge", LocalOidcProvider.s256(verifier),
                        "code_challenge_method", "S256"))
                .when().get(provider + "/authorize");
        authorized.then().statusCode(302);
        String grant = query(authorized.header("Location")).get("code");
        String token = given().auth().preemptive().basic(LocalOidcProvider.CLIENT_ID, LocalOidcProvider.CLIENT_SECRET)
                .formParams(Map.of("grant_type", "authorization_code", "code", grant, "redirect_uri", redirect,
                        "code_verifier", verifier))
                .when().post(provider + "/token").then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE")).body("org", equalTo(code)).body("enterpriseStatus", equalTo("VERIFIED"));

        given().redirects().follow(false).when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:land-market:problem:not-authenticated"));
        given().redirects().follow(false).auth().oauth2(token + "x").when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().redirects().follow(false).accept("text/html").when().get("/my").then().statusCode(303)
                .header("Location", containsString("/signin?back=%2Fmy"));
    }
}
