package cn.landmarket.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import cn.landmarket.common.ChineseNumerals;
import cn.landmarket.common.Money;

/**
 * The Chinese text of each message, from the event's facts and what the fan-out looked up
 * ({@code listingNo}, {@code title}, {@code statusReason}, {@code recipientBidderNo},
 * {@code pendingReviews}). Amounts are written as a form writes them: figures and 大写. Only the
 * recipient's own bidder number ever appears, and no enterprise's name or code.
 */
public final class NotificationTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String PREFIX = "【土地指标交易】";

    /** A message's subject and body. */
    public record Text(String subject, String body) {
    }

    private NotificationTexts() {
    }

    /** The text of an event of {@code type} built from the entry of {@code kind} and its facts. */
    public static Text render(EventType type, String kind, Map<String, ?> vars, ZoneId zone) {
        String lot = "挂牌 " + str(vars, "listingNo") + (vars.get("title") == null ? "" : "《" + vars.get("title") + "》");
        String body = switch (type) {
            case REGISTRATION_ACCEPTED -> kind.equals("enterprise.verified")
                    ? "贵单位的竞买人注册已通过交易中心审核，可以报名参加竞买。"
                    : "贵单位已报名" + lot + "。请于" + when(vars, "depositDeadline", zone) + "前将竞买保证金"
                            + amount(vars, "depositFen") + "缴入贵单位的专属账户 " + str(vars, "virtualAccount") + "。";
            case REGISTRATION_REFUSED -> "贵单位的竞买人注册未通过交易中心审核，原因请登录平台查看；修改后可重新提交。";
            case DEPOSIT_COUNTED -> lot + "的保证金已到账" + amount(vars, "countedFen") + "，累计" + amount(vars,
                    "depositReceivedFen") + "，应缴" + amount(vars, "depositFen") + "。足额到账后方取得竞买资格。";
            case QUALIFIED -> "保证金已足额到账，贵单位已取得" + lot + "的竞买资格，竞买号 " + str(vars, "bidderNo")
                    + "。竞价期间各方只见竞买号，请妥善保管。";
            case OUTBID -> "贵单位（竞买号 " + str(vars, "recipientBidderNo") + "）在" + lot + "的出价已被超过，当前最高价"
                    + amount(vars, "amountFen") + "。";
            case TIMED_BIDDING_STARTED -> lot + "进入限时竞价，当前最高价" + amount(vars, "highestBidFen") + "，倒计时 "
                    + str(vars, "countdownSeconds") + " 秒，每次有效出价重新计时；如无新出价，将于"
                    + when(vars, "deadline", zone) + "结束。";
            case COUNTDOWN_ENDING -> lot + "的限时竞价如无新出价将于" + when(vars, "deadline", zone) + "结束，当前最高价"
                    + amount(vars, "highestBidFen") + "。";
            case WON -> "贵单位（竞买号 " + str(vars, "recipientBidderNo") + "）竞得" + lot + "，成交价"
                    + amount(vars, "winningAmountFen") + "。请按时签署成交确认书。";
            case NOT_WON -> lot + "的竞价已结束，贵单位（竞买号 " + str(vars, "recipientBidderNo")
                    + "）未竞得。保证金将按规定退还，无息。";
            case CONFIRMATION_DUE, SELLER_CONFIRMATION_DUE -> lot + "已成交，成交价" + amount(vars, "priceFen")
                    + "，保证金" + amount(vars, "depositFen") + "抵作价款。请于" + when(vars, "confirmDeadline", zone)
                    + "前签署成交确认书，逾期未签视为违约。";
            case PAYMENT_DUE -> "成交确认书已签署。" + lot + "尚欠价款" + amount(vars, "outstandingFen")
                    + (vars.get("firstDueAt") == null ? "" : "，首期应付至" + amount(vars, "firstDueFen") + "（含保证金），截止"
                            + when(vars, "firstDueAt", zone))
                    + "，全部价款应于" + when(vars, "balanceDueAt", zone) + "前付清，请缴入成交价款专属账户。";
            case PAYMENT_RECEIVED -> "已收到" + lot + "的价款" + amount(vars, "appliedFen") + "，累计已付"
                    + amount(vars, "paidFen") + "，尚欠" + amount(vars, "outstandingFen") + "。";
            case DEFAULT_WARNING -> lot + "的" + ("CONFIRMATION".equals(vars.get("what")) ? "成交确认书签署" : "价款缴纳")
                    + "截止时间" + when(vars, "deadline", zone) + "临近"
                    + (vars.get("owedFen") == null ? "" : "，尚欠" + amount(vars, "owedFen"))
                    + "。逾期视为违约：保证金不予退还，并在一定期限内不得报名。";
            case REFUND_INSTRUCTED -> "退款" + amount(vars, "amountFen") + "（" + lot + "）已安排，将于"
                    + when(vars, "dueBy", zone) + "前退回原付款账户，不计利息。";
            case REFUND_PAID -> "退款" + amount(vars, "amountFen") + "（" + lot + "）已由银行退回原付款账户。";
            case REVIEW_OUTCOME -> kind.equals("listing.approved")
                    ? lot + "已审核通过，将按排定时间公告。"
                    : lot + "未通过审核，理由：" + str(vars, "statusReason") + "。可修改后重新提交。";
            case TRADE_SETTLED -> lot + "价款已全部付清，交易已结算：成交价" + amount(vars, "priceFen")
                    + "，价款已按规定分配入账。";
            case REVIEW_QUEUE -> lot + "已提交审核，贵局辖区内待审核挂牌共 " + str(vars, "pendingReviews") + " 件。";
            case COLLUSION_SIGNAL -> lot + "：竞买号 " + str(vars, "bidderNo")
                    + " 的保证金付款账户也为本挂牌其他竞买号缴纳过保证金。此为迹象而非结论，详见监管平台的串通迹象。";
        };
        return new Text(PREFIX + type.title() + "：" + (vars.get("listingNo") == null ? "" : vars.get("listingNo")),
                body);
    }

    /** 人民币 1,234.00 元（大写：壹仟贰佰叁拾肆元整）; a dash when the amount is not known. */
    static String amount(Map<String, ?> vars, String key) {
        if (!(vars.get(key) instanceof Number n)) {
            return " —— ";
        }
        long fen = n.longValue();
        return "人民币 " + Money.ofFen(fen).toYuan() + " 元（大写：" + ChineseNumerals.ofFen(fen) + "）";
    }

    private static String when(Map<String, ?> vars, String key, ZoneId zone) {
        Object value = vars.get(key);
        return value == null ? " —— " : " " + WHEN.format(Instant.parse(value.toString()).atZone(zone)) + " ";
    }

    private static String str(Map<String, ?> vars, String key) {
        Object value = vars.get(key);
        return value == null ? "——" : value.toString();
    }
}
