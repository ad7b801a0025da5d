package cn.landmarket.asset;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.landmarket.party.ValidDivisionCode;
import cn.landmarket.party.ValidDivisionCode.Kind;

/**
 * A regulator issues a certificate to a township. Fields after {@code areaM2} apply to some asset
 * types only; {@link CertificateRules} says which are required and which are not allowed.
 */
public record IssueCertificateRequest(
        @NotNull AssetType assetType,
        @NotBlank @ValidDivisionCode(Kind.TOWNSHIP) String holderTownship,
        @ValidDivisionCode(Kind.TOWNSHIP) String regionCode,
        @NotBlank @Size(max = 200) String sourceProject,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull CertificateDocument> documents,
        @Positive @Max(10_000_000_000L) long areaM2,
        @PositiveOrZero @Max(10_000_000_000L) Long paddyAreaM2,
        @PositiveOrZero @Max(100_000_000_000L) Long grainCapacityKg,
        @Min(1) @Max(15) Integer qualityGrade,
        SourceProjectType sourceProjectType,
        @Size(min = 1, max = 60) String nationalFilingNo,
        @Min(2000) @Max(2100) Integer planYear,
        @Size(min = 1, max = 60) String acceptanceDocNo,
        LocalDate validUntil,
        @Size(min = 1, max = 40) String parcelCode,
        LandUse landUse,
        @Min(1) @Max(70) Integer maxTermYears,
        @Valid PlanningConditions planningConditions,
        @Valid CollectiveVote collectiveVote,
        LocalDate countyFilingDate) {
}
