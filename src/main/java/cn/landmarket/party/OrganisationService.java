package cn.landmarket.party;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.OrganisationImport.Known;
import cn.landmarket.party.OrganisationImport.ImportOutcome;
import cn.landmarket.party.OrganisationImport.Plan;
import cn.landmarket.party.OrganisationImport.Row;

/**
 * The organisation registry operators keep (domain.md, "Organisations"): counties, townships and
 * regulators registered, renamed, deactivated and reactivated one by one or imported in bulk. Rows
 * are never deleted; every change is an audit entry in the same transaction, and every change holds
 * the registry's lock ({@link CountyRepository#lockRegistry()}), so changes run one after the other.
 */
@ApplicationScoped
public class OrganisationService {

    /** Audit entry type of an applied import. */
    static final String IMPORTED = "organisations.imported";

    /** Inserts and updates an import sends to the database per round trip. */
    private static final int IMPORT_BATCH = 500;

    private final CountyRepository counties;
    private final TownshipRepository townships;
    private final RegulatorRepository regulators;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<TownshipDeactivating> deactivating;

    OrganisationService(CountyRepository counties, TownshipRepository townships, RegulatorRepository regulators,
            AuditLog audit, Clock clock, Event<TownshipDeactivating> deactivating) {
        this.counties = counties;
        this.townships = townships;
        this.regulators = regulators;
        this.audit = audit;
        this.clock = clock;
        this.deactivating = deactivating;
    }

    // ---- counties ------------------------------------------------------------------------------

    @Transactional
    public PageView<CountyView> counties(Actor actor, Boolean active, PageRequest page) {
        requireOperator(actor);
        return PageView.of(counties.search(active), page, CountyView::of);
    }

    @Transactional
    public CountyView county(Actor actor, String code) {
        requireOperator(actor);
        return CountyView.of(requireCounty(code));
    }

