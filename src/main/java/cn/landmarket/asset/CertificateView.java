package cn.landmarket.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.landmarket.common.Area;

/**
 * A certificate with its quantities and type-specific data. For every dimension (area; for
 * farmland compensation also paddy area and grain capacity) it shows the total, what listings in
 * progress have frozen, what sales have transferred to child certificates, and what is available:
 * total less frozen less transferred, by {@link Certificate#available()}, the rule freezing uses.
 */
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
        Area transferredArea,
        Area availableArea,
        Area paddyArea,
        Area frozenPaddyArea,
        Area transferredPaddyArea,
        Area availablePaddyArea,
        Long grainCapacityKg,
        Long frozenGrainCapacityKg,
        Long transferredGrainCapacityKg,
        Long availableGrainCapacityKg,
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
        Quantity frozen = c.frozen();
        Quantity transferred = c.transferred();
        Quantity available = c.available();
        return new CertificateView(c.id, c.certNo, c.assetType, c.holderKind, c.holderCode, c.regionCode,
                c.sourceProject, c.sourceProjectType, c.documents, Area.of(c.areaM2), Area.of(frozen.areaM2()),
                Area.of(transferred.areaM2()), Area.of(available.areaM2()),
                area(c.paddyAreaM2), area(frozen.paddyAreaM2()), area(transferred.paddyAreaM2()),
                area(available.paddyAreaM2()),
                c.grainCapacityKg, frozen.grainCapacityKg(), transferred.grainCapacityKg(),
                available.grainCapacityKg(),
                c.qualityGrade == null ? null : c.qualityGrade.intValue(),
                c.nationalFilingNo,
                c.planYear == null ? null : c.planYear.intValue(),
                c.acceptanceDocNo, c.validUntil, c.parcelCode, c.landUse,
                c.maxTermYears == null ? null : c.maxTermYears.intValue(),
                c.planningConditions, c.collectiveVote, c.countyFilingDate, c.parentId, c.issuedAt, c.issuedBy);
    }

    private static Area area(Long m2) {
        return m2 == null ? null : Area.of(m2);
    }
}
