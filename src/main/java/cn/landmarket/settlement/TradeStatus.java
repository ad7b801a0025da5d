package cn.landmarket.settlement;

/**
 * Where a trade stands after the sale. Only a runner-up's trade (an offer after the winner's default)
 * can be DECLINED: its buyer turned the offer down, which is no default.
 */
public enum TradeStatus {
    AWAITING_CONFIRMATION, AWAITING_PAYMENT, SETTLED, DEFAULTED, DECLINED
}
