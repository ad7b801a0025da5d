package cn.landmarket.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;

/**
 * What a certificate of each asset type must and must not carry: the type-specific data of
 * domain.md ("What is traded"), checked before a regulator's issuance is stored.
 */
public final class CertificateRules {

    private final Map<String, Integer> maxTermYears;

    /** @param maxTermYears legal maximum term in years by {@link LandUse} name */
    public CertificateRules(Map<String, Integer> maxTermYears) {
        this.maxTermYears = Map.copyOf(maxTermYears);
    }

    /** Every violation of the type-specific rules; empty when the request may be issued. */
    public List<FieldViolation> check(IssueCertificateRequest r, LocalDate today) {
        List<FieldViolation> v = new ArrayList<>();
        AssetType type = r.assetType();
        boolean farmland = type == AssetType.FARMLAND_COMPENSATION;
        boolean linkage = type == AssetType.LINKAGE_SURPLUS;
        boolean parcel = type == AssetType.COLLECTIVE_PARCEL;

        applies(v, "paddyAreaM2", r.paddyAreaM2(), farmland, type);
        applies(v, "grainCapacityKg", r.grainCapacityKg(), farmland, type);
        applies(v, "qualityGrade", r.qualityGrade(), farmland, type);
        applies(v, "sourceProjectType", r.sourceProjectType(), farmland, type);
        applies(v, "nationalFilingNo", r.nationalFilingNo(), farmland, type);
        applies(v, "planYear", r.planYear(), type == AssetType.CONSTRUCTION_QUOTA, type);
        applies(v, "acceptanceDocNo", r.acceptanceDocNo(), linkage, type);
        applies(v, "validUntil", r.validUntil(), linkage, type);
        applies(v, "parcelCode", r.parcelCode(), parcel, type);
        applies(v, "landUse", r.landUse(), parcel, type);
        applies(v, "maxTermYears", r.maxTermYears(), parcel, type);
        applies(v, "planningConditions", r.planningConditions(), parcel, type);
        applies(v, "collectiveVote", r.collectiveVote(), parcel, type);
        applies(v, "countyFilingDate", r.countyFilingDate(), parcel, type);

        if (farmland && r.paddyAreaM2() != null && r.paddyAreaM2() > r.areaM2()) {
            v.add(FieldViolation.of("paddyAreaM2", MessageKey.CERTIFICATE_PADDY_EXCEEDS_AREA));
        }
        if (linkage && r.validUntil() != null && !r.validUntil().isAfter(today)) {
            v.add(FieldViolation.of("validUntil", MessageKey.CERTIFICATE_EXPIRED));
        }
        if (parcel && r.landUse() != null && r.maxTermYears() != null) {
            Integer legal = maxTermYears.get(r.landUse().name());
            if (legal != null && r.maxTermYears() > legal) {
                v.add(FieldViolation.of("maxTermYears", MessageKey.CERTIFICATE_TERM_OVER_LEGAL_MAXIMUM, r.landUse(), legal));
            }
        }
        PlanningConditions pc = r.planningConditions();
        if (pc != null && pc.plotRatioMin() != null && pc.plotRatioMax() != null
                && pc.plotRatioMin().compareTo(pc.plotRatioMax()) > 0) {
            v.add(FieldViolation.of("planningConditions.plotRatioMin", MessageKey.CERTIFICATE_PLOT_RATIO_RANGE));
        }
        CollectiveVote vote = r.collectiveVote();
        if (vote != null && vote.inFavour() > vote.eligible()) {
            v.add(FieldViolation.of("collectiveVote.inFavour", MessageKey.CERTIFICATE_VOTE_MORE_THAN_ELIGIBLE));
        }
        if (parcel && r.countyFilingDate() != null && r.countyFilingDate().isAfter(today)) {
            v.add(FieldViolation.of("countyFilingDate", MessageKey.CERTIFICATE_FILING_IN_FUTURE));
        }
        return v;
    }

    /** Adds a violation when a type-specific field is missing where it applies, or present where it does not. */
    public static void applies(List<FieldViolation> v, String field, Object value, boolean applicable, AssetType type) {
        if (applicable && value == null) {
            v.add(FieldViolation.of(field, MessageKey.CERTIFICATE_FIELD_REQUIRED, type));
        } else if (!applicable && value != null) {
            v.add(FieldViolation.of(field, MessageKey.CERTIFICATE_FIELD_NOT_APPLICABLE, type));
        }
    }
}
