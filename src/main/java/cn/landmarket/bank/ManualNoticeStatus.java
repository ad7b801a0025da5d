package cn.landmarket.bank;

/** Where a notice typed in by an operator stands. */
public enum ManualNoticeStatus {
    /** Entered; counts nothing until a different operator approves it. */
    PENDING_APPROVAL,
    /** Approved by a different operator and processed as the feed's notices are. */
    APPROVED,
    /** Rejected by a different operator, with a reason; counts nothing. */
    REJECTED
}
