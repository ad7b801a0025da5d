package cn.landmarket.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Plays the deposit bank: writes notice bodies, signs them with the test secret, delivers them. */
public final class BankFeed {

    /** The test profile's market.bank.hmac-secret. */
    public static final String SECRET = "test-bank-secret";

    /** What the escrow account is called in tests (BankConfig's default). */
    public static final String ESCROW_ACCOUNT = "19-0000000000000001";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BankFeed() {
    }

    /** A credit notice body: money paid into a virtual account. */
    public static Map<String, Object> credit(String transactionId, String account, String amount, String payerName,
            Instant bookedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("kind", "CREDIT");
        body.put("account", account);
        body.put("amount", amount);
        body.put("counterpartyName", payerName);
        body.put("counterpartyAccount", "6228480000000000000");
        body.put("bookedAt", Fixtures.at(bookedAt));
        return body;
    }

    /** A debit notice body: money paid out of the escrow account with a reference such as REFUND-1000. */
    public static Map<String, Object> debit(String transactionId, String amount, String payeeName, String payeeAccount,
            String reference, Instant bookedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("kind", "DEBIT");
        body.put("account", ESCROW_ACCOUNT);
        body.put("amount", amount);
        body.put("counterpartyName", payeeName);
        body.put("counterpartyAccount", payeeAccount);
        body.put("bookedAt", Fixtures.at(bookedAt));
        if (reference != null) {
            body.put("reference", reference);
        }
        return body;
    }

    public static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The X-Signature header value of a body under a secret, computed here with javax.crypto.Mac. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers exactly these bytes with the given X-Signature header (none when null). */
    public static ValidatableResponse deliver(byte[] body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header("X-Signature", signature);
        }
        return request.when().post("/api/bank/notifications").then();
    }

    /** Delivers a body signed with the test secret. */
    public static ValidatableResponse deliver(byte[] body) {
        return deliver(body, sign(body, SECRET));
    }

    public static ValidatableResponse deliver(Map<String, Object> body) {
        return deliver(bytes(body));
    }
}
