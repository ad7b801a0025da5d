package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.LocalOidcProvider;

/**
 * The production build's web sign-in, end to end, against a local OpenID Connect provider whose
 * access tokens this instance's API accepts (its JWKS and issuer configured as an operator would):
 * {@code /signin} leads to the provider with PKCE, every cookie on the way is Secure and HttpOnly,
 * and the session that results is the provider's token, which the API takes as a bearer token too.
 */
class SignInIT {

    /** Cookies by name (one host), and the raw Set-Cookie headers last received. */
    private final Map<String, String> appCookies = new HashMap<>();
    private List<String> lastSetCookies = List.of();

    @Test
    void theProductionBuildSignsAReaderInThroughTheProviderWithSecureCookiesOnly() throws Exception {
        try (Cluster cluster = new Cluster("signin")) {
            String provider = cluster.provider();
            Cluster.Instance a = cluster.start("a", Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", provider + "/jwks",
                    "MARKET_JWT_ISSUER", provider, "MARKET_JWT_AUDIENCE", LocalOidcProvider.AUDIENCE));
            cluster.awaitReady(a);
            String code = cluster.enterprises(1).get(0);
            HttpClient http = cluster.http();

            HttpResponse<String> signin = get(http, a.url() + "/signin?back=%2Fmy", Map.of());
            assertEquals(303, signin.statusCode());
            String oidc = URI.create(a.url()).resolve(signin.headers().firstValue("Location").orElseThrow()).toString();
            assertEquals(a.url() + "/signin/oidc?back=%2Fmy", oidc);

            HttpResponse<String> challenge = app(http, oidc);
            assertEquals(302, challenge.statusCode(), challenge::body);
            String authorize = challenge.headers().firstValue("Location").orElseThrow();
            assertTrue(authorize.startsWith(provider + "/authorize?") && authorize.contains("code_challenge_method=S256")
                    && authorize.contains("code_challenge=") && authorize.contains("state="), authorize);
            Set<String> state = setCookie("q_auth");
            assertTrue(state.containsAll(Set.of("secure", "httponly", "path=/signin/oidc", "samesite=lax")), state::toString);

            String user = LocalOidcProvider.user("ent-" + code, List.of("enterprise"), code);
            HttpResponse<String> back = get(http, authorize,
                    Map.of(LocalOidcProvider.USER_COOKIE, URLEncoder.encode(user, StandardCharsets.UTF_8)));
            assertEquals(302, back.statusCode(), back::body);
            HttpResponse<String> exchanged = app(http, back.headers().firstValue("Location").orElseThrow());
            assertEquals(302, exchanged.statusCode(), exchanged::body);
            Set<String> oidcSession = setCookie("q_session");
            assertTrue(oidcSession.containsAll(Set.of("secure", "httponly", "path=/signin/oidc")), oidcSession::toString);

            HttpResponse<String> signedIn = app(http, exchanged.headers().firstValue("Location").orElseThrow());
            assertEquals(200, signedIn.statusCode(), signedIn::body);
            assertTrue(signedIn.body().contains("url=/my"), signedIn.body());
            Set<String> session = setCookie("lm_session");
            assertTrue(session.containsAll(Set.of("secure", "httponly", "samesite=strict", "path=/")), session::toString);
            assertTrue(setCookie("q_session").contains("max-age=0"), () -> "the OIDC session ends: " + lastSetCookies);
            assertTrue(appCookies.containsKey("lm_session") && !appCookies.containsKey("q_session"), appCookies::toString);

            HttpResponse<String> my = app(http, a.url() + "/my");
            assertEquals(200, my.statusCode(), my::body);
            assertTrue(my.body().contains(code), my.body());
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(a.url() + "/api/me"))
                    .header("Authorization", "Bearer " + appCookies.get("lm_session")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me::body);
            assertTrue(me.body().contains("\"org\":\"" + code + "\""), me.body());
        }
    }

    /** A request to the service with its cookies; keeps the cookies it sets. */
    private HttpResponse<String> app(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = get(http, url, appCookies);
        lastSetCookies = response.headers().allValues("Set-Cookie");
        for (String header : lastSetCookies) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            if (header.toLowerCase(Locale.ROOT).contains("max-age=0") || pair.length < 2 || pair[1].isEmpty()) {
                appCookies.remove(pair[0]);
            } else {
                appCookies.put(pair[0], pair[1]);
            }
        }
        return response;
    }

    private static HttpResponse<String> get(HttpClient http, String url, Map<String, String> cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The attributes of the last Set-Cookie header for a cookie whose name starts so, lower case and
     * trimmed ({@code secure}, {@code path=/}, ...): their case and spacing vary with who wrote them.
     */
    private Set<String> setCookie(String prefix) {
        String found = null;
        for (String header : lastSetCookies) {
            if (header.startsWith(prefix)) {
                found = header;
            }
        }
        assertNotNull(found, () -> prefix + " in " + lastSetCookies);
        return Arrays.stream(found.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
