package cn.landmarket.party;

/** An operator's or regulator's verdict on something under review. */
public enum ReviewDecision {
    APPROVE, REJECT
}
