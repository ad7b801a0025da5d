package cn.landmarket.settlement;

/** Where a trade stands after the sale. */
public enum TradeStatus {
    AWAITING_CONFIRMATION, AWAITING_PAYMENT, SETTLED, DEFAULTED
}
