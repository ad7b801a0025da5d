package cn.landmarket.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.restassured.path.json.JsonPath;

/** Opens commitments of the public audit log through the API and checks them. */
public final class Commitments {

    private Commitments() {
    }

    /**
     * The value behind {@code commitment}, opened as {@code token} (200 expected), after checking
     * that hex SHA-256(salt ‖ UTF-8 value), computed here, is the commitment.
     */
    public static String open(String token, String commitment) throws Exception {
        JsonPath opening = given().auth().oauth2(token).when().get("/api/audit/commitments/" + commitment).then()
                .statusCode(200).extract().jsonPath();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(opening.getString("salt")));
        String value = opening.getString("value");
        assertEquals(commitment, HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8))),
                "the opening recomputes the commitment in the log");
        return value;
    }

    /** The status GET /api/audit/commitments/{commitment} answers {@code token} (null: no token). */
    public static int status(String token, String commitment) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.when().get("/api/audit/commitments/" + commitment).then().extract().statusCode();
    }
}
