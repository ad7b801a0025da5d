package cn.landmarket.party;

/** Where an enterprise's self-registration stands; only VERIFIED enterprises may take part. */
public enum EnterpriseStatus {
    PENDING, VERIFIED, REJECTED
}
