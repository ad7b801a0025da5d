package cn.landmarket.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.CertificateDocument;
import cn.landmarket.asset.CertificateService;
import cn.landmarket.asset.CertificateView;
import cn.landmarket.asset.CollectiveVote;
import cn.landmarket.asset.IssueCertificateRequest;
import cn.landmarket.asset.LandUse;
import cn.landmarket.asset.PlanningConditions;
import cn.landmarket.asset.SourceProjectType;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * 颁发证书: a regulator issues a certificate to a township of its jurisdiction (as
 * {@code POST /api/certificates}, with the fields of {@link IssueCertificateRequest}), and sees the
 * certificate issued (as {@code GET /api/certificates/{id}}). Refusals, the request's constraints and
 * the service's rules alike, are shown at their fields in the reader's language.
 */
@Path("/regulator/certificates")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CertificatePages {

    /** How many supporting documents the form offers (the API takes up to 20). */
    static final int DOCUMENT_ROWS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance issue(Page page, CertificateForm form, List<AssetType> assetTypes,
                List<SourceProjectType> projectTypes, List<LandUse> landUses, List<CertificateDocument.Kind> kinds,
                List<CollectiveVote.Body> bodies, List<Integer> rows);

        static native TemplateInstance certificate(Page page, CertificateView certificate);
    }

    /** The form as typed, and what was refused at which field. */
    public record CertificateForm(Map<String, String> values, Refusal refusal) {

        public String value(String name) {
            String v = values.get(name);
            return v == null ? "" : v;
        }

        public boolean is(String name, Object option) {
            return value(name).equals(String.valueOf(option));
        }

        /** The message for a field, or null; documents' fields are named documents[i].field. */
        public String error(String name) {
            return refusal == null ? null : refusal.field(name);
        }

        public String docName(int row, String field) {
            return "documents[" + row + "]." + field;
        }
    }

    @Inject
    Pages pages;

    @Inject
    CertificateService certificates;

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance form() {
        pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        Map<String, String> values = new HashMap<>();
        values.put("regionCode", "");
        return page(p, new CertificateForm(values, null));
    }

    private TemplateInstance page(Page p, CertificateForm form) {
        return Templates.issue(p, form, List.of(AssetType.values()), List.of(SourceProjectType.values()),
                List.of(LandUse.values()), List.of(CertificateDocument.Kind.values()),
                List.of(CollectiveVote.Body.values()), List.of(0, 1, 2)).setLocale(p.locale());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response issue(MultivaluedMap<String, String> posted) {
        pages.checkForm(posted.getFirst(FormToken.FIELD));
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        Map<String, String> values = new HashMap<>();
        posted.forEach((k, v) -> {
            if (!k.equals(FormToken.FIELD) && !v.isEmpty() && v.get(0) != null && v.get(0).length() <= 1000) {
                values.put(k, v.get(0).strip());
            }
        });
        Parser parser = new Parser(values, p.locale());
        IssueCertificateRequest request = parser.request();
        Refusal refusal;
        if (!parser.errors.isEmpty()) {
            refusal = new Refusal(ErrorCode.VALIDATION_FAILED.status(),
                    Localizer.render(MessageKey.VALIDATION_FAILED, p.locale(), parser.errors.size()), parser.errors);
        } else {
            Optional<Refusal> invalid = pages.validate(request, p.locale());
            if (invalid.isEmpty()) {
                try {
                    CertificateView issued = certificates.issue(actor, request);
                    return Response.seeOther(URI.create("/regulator/certificates/" + issued.id())).build();
                } catch (ApiException e) {
                    invalid = Optional.of(Refusal.of(e, p.locale()));
                }
            }
            refusal = invalid.get();
        }
        return Response.status(refusal.status()).entity(page(p, new CertificateForm(values, refusal))).build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance certificate(@PathParam("id") long id) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        CertificateView c = certificates.get(actor, id);
        Page p = pages.page();
        return Templates.certificate(p, c).setLocale(p.locale());
    }

    /** Reads the typed strings into the API's request; what cannot be read is a field error. */
    static final class Parser {

        final Map<String, String> values;
        final RegulatorTexts texts;
        final List<Refusal.Field> errors = new ArrayList<>();

        Parser(Map<String, String> values, Locale locale) {
            this.values = values;
            this.texts = locale.getLanguage().equals("en")
                    ? MessageBundles.get(RegulatorTexts.class, Localized.Literal.of("en"))
                    : MessageBundles.get(RegulatorTexts.class);
        }

        private String text(String name) {
            String v = values.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        private <T> T read(String name, Function<String, T> parse, String message) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                return parse.apply(v);
            } catch (RuntimeException e) {
                errors.add(new Refusal.Field(name, message));
                return null;
            }
        }

        private Long number(String name) {
            return read(name, Long::valueOf, texts.cf_not_a_whole_number());
        }

        private Integer integer(String name) {
            return read(name, Integer::valueOf, texts.cf_not_a_whole_number());
        }

        private BigDecimal decimal(String name) {
            return read(name, BigDecimal::new, texts.cf_not_a_number());
        }

        private LocalDate date(String name) {
            return read(name, s -> {
                try {
                    return LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(e);
                }
            }, texts.cf_not_a_date());
        }

        private <E extends Enum<E>> E choice(String name, Class<E> type) {
            return read(name, s -> Enum.valueOf(type, s), texts.cf_not_a_choice());
        }

        IssueCertificateRequest request() {
            List<CertificateDocument> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENT_ROWS; i++) {
                String prefix = "documents[" + i + "].";
                if (text(prefix + "kind") == null && text(prefix + "number") == null
                        && text(prefix + "issuedOn") == null && text(prefix + "title") == null) {
                    continue;
                }
                documents.add(new CertificateDocument(choice(prefix + "kind", CertificateDocument.Kind.class),
                        text(prefix + "number"), date(prefix + "issuedOn"), text(prefix + "title")));
            }
            PlanningConditions planning = null;
            List<String> planningFields = List.of("plotRatioMin", "plotRatioMax", "buildingDensityMaxPercent",
                    "greenRatioMinPercent", "heightLimitM");
            if (planningFields.stream().anyMatch(f -> text("planningConditions." + f) != null)) {
                planning = new PlanningConditions(decimal("planningConditions.plotRatioMin"),
                        decimal("planningConditions.plotRatioMax"),
                        decimal("planningConditions.buildingDensityMaxPercent"),
                        decimal("planningConditions.greenRatioMinPercent"),
                        decimal("planningConditions.heightLimitM"));
            }
            CollectiveVote vote = null;
            List<String> voteFields = List.of("body", "eligible", "inFavour", "votedOn", "resolutionNo");
            if (voteFields.stream().anyMatch(f -> text("collectiveVote." + f) != null)) {
                Integer eligible = integer("collectiveVote.eligible");
                Integer inFavour = integer("collectiveVote.inFavour");
                vote = new CollectiveVote(choice("collectiveVote.body", CollectiveVote.Body.class),
                        eligible == null ? 0 : eligible, inFavour == null ? 0 : inFavour,
                        date("collectiveVote.votedOn"), text("collectiveVote.resolutionNo"));
            }
            Long area = number("areaM2");
            return new IssueCertificateRequest(choice("assetType", AssetType.class), text("holderTownship"),
                    text("regionCode"), text("sourceProject"), documents, area == null ? 0 : area,
                    number("paddyAreaM2"), number("grainCapacityKg"), integer("qualityGrade"),
                    choice("sourceProjectType", SourceProjectType.class), text("nationalFilingNo"),
                    integer("planYear"), text("acceptanceDocNo"), date("validUntil"), text("parcelCode"),
                    choice("landUse", LandUse.class), integer("maxTermYears"), planning, vote,
                    date("countyFilingDate"));
        }
    }
}
