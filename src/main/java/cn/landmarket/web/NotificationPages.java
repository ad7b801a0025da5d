package cn.landmarket.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.notification.EventType;
import cn.landmarket.notification.MessageView;
import cn.landmarket.notification.NotificationService;
import cn.landmarket.notification.PreferencesRequest;
import cn.landmarket.notification.PreferencesView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 通知设置: the signed-in organisation's (enterprise, township, regulator) notification channels and
 * events, as {@code GET/PUT /api/notifications/preferences}, and its own recent messages, as
 * {@code GET /api/notifications/messages}. The webhook secret is never shown, only whether one is set.
 */
@Path("/notifications")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(Page page, Form form, boolean secretSet, boolean defaults,
                List<Choice> events, Refusal refusal, boolean saved, PageView<MessageView> messages, List<Line> lines,
                Paging paging);
    }

    /** The form as shown or as typed (the secret is never shown back). */
    public record Form(String email, String webhookUrl) {
    }

    /** One event the organisation may choose, and whether it is ticked. */
    public record Choice(EventType type, boolean checked) {
    }

    /** How far a message's delivery has got. */
    public enum Delivery {
        DELIVERED, PENDING, RETRYING, DEAD
    }

    /** A message as a row: its event (null for one the page does not know), times in the market zone. */
    public record Line(MessageView message, EventType type, Delivery delivery, OffsetDateTime createdAt,
            OffsetDateTime deliveredAt, OffsetDateTime nextAttemptAt, OffsetDateTime deadAt) {

        static Line of(MessageView m, ZoneId zone) {
            Delivery delivery = m.deliveredAt() != null ? Delivery.DELIVERED
                    : m.deadAt() != null ? Delivery.DEAD : m.attempts() > 0 ? Delivery.RETRYING : Delivery.PENDING;
            return new Line(m, type(m.event()), delivery, at(m.createdAt(), zone), at(m.deliveredAt(), zone),
                    at(m.nextAttemptAt(), zone), at(m.deadAt(), zone));
        }

        private static EventType type(String name) {
            return Arrays.stream(EventType.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
        }

        private static OffsetDateTime at(String instant, ZoneId zone) {
            return instant == null ? null : Instant.parse(instant).atZone(zone).toOffsetDateTime();
        }
    }

    @Inject
    Pages pages;

    @Inject
    NotificationService notifications;

    @Inject
    MarketConfig market;

    /** The signed-in reader, who must be an organisation that has notifications (403 otherwise, as the API). */
    static Actor organisation(Pages pages) {
        Actor actor = pages.requireViewer();
        if (!actor.is(Role.ENTERPRISE) && !actor.is(Role.TOWNSHIP) && !actor.is(Role.REGULATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return actor;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@QueryParam("page") String page, @QueryParam("saved") String saved) {
        Actor actor = organisation(pages);
        PreferencesView view = notifications.preferences(actor);
        Set<String> chosen = Set.copyOf(view.events());
        List<Choice> events = view.available().stream().map(EventType::valueOf)
                .map(t -> new Choice(t, chosen.contains(t.name()))).toList();
        return render(actor, new Form(view.email(), view.webhookUrl()), view, events, null, saved != null,
                Paging.number(page));
    }

    @POST
    @Operation(hidden = true)
    public Response save(@FormParam(FormToken.FIELD) String csrf, @FormParam("email") String email,
            @FormParam("webhookUrl") String webhookUrl, @FormParam("webhookSecret") String webhookSecret,
            @FormParam("events") List<String> events) {
        pages.checkForm(csrf);
        Actor actor = organisation(pages);
        PreferencesView before = notifications.preferences(actor);
        Set<String> ticked = new LinkedHashSet<>();
        if (events != null) {
            events.stream().filter(e -> e != null && !e.isBlank()).forEach(ticked::add);
        }
        // Every event of the organisation's kind ticked: the default, which also takes events added later.
        List<String> chosen = ticked.equals(new LinkedHashSet<>(before.available())) ? null : new ArrayList<>(ticked);
        try {
            notifications.setPreferences(actor, new PreferencesRequest(email, webhookUrl, webhookSecret, chosen), true);
        } catch (ApiException e) {
            Page p = pages.page();
            Refusal refusal = Refusal.of(e, p.locale());
            List<Choice> shown = before.available().stream().map(EventType::valueOf)
                    .map(t -> new Choice(t, ticked.contains(t.name()))).toList();
            return Response.status(refusal.status()).entity(render(actor, new Form(email, webhookUrl), before, shown,
                    refusal, false, 0)).build();
        }
        return Response.seeOther(URI.create("/notifications?saved=1")).build();
    }

    private TemplateInstance render(Actor actor, Form form, PreferencesView view, List<Choice> events,
            Refusal refusal, boolean saved, int page) {
        PageView<MessageView> messages = notifications.messages(actor, new PageRequest(page, PAGE_SIZE));
        ZoneId zone = market.zone();
        List<Line> lines = messages.items().stream().map(m -> Line.of(m, zone)).toList();
        Page p = pages.page();
        return Templates.notifications(p, form, view.webhookSecretSet(), view.defaultEvents(), events, refusal, saved,
                messages, lines, Paging.of(messages, n -> "/notifications?page=" + n + "#h-messages"))
                .setLocale(p.locale());
    }
}
