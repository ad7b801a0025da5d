package cn.landmarket.common;

/**
 * An amount in fen written in Chinese capital numerals (大写金额), as on a cheque or a bid form:
 * {@code 123456789} fen is 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分. The rules of the payment and
 * settlement measures (《支付结算办法》附一《正确填写票据和结算凭证的基本规定》):
 * <ul>
 * <li>a run of zeros between digits of the yuan is one 零 (1,001 元: 壹仟零壹元整; 100,001 元: 壹拾万零壹元整),
 * trailing zeros of the yuan are not written (1,000 元: 壹仟元整);</li>
 * <li>ten is written 壹拾 (10 元: 壹拾元整);</li>
 * <li>an amount that ends at the yuan ends with 整; one that ends at the 角 is written without 整;</li>
 * <li>when the 角 is zero but the 分 is not, 零 follows the 元 (16,409.02: 壹万陆仟肆佰零玖元零贰分); no yuan at
 * all is not written (0.05: 伍分);</li>
 * <li>zero is 零元整.</li>
 * </ul>
 * Amounts up to 9,999 万亿 yuan (below 10<sup>16</sup> yuan) are written; {@code assets/room.js} computes the
 * same text for the bid form while the bidder types.
 */
public final class ChineseNumerals {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final long LIMIT_YUAN = 10_000_000_000_000_000L;

    private ChineseNumerals() {
    }

    /** The amount in capital numerals; raises for a negative amount or one of 10<sup>16</sup> yuan or more. */
    public static String ofFen(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount: " + fen);
        }
        long yuan = fen / 100;
        if (yuan >= LIMIT_YUAN) {
            throw new IllegalArgumentException("amount too large: " + fen + " fen");
        }
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        if (fen == 0) {
            return "零元整";
        }
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(yuan(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (cents > 0) {
            out.append(DIGITS[cents]).append('分');
        }
        return out.toString();
    }

    /** The yuan (at least one), in groups of four digits: 万, 亿, 万亿. */
    private static String yuan(long yuan) {
        String digits = Long.toString(yuan);
        int[] groupValue = new int[4];
        for (int i = 0; i < digits.length(); i++) {
            int position = digits.length() - 1 - i;
            groupValue[position / 4] += digits.charAt(i) - '0';
        }
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int position = digits.length() - 1 - i;
            int digit = digits.charAt(i) - '0';
            if (digit == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS[digit]).append(PLACES[position % 4]);
            }
            if (position % 4 == 0 && position > 0 && groupValue[position / 4] > 0) {
                out.append(groupUnit(position / 4, groupValue));
            }
        }
        return out.toString();
    }

    private static String groupUnit(int group, int[] groupValue) {
        return switch (group) {
            case 1 -> "万";
            case 2 -> "亿";
            default -> groupValue[2] > 0 ? "万" : "万亿";
        };
    }
}
