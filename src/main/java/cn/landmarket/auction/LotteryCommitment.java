package cn.landmarket.auction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The commitment to a random contribution to a lottery at the cap (domain.md, "Sale formats"): the
 * lower-case hex SHA-256 of the UTF-8 bytes of
 *
 * <pre>
 * "lm-lottery-v1\n" + listingNo + "\n" + bidderNo + "\n" + contribution
 * </pre>
 *
 * where {@code listingNo} is the listing's number as the API shows it, {@code bidderNo} the
 * entrant's bidder number on that listing ({@value #PLATFORM} for the platform's own contribution,
 * which no bidder number can be: their alphabet has no L and no O), and {@code contribution} 32
 * random bytes as 64 lower-case hex characters. No newline ends the string. Plain Java only, so the
 * verifier can use it as it is.
 */
public final class LotteryCommitment {

    /** The version tag that starts the committed string. */
    public static final String VERSION = "lm-lottery-v1";

    /** The bidder number under which the platform commits its own contribution. */
    public static final String PLATFORM = "PLATFORM";

    private static final Pattern HEX_64 = Pattern.compile("^[0-9a-f]{64}$");

    private LotteryCommitment() {
    }

    /** The exact string that is hashed. */
    public static String preimage(String listingNo, String bidderNo, String contributionHex) {
        return VERSION + "\n" + listingNo + "\n" + bidderNo + "\n" + contributionHex;
    }

    /** The commitment: lower-case hex SHA-256 of the UTF-8 bytes of {@link #preimage}. */
    public static String of(String listingNo, String bidderNo, String contributionHex) {
        return HexFormat.of().formatHex(sha256(preimage(listingNo, bidderNo, contributionHex)));
    }

    /** Whether {@code value} is 64 lower-case hex characters, the form of a commitment and of a contribution. */
    public static boolean isHex64(String value) {
        return value != null && HEX_64.matcher(value).matches();
    }

    /** Whether the contribution opens the commitment. */
    public static boolean opens(String commitment, String listingNo, String bidderNo, String contributionHex) {
        return isHex64(contributionHex) && commitment != null
                && MessageDigest.isEqual(of(listingNo, bidderNo, contributionHex).getBytes(StandardCharsets.US_ASCII),
                        commitment.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
