package cn.landmarket.asset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/**
 * An indicator certificate or parcel use right with an exact quantity, part of which may be frozen
 * by listings; linked to its parent and its source project so its history can be traced.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    /** First part of the type of this feature's audit entries ({@code certificate.issued}, ...). */
    private static final String ENTRY = "certificate";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    @SequenceGenerator(name = "certificate_seq", sequenceName = "certificate_seq", allocationSize = 50)
    public Long id;

    @Column(name = "cert_no")
    public String certNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type")
    public AssetType assetType;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_kind")
    public HolderKind holderKind;

    @Column(name = "holder_code")
    public String holderCode;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "source_project")
    public String sourceProject;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_project_type")
    public SourceProjectType sourceProjectType;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<CertificateDocument> documents;

    @Column(name = "area_m2")
    public long areaM2;

    @Column(name = "frozen_area_m2")
    public long frozenAreaM2;

    @Column(name = "paddy_area_m2")
    public Long paddyAreaM2;

    @Column(name = "frozen_paddy_area_m2")
    public long frozenPaddyAreaM2;

    @Column(name = "grain_capacity_kg")
    public Long grainCapacityKg;

    @Column(name = "frozen_grain_capacity_kg")
    public long frozenGrainCapacityKg;

    @Column(name = "quality_grade")
    public Short qualityGrade;

    @Column(name = "national_filing_no")
    public String nationalFilingNo;

    @Column(name = "plan_year")
    public Short planYear;

    @Column(name = "acceptance_doc_no")
    public String acceptanceDocNo;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "parcel_code")
    public String parcelCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "land_use")
    public LandUse landUse;

    @Column(name = "max_term_years")
    public Short maxTermYears;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "planning_conditions")
    public PlanningConditions planningConditions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "collective_vote")
    public CollectiveVote collectiveVote;

    @Column(name = "county_filing_date")
    public LocalDate countyFilingDate;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "transferred_area_m2")
    public long transferredAreaM2;

    @Column(name = "transferred_paddy_area_m2")
    public long transferredPaddyAreaM2;

    @Column(name = "transferred_grain_capacity_kg")
    public long transferredGrainCapacityKg;

    @Version
    public long version;

    /** The quantity the certificate was issued with. */
    public Quantity total() {
        return new Quantity(areaM2, paddyAreaM2, grainCapacityKg);
    }

    /** The quantity frozen by listings in progress (null dimensions where the type has none). */
    public Quantity frozen() {
        return new Quantity(frozenAreaM2, paddyAreaM2 == null ? null : frozenPaddyAreaM2,
                grainCapacityKg == null ? null : frozenGrainCapacityKg);
    }

    /** The quantity sold and passed to child certificates (null dimensions where the type has none). */
    public Quantity transferred() {
        return new Quantity(transferredAreaM2, paddyAreaM2 == null ? null : transferredPaddyAreaM2,
                grainCapacityKg == null ? null : transferredGrainCapacityKg);
    }

    /**
     * The quantity still free to list: total less frozen less transferred, in every dimension. The
     * one rule both freezing and every view of the certificate use.
     */
    public Quantity available() {
        return new Quantity(areaM2 - frozenAreaM2 - transferredAreaM2,
                paddyAreaM2 == null ? null : paddyAreaM2 - frozenPaddyAreaM2 - transferredPaddyAreaM2,
                grainCapacityKg == null ? null : grainCapacityKg - frozenGrainCapacityKg - transferredGrainCapacityKg);
    }

    /** Records a lot as passed to a child certificate; the rest is the holder's remainder. */
    public void transfer(Quantity lot) {
        transferredAreaM2 = Math.addExact(transferredAreaM2, lot.areaM2());
        transferredPaddyAreaM2 = Math.addExact(transferredPaddyAreaM2, lot.paddyAreaM2OrZero());
        transferredGrainCapacityKg = Math.addExact(transferredGrainCapacityKg, lot.grainCapacityKgOrZero());
    }

    /** Freezes a lot; the caller has checked it fits within {@link #available()}. */
    public void freeze(Quantity lot) {
        frozenAreaM2 = Math.addExact(frozenAreaM2, lot.areaM2());
        frozenPaddyAreaM2 = Math.addExact(frozenPaddyAreaM2, lot.paddyAreaM2OrZero());
        frozenGrainCapacityKg = Math.addExact(frozenGrainCapacityKg, lot.grainCapacityKgOrZero());
    }

    /** Releases a lot frozen earlier. */
    public void release(Quantity lot) {
        frozenAreaM2 = Math.subtractExact(frozenAreaM2, lot.areaM2());
        frozenPaddyAreaM2 = Math.subtractExact(frozenPaddyAreaM2, lot.paddyAreaM2OrZero());
        frozenGrainCapacityKg = Math.subtractExact(frozenGrainCapacityKg, lot.grainCapacityKgOrZero());
        if (frozenAreaM2 < 0 || frozenPaddyAreaM2 < 0 || frozenGrainCapacityKg < 0) {
            throw new IllegalStateException("Released more than was frozen on certificate " + certNo);
        }
    }

    /**
     * The audit entry of the certificate's issue: type {@code certificate.issued}. In the clear: the
     * certificate id, its asset type and region, its parent and the listing whose sale made it (a
     * child certificate). Its details, which the API shows only to the holder, regulators of the
     * region and operators (number, holder, source project, quantities, the data that define it),
     * go in as {@code detailsCommitment} ({@link Commitment#CERTIFICATE}).
     */
    public AuditEntry issuedEntry(Long listingId) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("certificateId", id);
        if (listingId != null) {
            facts.put("listingId", listingId);
        }
        facts.put("assetType", assetType.name());
        facts.put("regionCode", regionCode);
        facts.put("parentId", parentId);
        Map<String, Object> details = new HashMap<>();
        details.put("certNo", certNo);
        details.put("holderKind", holderKind.name());
        details.put("holderCode", holderCode);
        details.put("sourceProject", sourceProject);
        details.put("sourceProjectType", sourceProjectType == null ? null : sourceProjectType.name());
        details.put("areaM2", areaM2);
        details.put("paddyAreaM2", paddyAreaM2);
        details.put("grainCapacityKg", grainCapacityKg);
        details.put("qualityGrade", qualityGrade == null ? null : qualityGrade.intValue());
        details.put("nationalFilingNo", nationalFilingNo);
        details.put("planYear", planYear == null ? null : planYear.intValue());
        details.put("acceptanceDocNo", acceptanceDocNo);
        details.put("validUntil", validUntil == null ? null : validUntil.toString());
        details.put("parcelCode", parcelCode);
        details.put("landUse", landUse == null ? null : landUse.name());
        details.put("maxTermYears", maxTermYears == null ? null : maxTermYears.intValue());
        return new AuditEntry(ENTRY + ".issued", issuedAt, issuedBy, facts, List.of(details(facts, details)));
    }

    /** {@code certificate.frozen}: a listing froze a lot; the lot and what is still free afterwards committed. */
    public AuditEntry frozenEntry(Quantity lot, long listingId, Instant at, String actor) {
        return lotEntry("frozen", lot, listingId, at, actor);
    }

    /** {@code certificate.released}: a lot frozen by a listing is free again; the lot and what is free committed. */
    public AuditEntry releasedEntry(Quantity lot, long listingId, Instant at, String actor) {
        return lotEntry("released", lot, listingId, at, actor);
    }

    /**
     * {@code certificate.split}: the sold lot left this certificate for the buyer's child
     * certificate. The lot and the buyer are public with the sale's result; the certificate numbers
     * and the remainder the holder keeps are committed.
     */
    public AuditEntry splitEntry(Certificate child, Quantity lot, long listingId, String reference, Instant at,
            String actor) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("certificateId", id);
        quantity(facts, "lot", lot);
        facts.put("listingId", listingId);
        facts.put("childCertificateId", child.id);
        facts.put("childHolderCode", child.holderCode);
        facts.put("reference", reference);
        Map<String, Object> details = new HashMap<>();
        details.put("certNo", certNo);
        details.put("childCertNo", child.certNo);
        details.put("remainingAreaM2", areaM2 - transferredAreaM2);
        return new AuditEntry(ENTRY + ".split", at, actor, facts, List.of(details(facts, details)));
    }

    /**
     * A lot frozen or released by a listing: certificate and listing in the clear; the lot (a draft's
     * term until the listing is announced) and what is free on the certificate committed.
     */
    private AuditEntry lotEntry(String event, Quantity lot, long listingId, Instant at, String actor) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("certificateId", id);
        facts.put("listingId", listingId);
        Map<String, Object> details = new HashMap<>();
        details.put("certNo", certNo);
        quantity(details, "lot", lot);
        quantity(details, "available", available());
        return new AuditEntry(ENTRY + "." + event, at, actor, facts, List.of(details(facts, details)));
    }

    /** Commits {@code details} of this certificate into {@code facts} as {@code detailsCommitment}. */
    private Commitment details(Map<String, Object> facts, Map<String, Object> details) {
        return Commitment.seal(Commitment.CERTIFICATE, id, "details", Commitment.canonical(details)).into(facts);
    }

    private static void quantity(Map<String, Object> facts, String prefix, Quantity q) {
        facts.put(prefix + "AreaM2", q.areaM2());
        facts.put(prefix + "PaddyAreaM2", q.paddyAreaM2());
        facts.put(prefix + "GrainCapacityKg", q.grainCapacityKg());
    }
}