    /** Registers a county ({@code county.registered}); 400 for a bad name, 409 when the code is registered. */
    @Transactional
    public CountyView registerCounty(Actor actor, RegisterCountyRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.COUNTY, request.name());
        counties.lockRegistry();
        counties.findByIdOptional(request.code()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.COUNTY_ALREADY_REGISTERED, existing.code,
                    existing.name);
        });
        County county = newCounty(request.code(), name, Instant.now(clock));
        counties.persist(county);
        audit.append(county.entry("registered", Map.of(), county.createdAt, actor.toString()));
        return CountyView.of(county);
    }

    @Transactional
    public CountyView renameCounty(Actor actor, String code, RenameOrganisationRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.COUNTY, request.name());
        counties.lockRegistry();
        County county = requireCounty(code);
        rename(county, name, actor);
        return CountyView.of(county);
    }

    /**
     * Deactivates a county ({@code county.deactivated}); 409 when it is already deactivated or still
     * has active townships (they are deactivated first, one by one, so that nothing goes quietly).
     */
    @Transactional
    public CountyView deactivateCounty(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        County county = requireCounty(code);
        requireActive(county);
        long active = townships.countActive(code);
        if (active > 0) {
            throw ApiException.invalidState(MessageKey.COUNTY_HAS_ACTIVE_TOWNSHIPS, code, active);
        }
        deactivate(county, actor);
        return CountyView.of(county);
    }

    @Transactional
    public CountyView reactivateCounty(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        County county = requireCounty(code);
        reactivate(county, actor);
        return CountyView.of(county);
    }

    // ---- townships -----------------------------------------------------------------------------

    @Transactional
    public PageView<TownshipView> townships(Actor actor, String countyCode, Boolean active, PageRequest page) {
        requireOperator(actor);
        return PageView.of(townships.search(countyCode, active), page, TownshipView::of);
    }

    @Transactional
    public TownshipView township(Actor actor, String code) {
        requireOperator(actor);
        return TownshipView.of(requireTownship(code));
    }

    /**
     * Registers a township ({@code township.registered}): 400 for a bad name, or when the county its
     * first six digits name is not registered or deactivated; 409 when the code is registered.
     */
    @Transactional
    public TownshipView registerTownship(Actor actor, RegisterTownshipRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.TOWNSHIP, request.name());
        counties.lockRegistry();
        townships.findByIdOptional(request.code()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.TOWNSHIP_ALREADY_REGISTERED, existing.code,
                    existing.name);
        });
        String countyCode = DivisionCode.countyOf(request.code());
        County county = counties.findByIdOptional(countyCode).orElseThrow(
                () -> ApiException.invalid("code", MessageKey.TOWNSHIP_COUNTY_UNKNOWN, countyCode));
        if (!county.active()) {
            throw ApiException.invalid("code", MessageKey.TOWNSHIP_COUNTY_DEACTIVATED, countyCode);
        }
        Township township = newTownship(request.code(), name, county, Instant.now(clock));
        townships.persist(township);
        audit.append(township.entry("registered", Map.of(), township.createdAt, actor.toString()));
        return TownshipView.of(township);
    }

    @Transactional
    public TownshipView renameTownship(Actor actor, String code, RenameOrganisationRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.TOWNSHIP, request.name());
        counties.lockRegistry();
        Township township = requireTownship(code);
        rename(township, name, actor);
        return TownshipView.of(township);
    }

    /**
     * Deactivates a township ({@code township.deactivated}): its tokens are refused from then on,
     * while its listings, certificates and trades stay readable; 409 when already deactivated, or
     * while it still has a listing under review, on sale or awaiting payment ({@link TownshipDeactivating}).
     */
    @Transactional
    public TownshipView deactivateTownship(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        Township township = requireTownship(code);
        requireActive(township);
        deactivating.fire(new TownshipDeactivating(township.code));
        deactivate(township, actor);
        return TownshipView.of(township);
    }

    /** Reactivates a township ({@code township.reactivated}); 409 when active, or when its county is deactivated. */
    @Transactional
    public TownshipView reactivateTownship(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        Township township = requireTownship(code);
        if (township.active()) {
            throw ApiException.invalidState(MessageKey.ORGANISATION_ALREADY_ACTIVE, code);
        }
        if (township.county != null && !township.county.active()) {
            throw ApiException.invalidState(MessageKey.TOWNSHIP_COUNTY_DEACTIVATED, township.countyCode);
        }
        reactivate(township, actor);
        return TownshipView.of(township);
    }

    // ---- regulators ----------------------------------------------------------------------------

    @Transactional
    public PageView<RegulatorView> regulators(Actor actor, Boolean active, PageRequest page) {
        requireOperator(actor);
        return PageView.of(regulators.search(active), page, RegulatorView::of);
    }

    @Transactional
    public RegulatorView regulator(Actor actor, String code) {
        requireOperator(actor);
        return RegulatorView.of(requireRegulator(code));
    }

    /** Registers a regulator ({@code regulator.registered}); 400 for a bad name, 409 when the code is registered. */
    @Transactional
    public RegulatorView registerRegulator(Actor actor, RegisterRegulatorRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.REGULATOR, request.name());
        counties.lockRegistry();
        regulators.findByIdOptional(request.code()).ifPresent(existing -> {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.REGULATOR_ALREADY_REGISTERED, existing.code,
                    existing.name);
        });
        Instant now = Instant.now(clock);
        Regulator regulator = new Regulator();
        regulator.code = request.code();
        regulator.name = name;
        regulator.createdAt = now;
        regulator.updatedAt = now;
        regulators.persist(regulator);
        audit.append(regulator.entry("registered", Map.of(), now, actor.toString()));
        return RegulatorView.of(regulator);
    }

    @Transactional
    public RegulatorView renameRegulator(Actor actor, String code, RenameOrganisationRequest request) {
        requireOperator(actor);
        String name = checkedName(OrganisationKind.REGULATOR, request.name());
        counties.lockRegistry();
        Regulator regulator = requireRegulator(code);
        rename(regulator, name, actor);
        return RegulatorView.of(regulator);
    }

    /** Deactivates a regulator ({@code regulator.deactivated}): its tokens are refused from then on. */
    @Transactional
    public RegulatorView deactivateRegulator(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        Regulator regulator = requireRegulator(code);
        requireActive(regulator);
        deactivate(regulator, actor);
        return RegulatorView.of(regulator);
    }

    @Transactional
    public RegulatorView reactivateRegulator(Actor actor, String code) {
        requireOperator(actor);
        counties.lockRegistry();
        Regulator regulator = requireRegulator(code);
        reactivate(regulator, actor);
        return RegulatorView.of(regulator);
    }

    // ---- bulk import ---------------------------------------------------------------------------

    /**
     * Plans a bulk import of counties and townships ({@link OrganisationImport}) and, when
     * {@code apply}, carries it out: all of it, or, when any row is invalid, nothing (400 with the
     * plan as the problem's {@code report} and one field error per bad row). An applied import logs
     * each organisation it creates or renames as one would be registered or renamed by hand (with
     * the file's {@code importSha256}), and then {@code organisations.imported} with the counts;
     * its rows and entries go to the database in batches, in the same transaction.
     */
    @Transactional
    public Plan importOrganisations(Actor actor, byte[] csv, boolean apply) {
        requireOperator(actor);
        OrganisationImport.Read read = OrganisationImport.read(csv);
        if (apply) {
            counties.lockRegistry();
        }
        Map<String, County> knownCounties = byCode(counties.byCodes(read.countyCodes()), c -> c.code);
        Map<String, Township> knownTownships = byCode(townships.byCodes(read.townshipCodes()), t -> t.code);
        Plan plan = OrganisationImport.plan(read, known(knownCounties), known(knownTownships));
        if (!apply) {
            return plan;
        }
        if (!plan.valid()) {
            List<FieldViolation> violations = plan.errors().stream()
                    .map(e -> new FieldViolation(OrganisationImportView.field(e.line()), e.message())).toList();
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    Message.of(MessageKey.IMPORT_REFUSED, violations.size()), violations,
                    Map.of("report", OrganisationImportView.of(plan, false, false, null)));
        }
        Instant now = Instant.now(clock);
        String who = actor.toString();
        Map<String, Object> source = Map.of("importSha256", plan.sha256());
        List<AuditEntry> entries = new ArrayList<>();
        counties.batchWrites(IMPORT_BATCH);
        for (Row row : plan.rows()) {
            if (row.kind() != OrganisationKind.COUNTY) {
                continue;
            }
            if (row.outcome() == ImportOutcome.CREATE) {
                County county = newCounty(row.code(), row.name(), now);
                counties.persist(county);
                knownCounties.put(county.code, county);
                entries.add(county.entry("registered", source, now, who));
            } else if (row.outcome() == ImportOutcome.RENAME) {
                County county = knownCounties.get(row.code());
                county.rename(row.name(), now);
                entries.add(renamedEntry(county, row.previousName(), source, now, who));
            }
        }
        counties.flush();
        for (Row row : plan.rows()) {
            if (row.kind() != OrganisationKind.TOWNSHIP) {
                continue;
            }
            if (row.outcome() == ImportOutcome.CREATE) {
                County county = knownCounties.get(DivisionCode.countyOf(row.code()));
                Township township = newTownship(row.code(), row.name(), county, now);
                townships.persist(township);
                entries.add(township.entry("registered", source, now, who));
            } else if (row.outcome() == ImportOutcome.RENAME) {
                Township township = knownTownships.get(row.code());
                township.rename(row.name(), now);
                entries.add(renamedEntry(township, row.previousName(), source, now, who));
            }
        }
        entries.add(importedEntry(plan, now, who));
        counties.onConnection(connection -> audit.append(connection, entries));
        return plan;
    }

    // ---- shared --------------------------------------------------------------------------------

    private static void requireOperator(Actor actor) {
        if (!actor.is(Role.OPERATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
    }

    private County requireCounty(String code) {
        return counties.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("county", code));
    }

    private Township requireTownship(String code) {
        return townships.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("township", code));
    }

    private Regulator requireRegulator(String code) {
        return regulators.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("regulator", code));
    }

    /** The name stripped of surrounding white space, or 400 naming {@code name}. */
    private static String checkedName(OrganisationKind kind, String name) {
        kind.checkName(name).ifPresent(problem -> {
            throw ApiException.invalid(List.of(new FieldViolation("name", problem)));
        });
        return name.strip();
    }

    private static void requireActive(Organisation organisation) {
        if (!organisation.active()) {
            throw ApiException.invalidState(MessageKey.ORGANISATION_ALREADY_DEACTIVATED, organisation.code());
        }
    }

    /** Renames ({@code <kind>.renamed}, with the previous name); the same name changes and logs nothing. */
    private void rename(Organisation organisation, String name, Actor actor) {
        if (organisation.name().equals(name)) {
            return;
        }
        String previous = organisation.name();
        Instant now = Instant.now(clock);
        organisation.rename(name, now);
        audit.append(renamedEntry(organisation, previous, Map.of(), now, actor.toString()));
    }

    private void deactivate(Organisation organisation, Actor actor) {
        Instant now = Instant.now(clock);
        organisation.deactivate(now);
        audit.append(organisation.entry("deactivated", Map.of(), now, actor.toString()));
    }

    private void reactivate(Organisation organisation, Actor actor) {
        if (organisation.active()) {
            throw ApiException.invalidState(MessageKey.ORGANISATION_ALREADY_ACTIVE, organisation.code());
        }
        Instant now = Instant.now(clock);
        organisation.reactivate(now);
        audit.append(organisation.entry("reactivated", Map.of(), now, actor.toString()));
    }

    private static AuditEntry renamedEntry(Organisation organisation, String previousName, Map<String, Object> source,
            Instant at, String actor) {
        Map<String, Object> facts = new LinkedHashMap<>(source);
        facts.put("previousName", previousName);
        return organisation.entry("renamed", facts, at, actor);
    }

    private static AuditEntry importedEntry(Plan plan, Instant at, String actor) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("importSha256", plan.sha256());
        facts.put("rowsRead", plan.rows().size());
        facts.put("countiesCreated", plan.count(OrganisationKind.COUNTY, ImportOutcome.CREATE));
        facts.put("countiesRenamed", plan.count(OrganisationKind.COUNTY, ImportOutcome.RENAME));
        facts.put("countiesUnchanged", plan.count(OrganisationKind.COUNTY, ImportOutcome.UNCHANGED));
        facts.put("townshipsCreated", plan.count(OrganisationKind.TOWNSHIP, ImportOutcome.CREATE));
        facts.put("townshipsRenamed", plan.count(OrganisationKind.TOWNSHIP, ImportOutcome.RENAME));
        facts.put("townshipsUnchanged", plan.count(OrganisationKind.TOWNSHIP, ImportOutcome.UNCHANGED));
        facts.put("skipped", plan.count(ImportOutcome.SKIPPED));
        return new AuditEntry(IMPORTED, at, actor, facts);
    }

    private static County newCounty(String code, String name, Instant at) {
        County county = new County();
        county.code = code;
        county.name = name;
        county.createdAt = at;
        county.updatedAt = at;
        return county;
    }

    private static Township newTownship(String code, String name, County county, Instant at) {
        Township township = new Township();
        township.code = code;
        township.name = name;
        township.countyCode = county.code;
        township.county = county;
        township.createdAt = at;
        township.updatedAt = at;
        return township;
    }

    private static <E> Map<String, E> byCode(List<E> entities, Function<E, String> code) {
        return entities.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private static <E extends Organisation> Map<String, Known> known(Map<String, E> entities) {
        Map<String, Known> known = new HashMap<>();
        entities.forEach((code, e) -> known.put(code, new Known(e.name(), e.active())));
        return known;
    }
}
