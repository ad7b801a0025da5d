package cn.landmarket.calendar;

import java.time.LocalDate;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the working-day calendar. */
@Path("/api/calendar")
@Tag(name = "Calendar")
public class CalendarResource {

    @Inject
    CalendarService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/{year}")
    @PermitAll
    @Operation(summary = "A year's holidays and make-up working days, and its number of working days")
    public CalendarYearView year(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return service.year(year);
    }

    @PUT
    @Path("/days/{date}")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Mark a weekday as a holiday or a weekend day as a make-up working day")
    public CalendarDayView set(@PathParam("date") LocalDate date, @Valid @NotNull SetCalendarDayRequest request) {
        return service.set(actor.get(), date, request);
    }

    @DELETE
    @Path("/days/{date}")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @ResponseStatus(204)
    @Operation(summary = "Remove an override; the date follows the weekday rule again")
    public void clear(@PathParam("date") LocalDate date) {
        service.clear(actor.get(), date);
    }
}
