package cn.landmarket.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small OpenID Connect provider on 127.0.0.1 and a free port, for the sign-in tests: never the
 * network. It serves discovery, an authorization endpoint, a token endpoint and its keys (JWKS),
 * and signs RS256 tokens with a key made at start.
 * <p>
 * Who is signed in at the provider is its own cookie {@value #USER_COOKIE} (set by {@code /login},
 * or sent by a test directly): {@code subject|group,group|org}, optionally {@code |audience} to issue
 * access tokens for another audience. Without it the authorization endpoint answers the client with
 * {@code error=login_required}. With the cookie {@value #CONSENT_COOKIE}{@code =ask} (from
 * {@code /login?consent=ask}) it does not redirect at once but shows a page whose button posts a form
 * on the provider's site that then redirects back, as a real login or consent page does: the way back
 * to the client is then a navigation another site started.
 * <p>
 * It insists on PKCE: an authorization request without an S256 {@code code_challenge} is refused,
 * and the token endpoint gives tokens for a code only with the {@code code_verifier} whose SHA-256
 * is that challenge (a wrong or missing verifier leaves the code unused, so a test can show that the
 * client's own exchange then succeeds). Codes are single use.
 * <p>
 * The access token is what the marketplace accepts as a bearer token: issuer the provider, audience
 * {@value #AUDIENCE}, {@code groups} and {@code org}; the ID token is for the client.
 */
public class LocalOidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "land-market-web";
    /** At least 32 characters: quarkus-oidc then derives its state cookie key from it. */
    public static final String CLIENT_SECRET = "local-provider-client-secret-0123456789";
    public static final String AUDIENCE = "land-market";
    public static final String USER_COOKIE = "idp_user";
    public static final String CONSENT_COOKIE = "idp_consent";
    private static final String KEY_ID = "local-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpServer server;
    private RsaJsonWebKey key;
    private String issuer;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /** A code the authorization endpoint gave out, and what it was given for. */
    private record Grant(String redirectUri, String challenge, String nonce, String user) {
    }

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/login", this::login);
        server.createContext("/consent", this::consent);
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "mp.jwt.verify.publickey.location", issuer + "/jwks",
                "market.jwt.issuer", issuer,
                "market.jwt.audience", AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        json(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",\
                "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],\
                "scopes_supported":["openid"]}""".formatted(issuer));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        json(exchange, 200, "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}");
    }

    /** Signs the user in at the provider (its cookie), as a login form would: {@code /login?user=...&then=...}. */
    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().add("Set-Cookie",
                USER_COOKIE + "=" + URLEncoder.encode(query.getOrDefault("user", ""), StandardCharsets.UTF_8)
                        + "; Path=/; HttpOnly; SameSite=Lax");
        if ("ask".equals(query.get("consent"))) {
            exchange.getResponseHeaders().add("Set-Cookie", CONSENT_COOKIE + "=ask; Path=/; HttpOnly; SameSite=Lax");
        }
        text(exchange, 200, "signed in at the provider");
    }

    /** The consent page's form: on to the client, from a page on the provider's site. */
    private void consent(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            text(exchange, 405, "POST only");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        redirect(exchange, form.get("to"));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        String state = query.get("state");
        if (!CLIENT_ID.equals(query.get("client_id")) || redirectUri == null || state == null
                || !"code".equals(query.get("response_type"))
                || !Arrays.asList(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
            text(exchange, 400, "invalid authorization request");
            return;
        }
        if (query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method"))) {
            text(exchange, 400, "PKCE with S256 is required");
            return;
        }
        String user = cookie(exchange, USER_COOKIE);
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?");
        if (user == null || user.isEmpty()) {
            redirect(exchange, back + "error=login_required&state=" + encode(state));
            return;
        }
        String code = random();
        grants.put(code, new Grant(redirectUri, query.get("code_challenge"), query.get("nonce"), user));
        String to = back + "code=" + encode(code) + "&state=" + encode(state);
        if ("ask".equals(cookie(exchange, CONSENT_COOKIE))) {
            send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><head><title>Consent</title>"
                    + "</head><body><main><h1>Sign in to the marketplace?</h1><form method=\"post\" action=\"/consent\">"
                    + "<input type=\"hidden\" name=\"to\" value=\"" + to.replace("&", "&amp;").replace("\"", "&quot;")
                    + "\"><button id=\"consent\" type=\"submit\">Continue</button></form></main></body></html>");
            return;
        }
        redirect(exchange, to);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            text(exchange, 405, "POST only");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            json(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String code = form.getOrDefault("code", "");
        Grant grant = grants.get(code);
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown code\"}");
            return;
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !grant.challenge().equals(s256(verifier))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        if (!grants.remove(code, grant)) {
            json(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code already used\"}");
            return;
        }
        String[] user = grant.user().split("\\|", -1);
        String subject = user[0];
        List<String> groups = user.length > 1 && !user[1].isEmpty() ? List.of(user[1].split(",")) : List.of();
        String org = user.length > 2 && !user[2].isEmpty() ? user[2] : null;
        String audience = user.length > 3 && !user[3].isEmpty() ? user[3] : AUDIENCE;
        try {
            JwtClaims access = claims(subject, audience);
            access.setClaim("upn", subject);
            access.setStringListClaim("groups", groups);
            if (org != null) {
                access.setClaim("org", org);
            }
            JwtClaims id = claims(subject, CLIENT_ID);
            if (grant.nonce() != null) {
                id.setClaim("nonce", grant.nonce());
            }
            json(exchange, 200, "{\"access_token\":\"" + sign(access) + "\",\"id_token\":\"" + sign(id)
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0 && CLIENT_ID.equals(decode(pair.substring(0, colon)))
                    && CLIENT_SECRET.equals(decode(pair.substring(colon + 1)));
        }
        return CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
    }

    private JwtClaims claims(String subject, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        return claims;
    }

    private String sign(JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    /** The S256 code challenge of a verifier (RFC 7636). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the provider's user cookie for a user: {@code subject|groups|org}. */
    public static String user(String subject, List<String> groups, String org) {
        return subject + "|" + String.join(",", groups) + "|" + (org == null ? "" : org);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return decode(kv[1]);
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.putIfAbsent(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
        }
        return values;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        URI.create(location); // a malformed redirect is the provider's bug: fail here, not in the client
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
