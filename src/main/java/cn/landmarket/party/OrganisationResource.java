package cn.landmarket.party;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.ValidDivisionCode.Kind;

/** HTTP face of the organisation registry: operators keep counties, townships and regulators. */
@Path("/api/organisations")
@Tag(name = "Organisations")
@RolesAllowed(Role.OPERATOR_GROUP)
@SecurityRequirement(name = "bearer")
public class OrganisationResource {

    /** The media type of the bulk import's body. */
    public static final String TEXT_CSV = "text/csv";

    @Inject
    OrganisationService service;

    @Inject
    CurrentActor actor;

    // ---- counties ------------------------------------------------------------------------------

    @GET
    @Path("/counties")
    @Operation(summary = "List counties, optionally only the active or the deactivated ones")
    public PageView<CountyView> counties(@QueryParam("active") Boolean active, @Valid @BeanParam PageRequest page) {
        return service.counties(actor.get(), active, page);
    }

    @POST
    @Path("/counties")
    @ResponseStatus(201)
    @Operation(summary = "Register a county (6-digit county-level division code)")
    public CountyView registerCounty(@Valid @NotNull RegisterCountyRequest request) {
        return service.registerCounty(actor.get(), request);
    }

    @GET
    @Path("/counties/{countyCode}")
    @Operation(summary = "One county")
    public CountyView county(@PathParam("countyCode") @ValidDivisionCode(Kind.COUNTY) String code) {
        return service.county(actor.get(), code);
    }

    @PUT
    @Path("/counties/{countyCode}")
    @Operation(summary = "Rename a county")
    public CountyView renameCounty(@PathParam("countyCode") @ValidDivisionCode(Kind.COUNTY) String code,
            @Valid @NotNull RenameOrganisationRequest request) {
        return service.renameCounty(actor.get(), code, request);
    }

    @POST
    @Path("/counties/{countyCode}/deactivate")
    @Operation(summary = "Deactivate a county that has no active township; its history stays")
    public CountyView deactivateCounty(@PathParam("countyCode") @ValidDivisionCode(Kind.COUNTY) String code) {
        return service.deactivateCounty(actor.get(), code);
    }

    @POST
    @Path("/counties/{countyCode}/reactivate")
    @Operation(summary = "Reactivate a deactivated county")
    public CountyView reactivateCounty(@PathParam("countyCode") @ValidDivisionCode(Kind.COUNTY) String code) {
        return service.reactivateCounty(actor.get(), code);
    }

    // ---- townships -----------------------------------------------------------------------------

    @GET
    @Path("/townships")
    @Operation(summary = "List townships, optionally of one county, only the active or the deactivated ones")
    public PageView<TownshipView> townships(@QueryParam("county") @ValidDivisionCode(Kind.COUNTY) String county,
            @QueryParam("active") Boolean active, @Valid @BeanParam PageRequest page) {
        return service.townships(actor.get(), county, active, page);
    }

    @POST
    @Path("/townships")
    @ResponseStatus(201)
    @Operation(summary = "Register a township (9-digit code; its first six digits name a registered, active county)")
    public TownshipView registerTownship(@Valid @NotNull RegisterTownshipRequest request) {
        return service.registerTownship(actor.get(), request);
    }

    @GET
    @Path("/townships/{townshipCode}")
    @Operation(summary = "One township, active or not")
    public TownshipView township(@PathParam("townshipCode") @ValidDivisionCode(Kind.TOWNSHIP) String code) {
        return service.township(actor.get(), code);
    }

    @PUT
    @Path("/townships/{townshipCode}")
    @Operation(summary = "Rename a township")
    public TownshipView renameTownship(@PathParam("townshipCode") @ValidDivisionCode(Kind.TOWNSHIP) String code,
            @Valid @NotNull RenameOrganisationRequest request) {
        return service.renameTownship(actor.get(), code, request);
    }

    @POST
    @Path("/townships/{townshipCode}/deactivate")
    @Operation(summary = "Deactivate a township: its tokens are refused, its history stays readable")
    public TownshipView deactivateTownship(@PathParam("townshipCode") @ValidDivisionCode(Kind.TOWNSHIP) String code) {
        return service.deactivateTownship(actor.get(), code);
    }

