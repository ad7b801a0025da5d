package cn.landmarket.bank;

/** How a notice reached the platform. */
public enum NoticeSource {
    /** The bank's signed feed. */
    FEED,
    /** Entered by an operator from a bank statement. */
    MANUAL
}
