package cn.landmarket.oversight;

/** Where an objection to a published result stands: lodged, then answered once (domain.md, "After the sale"). */
public enum ObjectionStatus {
    /** Lodged by a bidder; awaiting the regulator's answer. */
    LODGED,
    /** The regulator found it well founded; it may suspend settlement. */
    UPHELD,
    /** The regulator found it not well founded. */
    REJECTED
}
