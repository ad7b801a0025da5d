package cn.landmarket.settlement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The canonical text of a trade's terms (成交确认书) and its SHA-256, which both parties accept. */
public final class ConfirmationText {

    private ConfirmationText() {
    }

    /**
     * One "key=value" line per term, in a fixed order, ending with a newline; a runner-up's trade
     * ends with the defaulted winner's trade it replaces.
     */
    public static String of(Trade t, String listingNo, String certNo, String paymentTerms) {
        return "trade=" + t.id + "\n"
                + "listing=" + listingNo + "\n"
                + "seller=" + t.sellerCode + "\n"
                + "buyer=" + t.buyerCode + "\n"
                + "certificate=" + certNo + "\n"
                + "lot.area_m2=" + t.lotAreaM2 + "\n"
                + "lot.paddy_area_m2=" + (t.lotPaddyAreaM2 == null ? "" : t.lotPaddyAreaM2) + "\n"
                + "lot.grain_capacity_kg=" + (t.lotGrainCapacityKg == null ? "" : t.lotGrainCapacityKg) + "\n"
                + "price_fen=" + t.priceFen + "\n"
                + "deposit_credited_fen=" + t.depositFen + "\n"
                + "payment_terms=" + paymentTerms + "\n"
                + "confirm_deadline=" + t.confirmDeadline + "\n"
                + "payment_account=" + t.virtualAccount + "\n"
                + (t.runnerUpOf == null ? "" : "runner_up_of_trade=" + t.runnerUpOf + "\n");
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
