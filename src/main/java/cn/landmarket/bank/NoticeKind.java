package cn.landmarket.bank;

/** Which way money moved on the escrow account. */
public enum NoticeKind {
    /** Money in: a deposit paid into a virtual account. */
    CREDIT,
    /** Money out of the escrow account, e.g. a refund paid. */
    DEBIT
}
