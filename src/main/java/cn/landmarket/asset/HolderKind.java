package cn.landmarket.asset;

/** Who can hold a certificate: townships before a sale, enterprises after one. */
public enum HolderKind {
    TOWNSHIP, ENTERPRISE
}
