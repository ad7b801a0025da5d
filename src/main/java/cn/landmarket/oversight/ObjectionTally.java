package cn.landmarket.oversight;

/**
 * The objections to one result as the public sees them: how many were lodged, how many await an
 * answer, were upheld or were rejected, and whether one suspends settlement now. Never their
 * reasons, never who lodged them.
 */
public record ObjectionTally(long lodged, long pending, long upheld, long rejected, boolean settlementSuspended) {

    /** A result without objections. */
    public static final ObjectionTally NONE = new ObjectionTally(0, 0, 0, 0, false);
}
