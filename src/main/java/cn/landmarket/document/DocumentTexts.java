package cn.landmarket.document;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.LandUse;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.escrow.RefundReason;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.PaymentTerms;
import cn.landmarket.listing.SaleFormat;
import cn.landmarket.settlement.TradeStatus;
import cn.landmarket.common.ChineseNumerals;
import cn.landmarket.common.Grouping;

/** The Chinese words and number formats of the documents: money with its capital numerals, areas, dates, states. */
final class DocumentTexts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private DocumentTexts() {
    }

    /** {@code 4,000,000.00 元（人民币肆佰万元整）}. */
    static String money(Money money) {
        return money == null ? "—" : yuan(money) + " 元（人民币" + ChineseNumerals.ofFen(money.fen()) + "）";
    }

    /** {@code 4,000,000.00}: yuan with two decimals and thousands separators. */
    static String yuan(Money money) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(BigDecimal.valueOf(money.fen(), 2));
    }

    /** {@code 10,000 平方米（15.0000 亩，1.0000 公顷）}. */
    static String area(Area area) {
        return area == null ? "—"
                : Grouping.grouped(area.m2()) + " 平方米（" + Grouping.grouped(area.mu()) + " 亩，" + area.hectares() + " 公顷）";
    }

    static String minute(OffsetDateTime time) {
        return time == null ? "—" : MINUTE.format(time);
    }

    static String day(OffsetDateTime time) {
        return time == null ? "—" : DAY.format(time);
    }

    static String or(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    static String asset(AssetType type) {
        return switch (type) {
            case CONSTRUCTION_QUOTA -> "建设用地指标";
            case LINKAGE_SURPLUS -> "增减挂钩节余指标";
            case FARMLAND_COMPENSATION -> "补充耕地指标";
            case COLLECTIVE_PARCEL -> "集体经营性建设用地使用权";
        };
    }

    static String landUse(LandUse use) {
        return use == null ? "—" : switch (use) {
            case INDUSTRIAL -> "工业";
            case COMMERCIAL_TOURISM_ENTERTAINMENT -> "商业、旅游、娱乐";
            case EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS -> "教育、科技、文化、卫生、体育";
            case RESIDENTIAL -> "居住";
            case OTHER -> "其他";
        };
    }

    static String saleFormat(SaleFormat format) {
        return format == SaleFormat.SEALED_QUOTATION ? "一次报价（密封报价，截止后揭示）" : "挂牌竞价（公开增价，期满有两家以上竞买人时限时竞价）";
    }

    static String status(ListingStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case PENDING_REVIEW -> "待审核";
            case APPROVED -> "已批准";
            case REJECTED -> "已驳回";
            case ANNOUNCED -> "公告中";
            case LISTING -> "挂牌中";
            case TIMED_BIDDING -> "限时竞价中";
            case LOTTERY -> "限价摇号中";
            case SUSPENDED -> "已中止";
            case TERMINATED -> "已终止";
            case SOLD -> "已成交";
            case UNSOLD -> "流拍";
            case AWAITING_PAYMENT -> "待付款";
            case SETTLED -> "已结清";
            case DEFAULTED -> "已违约";
        };
    }

    static String tradeStatus(TradeStatus status) {
        return switch (status) {
            case AWAITING_CONFIRMATION -> "待签订成交确认书";
            case AWAITING_PAYMENT -> "待付款";
            case SETTLED -> "已结清";
            case DEFAULTED -> "已违约";
            case DECLINED -> "候补竞得人已放弃";
        };
    }

    static String refundReason(RefundReason reason) {
        return switch (reason) {
            case UNMATCHED -> "款项未对应任何报名";
            case WRONG_PAYER -> "非报名企业本人账户付款";
            case LATE -> "保证金到账晚于截止时间";
            case EXCESS -> "超额或重复缴纳";
            case NOT_WINNER -> "未竞得或标的未成交，退还竞买保证金";
            case OVERPAYMENT -> "成交价款多付部分";
            case PAYMENT_NOT_ACCEPTED -> "交易不再接受付款或违约前已付款项";
        };
    }

    /** The payment terms as one sentence. */
    static String paymentTerms(PaymentTerms terms) {
        if (terms == null) {
            return "—";
        }
        String confirm = "成交后 " + terms.confirmWithinWorkingDays() + " 个工作日内签订成交确认书；";
        if (terms.mode() == PaymentTerms.Mode.INSTALMENTS && terms.balanceDueDays() != null) {
            return confirm + "分期付款：签订后 " + terms.firstDueDays() + " 日内付清成交价的 " + terms.firstSharePercent()
                    + "%，" + terms.balanceDueDays() + " 日内付清余款。";
        }
        return confirm + "一次性付款：签订后 " + terms.firstDueDays() + " 日内付清全部成交价款。";
    }

    static String regions(List<String> regions) {
        return regions == null || regions.isEmpty() ? "不限" : String.join("、", regions);
    }
}
