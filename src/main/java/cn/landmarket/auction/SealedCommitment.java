package cn.landmarket.auction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The commitment of a sealed quotation (domain.md, "Sale formats"): the lower-case hex SHA-256 of
 * the UTF-8 bytes of
 *
 * <pre>
 * "lm-sealed-v1\n" + listingNo + "\n" + bidderNo + "\n" + amountFen + "\n" + salt
 * </pre>
 *
 * where {@code listingNo} is the listing's number as the API shows it ({@code GT-510722-2026-000123}),
 * {@code bidderNo} the bidder's number on that listing, {@code amountFen} the amount in fen as a
 * decimal integer without sign or leading zeros, and {@code salt} 32 random bytes the bidder keeps,
 * as 64 lower-case hex characters. No newline ends the string. Binding the listing and the bidder
 * number means a commitment cannot be copied to another listing or another bidder.
 */
public final class SealedCommitment {

    /** The version tag that starts the committed string. */
    public static final String VERSION = "lm-sealed-v1";

    private static final Pattern HEX_64 = Pattern.compile("^[0-9a-f]{64}$");

    private SealedCommitment() {
    }

    /** The exact string that is hashed. */
    public static String preimage(String listingNo, String bidderNo, long amountFen, String saltHex) {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountFen);
        }
        return VERSION + "\n" + listingNo + "\n" + bidderNo + "\n" + amountFen + "\n" + saltHex;
    }

    /** The commitment: lower-case hex SHA-256 of the UTF-8 bytes of {@link #preimage}. */
    public static String of(String listingNo, String bidderNo, long amountFen, String saltHex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(preimage(listingNo, bidderNo, amountFen, saltHex).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code value} is 64 lower-case hex characters, the form of a commitment and of a salt. */
    public static boolean isHex64(String value) {
        return value != null && HEX_64.matcher(value).matches();
    }

    /** Whether the amount and salt open the commitment. */
    public static boolean opens(String commitment, String listingNo, String bidderNo, long amountFen, String saltHex) {
        return amountFen > 0 && isHex64(saltHex)
                && MessageDigest.isEqual(of(listingNo, bidderNo, amountFen, saltHex).getBytes(StandardCharsets.US_ASCII),
                        commitment.getBytes(StandardCharsets.US_ASCII));
    }
}
