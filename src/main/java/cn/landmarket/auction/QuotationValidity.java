package cn.landmarket.auction;

/** Whether a sealed quotation counts at the opening, and why not (domain.md, "Sale formats"). */
public enum QuotationValidity {
    /** Revealed in time, at or above the start price. */
    VALID,
    /** Revealed in time, below the start price. */
    BELOW_START,
    /** Not revealed by the end of the reveal window. */
    NOT_REVEALED
}
