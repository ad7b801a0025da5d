package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** A collusion signal names a shared value by a keyed token that cannot be recomputed without the key. */
class SignalTokenTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    @Test
    void theTokenIsTheFirst128BitsOfHmacSha256OverKindAndValueInHex() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal("CONTACT_PHONE\u000013912345678".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(expected).substring(0, 32),
                SignalToken.of(KEY, "CONTACT_PHONE", "13912345678"));
    }

    @Test
    void equalValuesGiveEqualTokensAndNothingElseDoes() {
        String token = SignalToken.of(KEY, "CLIENT_ADDRESS", "203.0.113.7");
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        assertEquals(token, SignalToken.of(KEY, "CLIENT_ADDRESS", "203.0.113.7"));
        assertNotEquals(token, SignalToken.of(KEY, "CLIENT_ADDRESS", "203.0.113.8"));
        assertNotEquals(token, SignalToken.of(KEY, "PAYER_ACCOUNT", "203.0.113.7"), "the kind is part of the token");
        assertNotEquals(token, SignalToken.of(OTHER_KEY, "CLIENT_ADDRESS", "203.0.113.7"), "another key, another token");
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignalToken.of(new byte[16], "PAYER_ACCOUNT", "1"));
        assertThrows(IllegalArgumentException.class, () -> SignalToken.of(null, "PAYER_ACCOUNT", "1"));
    }
}