    @POST
    @Path("/townships/{townshipCode}/reactivate")
    @Operation(summary = "Reactivate a deactivated township (its county must be active)")
    public TownshipView reactivateTownship(@PathParam("townshipCode") @ValidDivisionCode(Kind.TOWNSHIP) String code) {
        return service.reactivateTownship(actor.get(), code);
    }

    // ---- regulators ----------------------------------------------------------------------------

    @GET
    @Path("/regulators")
    @Operation(summary = "List regulators, optionally only the active or the deactivated ones")
    public PageView<RegulatorView> regulators(@QueryParam("active") Boolean active,
            @Valid @BeanParam PageRequest page) {
        return service.regulators(actor.get(), active, page);
    }

    @POST
    @Path("/regulators")
    @ResponseStatus(201)
    @Operation(summary = "Register a regulator (6-digit code of a province, prefecture or county: its jurisdiction)")
    public RegulatorView registerRegulator(@Valid @NotNull RegisterRegulatorRequest request) {
        return service.registerRegulator(actor.get(), request);
    }

    @GET
    @Path("/regulators/{regulatorCode}")
    @Operation(summary = "One regulator, active or not")
    public RegulatorView regulator(@PathParam("regulatorCode") @ValidDivisionCode(Kind.AUTHORITY) String code) {
        return service.regulator(actor.get(), code);
    }

    @PUT
    @Path("/regulators/{regulatorCode}")
    @Operation(summary = "Rename a regulator")
    public RegulatorView renameRegulator(@PathParam("regulatorCode") @ValidDivisionCode(Kind.AUTHORITY) String code,
            @Valid @NotNull RenameOrganisationRequest request) {
        return service.renameRegulator(actor.get(), code, request);
    }

    @POST
    @Path("/regulators/{regulatorCode}/deactivate")
    @Operation(summary = "Deactivate a regulator: its tokens are refused, its history stays readable")
    public RegulatorView deactivateRegulator(
            @PathParam("regulatorCode") @ValidDivisionCode(Kind.AUTHORITY) String code) {
        return service.deactivateRegulator(actor.get(), code);
    }

    @POST
    @Path("/regulators/{regulatorCode}/reactivate")
    @Operation(summary = "Reactivate a deactivated regulator")
    public RegulatorView reactivateRegulator(
            @PathParam("regulatorCode") @ValidDivisionCode(Kind.AUTHORITY) String code) {
        return service.reactivateRegulator(actor.get(), code);
    }

    // ---- bulk import ---------------------------------------------------------------------------

    /**
     * Takes any media type so that the role is checked before the body's type (a 415 must not tell an
     * anonymous caller that the operation exists), then refuses all but {@code text/csv} in UTF-8.
     */
    @POST
    @Path("/import")
    @Operation(summary = "Import counties and townships from a CSV of division codes and names: a dry run "
            + "(the default) reports what would change, row by row; dryRun=false applies all of it or nothing",
            description = "Body: text/csv in UTF-8 (a byte order mark is ignored), one row per line: division "
                    + "code, name; an optional header. 6-digit county codes and 9-digit township codes; a "
                    + "12-digit statistical code is read as its first 9 digits, province, prefecture and "
                    + "village rows are skipped. At most quarkus.http.limits.max-body-size (256 KB). Applying "
                    + "writes nothing when any row is invalid: a 400 problem with one error per bad row and the "
                    + "report as its member report.")
    public OrganisationImportView importOrganisations(@QueryParam("dryRun") @DefaultValue("true") Boolean dryRun,
            @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) byte[] csv,
            @Context HttpHeaders headers) {
        if (!isCsv(headers.getMediaType())) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, MessageKey.IMPORT_MEDIA_TYPE);
        }
        boolean apply = Boolean.FALSE.equals(dryRun);
        return OrganisationImportView.of(service.importOrganisations(actor.get(), csv == null ? new byte[0] : csv,
                apply), !apply, apply, locale(headers));
    }

    /** text/csv, with no charset or UTF-8. */
    private static boolean isCsv(MediaType type) {
        if (type == null || !"text".equalsIgnoreCase(type.getType()) || !"csv".equalsIgnoreCase(type.getSubtype())) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || "utf-8".equalsIgnoreCase(charset) || "utf8".equalsIgnoreCase(charset);
    }

    private static Locale locale(HttpHeaders headers) {
        try {
            return Localizer.choose(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Localizer.ENGLISH;
        }
    }
}
