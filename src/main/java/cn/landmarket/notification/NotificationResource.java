package cn.landmarket.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of notifications: each organisation's choices and messages, and the operators' dead letters. */
@Path("/api/notifications")
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

    @Inject
    NotificationService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/preferences")
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.TOWNSHIP_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "The caller's notification channels and events (every event of its kind until it chooses)")
    public PreferencesView preferences() {
        return service.preferences(actor.get());
    }

    @PUT
    @Path("/preferences")
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.TOWNSHIP_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "Sets the caller's e-mail address, webhook URL and secret, and events (replaces all)")
    public PreferencesView setPreferences(@NotNull PreferencesRequest request) {
        return service.setPreferences(actor.get(), request);
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.TOWNSHIP_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "The caller's own messages and their delivery, newest first")
    public PageView<MessageView> messages(@Valid @BeanParam PageRequest page) {
        return service.messages(actor.get(), page);
    }

    @GET
    @Path("/dead-letters")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @Operation(summary = "Messages that failed every attempt, oldest first")
    public PageView<MessageView> deadLetters(@Valid @BeanParam PageRequest page) {
        return service.deadLetters(page);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @Operation(summary = "Gives a dead letter a fresh set of attempts, to the organisation's current address")
    public MessageView replay(@PathParam("id") String id) {
        return service.replay(actor.get(), id);
    }
}
