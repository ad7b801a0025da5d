package cn.landmarket.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.landmarket.common.Area;

/** A certificate with its quantities (total, frozen by listings, available) and type-specific data. */
public record CertificateView(
        long id,
        String certNo,
        AssetType assetType,
        HolderKind holderKind,
        String holderCode,
        String regionCode,
        String sourceProject,
        SourceProjectType sourceProjectType,
        List<CertificateDocument> documents,
        Area area,
        Area frozenArea,
        Area availableArea,
        Area paddyArea,
        Area frozenPaddyArea,
        Long grainCapacityKg,
        Long frozenGrainCapacityKg,
        Integer qualityGrade,
        String nationalFilingNo,
        Integer planYear,
        String acceptanceDocNo,
        LocalDate validUntil,
        String parcelCode,
        LandUse landUse,
        Integer maxTermYears,
        PlanningConditions planningConditions,
        CollectiveVote collectiveVote,
        LocalDate countyFilingDate,
        Long parentId,
        Instant issuedAt,
        String issuedBy) {

    static CertificateView of(Certificate c) {
        boolean farmland = c.paddyAreaM2 != null;
        return new CertificateView(c.id, c.certNo, c.assetType, c.holderKind, c.holderCode, c.regionCode,
                c.sourceProject, c.sourceProjectType, c.documents, Area.of(c.areaM2), Area.of(c.frozenAreaM2),
                Area.of(c.areaM2 - c.frozenAreaM2),
                farmland ? Area.of(c.paddyAreaM2) : null,
                farmland ? Area.of(c.frozenPaddyAreaM2) : null,
                c.grainCapacityKg,
                c.grainCapacityKg == null ? null : c.frozenGrainCapacityKg,
                c.qualityGrade == null ? null : c.qualityGrade.intValue(),
                c.nationalFilingNo,
                c.planYear == null ? null : c.planYear.intValue(),
                c.acceptanceDocNo, c.validUntil, c.parcelCode, c.landUse,
                c.maxTermYears == null ? null : c.maxTermYears.intValue(),
                c.planningConditions, c.collectiveVote, c.countyFilingDate, c.parentId, c.issuedAt, c.issuedBy);
    }
}
