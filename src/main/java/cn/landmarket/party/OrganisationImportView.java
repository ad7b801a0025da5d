package cn.landmarket.party;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.Problem;
import cn.landmarket.party.OrganisationImport.ImportOutcome;
import cn.landmarket.party.OrganisationImport.Plan;
import cn.landmarket.party.OrganisationImport.SkipReason;

/**
 * The report of a bulk import: the file's SHA-256, how many data rows it has, what was (or, in a dry
 * run, would be) created, renamed or left unchanged, and each row's outcome. {@code errors} holds one
 * message per invalid row ({@code field} "line N"), in the caller's language; when an import is
 * refused the same messages are the problem's own {@code errors} and this report carries none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationImportView(boolean dryRun, boolean applied, String sha256, boolean header, int rowsRead,
        ImportCounts counties, ImportCounts townships, int skipped, int invalid, List<ImportRowView> rows,
        List<Problem.FieldError> errors) {

    /** What happened to the counties or the townships of the file. */
    public record ImportCounts(int created, int renamed, int unchanged) {
    }

    /**
     * One data row: its line, the division code (6 or 9 digits once read), what it names, its name,
     * the outcome, the name it replaces, why it was skipped, and the code of its error.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportRowView(int line, String code, OrganisationKind kind, String name, ImportOutcome outcome,
            String previousName, SkipReason skipped, String error) {
    }

    /** The field of a row's error: "line N". */
    static String field(int line) {
        return "line " + line;
    }

    /** The report, its errors rendered in {@code locale}, or left out (null) for a refused import's problem. */
    static OrganisationImportView of(Plan plan, boolean dryRun, boolean applied, Locale locale) {
        List<ImportRowView> rows = plan.rows().stream().map(r -> new ImportRowView(r.line(), r.code(), r.kind(), r.name(),
                r.outcome(), r.previousName(), r.skip(), r.error() == null ? null : r.error().key().bundleKey()))
                .toList();
        List<Problem.FieldError> errors = locale == null ? null : plan.errors().stream()
                .map(e -> new Problem.FieldError(field(e.line()), e.message().key().bundleKey(),
                        Localizer.render(e.message(), locale)))
                .toList();
        return new OrganisationImportView(dryRun, applied, plan.sha256(), plan.header(), plan.rows().size(),
                counts(plan, OrganisationKind.COUNTY), counts(plan, OrganisationKind.TOWNSHIP),
                plan.count(ImportOutcome.SKIPPED), plan.errors().size(), rows, errors);
    }

    private static ImportCounts counts(Plan plan, OrganisationKind kind) {
        return new ImportCounts(plan.count(kind, ImportOutcome.CREATE), plan.count(kind, ImportOutcome.RENAME),
                plan.count(kind, ImportOutcome.UNCHANGED));
    }
}
