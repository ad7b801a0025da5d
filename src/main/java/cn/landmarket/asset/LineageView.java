package cn.landmarket.asset;

import java.util.List;

import cn.landmarket.common.Area;

/**
 * Where a certificate comes from and where its quantity went: its ancestors back to the original
 * issue (nearest first), its children, and the source project.
 */
public record LineageView(Link certificate, String sourceProject, List<Link> ancestors, List<Link> children) {

    /** One certificate in a lineage. */
    public record Link(long id, String certNo, AssetType assetType, HolderKind holderKind, String holderCode,
            Area area) {

        static Link of(Certificate c) {
            return new Link(c.id, c.certNo, c.assetType, c.holderKind, c.holderCode, Area.of(c.areaM2));
        }
    }
}
