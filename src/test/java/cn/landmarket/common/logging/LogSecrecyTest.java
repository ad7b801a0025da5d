package cn.landmarket.common.logging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/**
 * What reaches the log while requests carry bearer tokens and signed bank notices: never a token,
 * the bank's HMAC secret, the audit signing key or the database password, even with the
 * application, security and HTTP categories at DEBUG; and every line of a request names its id.
 * Runs with long random secrets of its own, so that a leak cannot hide behind a common word.
 */
@QuarkusTest
@StandardMarket
@TestProfile(LogSecrecyTest.RandomSecrets.class)
class LogSecrecyTest {

    /** A database password and bank secret nobody else uses; the embedded database trusts local connections. */
    public static class RandomSecrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.password", "db-password-" + random(),
                    "market.bank.hmac-secret", "bank-secret-" + random());
        }

        private static String random() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** Categories turned up to DEBUG for the test: ours, and those that see tokens and headers. */
    private static final List<String> VERBOSE = List.of("cn.landmarket", "io.quarkus.smallrye.jwt", "io.smallrye.jwt",
            "io.quarkus.security", "io.quarkus.vertx.http", "io.quarkus.resteasy.reactive", "org.jboss.resteasy.reactive");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Map<String, Level> levels = new HashMap<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc(); // the MDC as it was where the line was logged
            }
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        for (String category : VERBOSE) {
            Logger logger = Logger.getLogger(category);
            levels.put(category, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger(RequestIds.ACCESS_CATEGORY).setLevel(Level.INFO);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
        levels.forEach((category, level) -> Logger.getLogger(category).setLevel(level));
        Logger.getLogger(RequestIds.ACCESS_CATEGORY).setLevel(Level.WARNING);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    @Test
    void tokensAndSecretsNeverReachTheLogAndEveryRequestLineCarriesItsId() {
        String bankSecret = config("market.bank.hmac-secret");
        String signingKey = config("market.audit.signing-key");
        String dbPassword = config("quarkus.datasource.password");
        assertTrue(bankSecret.startsWith("bank-secret-") && dbPassword.startsWith("db-password-"),
                "the test profile's own secrets are in force");

        String token = Tokens.operator();
        String expired = Tokens.claims("operator", "MYJYZX").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        String wrongKey = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).upn("x")
                .groups("operator").claim("org", "MYJYZX").sign(otherKey());

        given().header(RequestIds.HEADER, "sec-me").auth().oauth2(token).when().get("/api/me").then().statusCode(200);
        for (Map.Entry<String, String> bad : Map.of("sec-expired", expired, "sec-tampered", tampered,
                "sec-wrong-key", wrongKey).entrySet()) {
            given().header(RequestIds.HEADER, bad.getKey()).auth().oauth2(bad.getValue()).when().get("/api/me").then()
                    .statusCode(401);
        }
        given().header(RequestIds.HEADER, "sec-basic").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("operator:" + dbPassword).getBytes(StandardCharsets.UTF_8))).when().get("/api/me").then().statusCode(401);

        byte[] notice = BankFeed.bytes(BankFeed.debit("SEC-" + System.nanoTime(), "15.00", "中国农业银行", "0000", null,
                Instant.now().minusSeconds(60)));
        given().header(RequestIds.HEADER, "sec-bank").contentType(ContentType.JSON).body(notice)
                .header("X-Signature", BankFeed.sign(notice, bankSecret)).when().post("/api/bank/notifications").then()
                .statusCode(200);
        given().header(RequestIds.HEADER, "sec-bank-forged").contentType(ContentType.JSON).body(notice)
                .header("X-Signature", BankFeed.sign(notice, "not-" + bankSecret)).when()
                .post("/api/bank/notifications").then().statusCode(401);
        given().header(RequestIds.HEADER, "sec-manual").auth().oauth2(token).contentType(ContentType.JSON)
                .body(BankFeed.bytes(BankFeed.debit("SEC-M-" + System.nanoTime(), "15.00", "中国农业银行", "0000", null,
                        Instant.now().minusSeconds(60))))
                .when().post("/api/bank/notifications/manual").then().statusCode(202);

        given().header(RequestIds.HEADER, "sec-probe").when().get("/q/health/live").then().statusCode(200);

        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.add(render(record));
        }
        Map<String, String> secrets = new HashMap<>(Map.of("the bank HMAC secret", bankSecret,
                "the audit signing key", signingKey, "the database password", dbPassword));
        Map.of("the operator's token", token, "the expired token", expired, "the tampered token", tampered,
                "the foreign token", wrongKey).forEach((what, jwt) -> {
                    secrets.put(what, jwt);
                    secrets.put("the signature of " + what, signature(jwt));
                    secrets.put("the claims of " + what, claims(jwt));
                });
        secrets.forEach((what, secret) -> lines.forEach(
                line -> assertFalse(line.contains(secret), () -> what + " was logged: " + line)));

        for (String id : List.of("sec-me", "sec-expired", "sec-tampered", "sec-wrong-key", "sec-basic", "sec-bank",
                "sec-bank-forged", "sec-manual")) {
            assertTrue(records.stream().anyMatch(r -> id.equals(requestId(r)) && r.getLoggerName()
                    .equals(RequestIds.ACCESS_CATEGORY)), () -> "no access line carries " + id + " in " + lines);
        }
        assertFalse(records.stream().anyMatch(r -> "sec-probe".equals(requestId(r))
                && r.getLoggerName().equals(RequestIds.ACCESS_CATEGORY)), "a successful probe leaves no access line");
        // lines logged inside the request's handling, not just the access line, carry the id
        for (String id : List.of("sec-expired", "sec-bank-forged")) {
            List<LogRecord> problems = records.stream()
                    .filter(r -> r.getLoggerName().endsWith("ProblemMapper") && message(r).startsWith("Problem 401"))
                    .filter(r -> id.equals(requestId(r))).toList();
            assertEquals(1, problems.size(), () -> "the 401 of " + id + " was logged once with its id: " + lines);
        }
        assertTrue(records.stream().filter(r -> r.getLoggerName().endsWith("ProblemMapper"))
                .allMatch(r -> requestId(r) != null), "every problem line names its request");
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    /** The encoded claims segment, which with the header is all a replay needs besides the signature. */
    private static String claims(String jwt) {
        return jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'));
    }

    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? Optional.ofNullable(ext.getFormattedMessage()).orElse("")
                : Optional.ofNullable(record.getMessage()).orElse("");
    }

    private static String requestId(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getMdc(RequestIds.MDC_KEY) : null;
    }

    /** Everything a handler could write of the record: level, category, message, MDC and stack trace. */
    private static String render(LogRecord record) {
        StringWriter out = new StringWriter();
        out.append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(' ')
                .append(message(record));
        if (record instanceof ExtLogRecord ext) {
            out.append(' ').append(String.valueOf(ext.getMdcCopy()));
        }
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(out));
        }
        return out.toString();
    }
}
