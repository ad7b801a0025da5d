package cn.landmarket.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.notification.MessageView;
import cn.landmarket.notification.NotificationService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 投递失败的通知: the messages that failed every attempt, oldest first, as
 * {@code GET /api/notifications/dead-letters}, each with a button that replays it as
 * {@code POST /api/notifications/dead-letters/{id}/replay} (operators only).
 */
@Path("/centre/dead-letters")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreDeadLettersPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(Page page, PageView<MessageView> letters,
                List<NotificationPages.Line> lines, Paging paging, String replayed, Refusal refusal);
    }

    @Inject
    Pages pages;

    @Inject
    NotificationService notifications;

    @Inject
    MarketConfig market;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("page") String page, @QueryParam("replayed") String replayed) {
        Actor actor = pages.requireViewer(Role.OPERATOR);
        return render(actor, Paging.number(page), uuid(replayed), null);
    }

    @POST
    @Path("{id}/replay")
    @Operation(hidden = true)
    public Response replay(@PathParam("id") String id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        try {
            notifications.replay(actor, id);
        } catch (ApiException e) {
            Refusal refusal = Refusal.of(e, pages.page().locale());
            return Response.status(refusal.status()).entity(render(actor, 0, null, refusal)).build();
        }
        return Response.seeOther(URI.create("/centre/dead-letters?replayed=" + id)).build();
    }

    /** How many dead letters wait, for the console's home. */
    static long count(NotificationService notifications) {
        return notifications.deadLetters(new PageRequest(0, 1)).total();
    }

    private TemplateInstance render(Actor actor, int page, String replayed, Refusal refusal) {
        PageView<MessageView> letters = notifications.deadLetters(new PageRequest(page, PAGE_SIZE));
        ZoneId zone = market.zone();
        List<NotificationPages.Line> lines = letters.items().stream()
                .map(m -> NotificationPages.Line.of(m, zone)).toList();
        Page p = pages.page();
        return Templates.deadLetters(p, letters, lines, Paging.of(letters, n -> "/centre/dead-letters?page=" + n),
                replayed, refusal).setLocale(p.locale());
    }

    /** The id a replay redirected with, if it is one (nothing else is echoed). */
    private static String uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
