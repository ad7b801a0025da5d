package cn.landmarket.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.bank.BankNoticeReader;
import cn.landmarket.bank.BankNoticeRequest;
import cn.landmarket.bank.ManualNoticeService;
import cn.landmarket.bank.ManualNoticeStatus;
import cn.landmarket.bank.ManualNoticeView;
import cn.landmarket.bank.NoticeKind;
import cn.landmarket.bank.NoticeMismatchView;
import cn.landmarket.bank.NoticeOutcome;
import cn.landmarket.bank.NoticeResponse;
import cn.landmarket.common.InvalidMoneyException;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.error.StorableText;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 人工录入到账: bookings typed in from the bank statement under maker-checker, as
 * {@code /api/bank/notifications/manual}. One operator enters a booking (the form's fields become
 * the same JSON body the API reads, read by the same reader, so amounts and times are parsed
 * exactly as there); a different operator approves or rejects it.
 */
@Path("/centre/notices")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreNoticesPage {

    /** How many waiting entries the page lists, oldest first (the count names them all). */
    static final int PAGE_SIZE = PageRequest.MAX_SIZE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notices(Page page, NoticeForm form, Refusal refusal, Refusal decision,
                Long refusedId, Waiting waiting, Done done);

        static native TemplateInstance mismatches(Page page, PageView<NoticeMismatchView> mismatches, Paging paging);
    }

    /** The entry form as typed: the fields of the API's body, the amount in yuan, the time in the market's zone. */
    public record NoticeForm(String transactionId, String kind, String account, String amount,
            String counterpartyName, String counterpartyAccount, String bookedAt, String reference) {

        public NoticeKind[] kinds() {
            return NoticeKind.values();
        }
    }

    /**
     * The entries waiting for a checker, one page of them with links to the others, and how many
     * notices are held as mismatches (listed on their own page).
     */
    public record Waiting(PageView<ManualNoticeView> entries, Paging paging, long mismatches) {
    }

    /** What the reader just did, for the status line: entered, approved (with the outcome) or rejected. */
    public record Done(String action, long id, NoticeOutcome outcome) {
    }

    @Inject
    Pages pages;

    @Inject
    ManualNoticeService manual;

    @Inject
    BankNoticeReader reader;

    @Inject
    MarketConfig config;

    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("entered") Long entered, @QueryParam("approved") Long approved,
            @QueryParam("outcome") String outcome, @QueryParam("rejected") Long rejected,
            @QueryParam("page") String page) {
        pages.requireViewer(Role.OPERATOR);
        Done done = entered != null ? new Done("entered", entered, null)
                : approved != null ? new Done("approved", approved, outcome(outcome))
                : rejected != null ? new Done("rejected", rejected, null) : null;
        Page p = pages.page();
        return Templates.notices(p, emptyForm(), null, null, null, waiting(page), done).setLocale(p.locale());
    }

    @POST
    @Operation(hidden = true)
    public Response enter(@FormParam(FormToken.FIELD) String csrf, @FormParam("transactionId") String transactionId,
            @FormParam("kind") String kind, @FormParam("account") String account, @FormParam("amount") String amount,
            @FormParam("counterpartyName") String counterpartyName,
            @FormParam("counterpartyAccount") String counterpartyAccount, @FormParam("bookedAt") String bookedAt,
            @FormParam("reference") String reference) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        NoticeForm form = new NoticeForm(transactionId, kind, account, amount, counterpartyName, counterpartyAccount,
                bookedAt, reference);
        Page p = pages.page();
        byte[] body = body(form, config.zone());
        BankNoticeRequest request;
        try {
            request = reader.read(body);
        } catch (ConstraintViolationException e) {
            return refused(p, form, pages.validate(e.getConstraintViolations().iterator().next().getRootBean(), p.locale()).orElse(null));
        } catch (IOException e) {
            return refused(p, form, unreadable(e, p.locale()));
        } catch (ApiException e) {
            return refused(p, form, Refusal.of(e, p.locale()));
        }
        try {
            ManualNoticeService.Entered entered = manual.enter(request, body, actor);
            return Response.seeOther(URI.create("/centre/notices?entered=" + entered.view().id())).build();
        } catch (ApiException e) {
            return refused(p, form, Refusal.of(e, p.locale()));
        }
    }

    @POST
    @Path("{id}/approve")
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        try {
            NoticeResponse response = manual.approve(id, actor);
            return Response.seeOther(URI.create("/centre/notices?approved=" + id + "&outcome="
                    + response.outcome().name())).build();
        } catch (ApiException e) {
            return decisionRefused(id, e);
        }
    }

    @POST
    @Path("{id}/reject")
    @Operation(hidden = true)
    public Response reject(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reason") String reason) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        var request = new cn.landmarket.bank.RejectNoticeRequest(reason);
        Refusal invalid = pages.validate(request, p.locale()).orElse(null);
        if (invalid != null) {
            return Response.status(invalid.status()).entity(Templates.notices(p, emptyForm(), null, invalid, id,
                    waiting(null), null).setLocale(p.locale())).build();
        }
        try {
            manual.reject(id, actor, reason);
            return Response.seeOther(URI.create("/centre/notices?rejected=" + id)).build();
        } catch (ApiException e) {
            return decisionRefused(id, e);
        }
    }

    private Response decisionRefused(long id, ApiException e) {
        Page p = pages.page();
        Refusal refusal = Refusal.of(e, p.locale());
        return Response.status(refusal.status()).entity(Templates.notices(p, emptyForm(), null, refusal, id,
                waiting(null), null).setLocale(p.locale())).build();
    }

    private Response refused(Page p, NoticeForm form, Refusal refusal) {
        return Response.status(refusal.status()).entity(Templates.notices(p, form, refusal, null, null,
                waiting(null), null).setLocale(p.locale())).build();
    }

    private Waiting waiting(String page) {
        PageView<ManualNoticeView> entries = manual.list(ManualNoticeStatus.PENDING_APPROVAL,
                new PageRequest(Paging.number(page), PAGE_SIZE));
        return new Waiting(entries, Paging.of(entries, n -> "/centre/notices?page=" + n + "#h-waiting"),
                manual.mismatches(new PageRequest(0, 1)).total());
    }

    /**
     * 到账不一致: notices held because a notice already counted from the other source has their
     * account and booking time but another amount or payer account, oldest first, each beside the
     * counted one, as {@code GET /api/bank/notifications/mismatches} lists them.
     */
    @GET
    @Path("mismatches")
    @Operation(hidden = true)
    public TemplateInstance mismatches(@QueryParam("page") String page) {
        pages.requireViewer(Role.OPERATOR);
        PageView<NoticeMismatchView> held = manual.mismatches(new PageRequest(Paging.number(page), PAGE_SIZE));
        Page p = pages.page();
        return Templates.mismatches(p, held, Paging.of(held, n -> "/centre/notices/mismatches?page=" + n))
                .setLocale(p.locale());
    }

    private NoticeForm emptyForm() {
        String now = LocalDateTime.now(clock.withZone(config.zone())).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return new NoticeForm("", NoticeKind.CREDIT.name(), "", "", "", "", now, "");
    }

    private static NoticeOutcome outcome(String name) {
        try {
            return name == null ? null : NoticeOutcome.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The API's JSON body for the form: blank fields left out (so the API's "required" checks
     * apply), the amount as the yuan text typed, the booking time typed in the market's zone with
     * that zone's offset (a time that cannot be read is passed on as typed, and refused as the API
     * refuses it).
     */
    static byte[] body(NoticeForm form, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "transactionId", form.transactionId());
        put(body, "kind", form.kind());
        put(body, "account", form.account());
        put(body, "amount", form.amount());
        put(body, "counterpartyName", form.counterpartyName());
        put(body, "counterpartyAccount", form.counterpartyAccount());
        String at = CentreAccess.blankToNull(form.bookedAt());
        if (at != null) {
            try {
                body.put("bookedAt", LocalDateTime.parse(at, TYPED).atZone(zone).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeParseException notATime) {
                body.put("bookedAt", at);
            }
        }
        put(body, "reference", form.reference());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, Object> body, String field, String value) {
        String v = CentreAccess.blankToNull(value);
        if (v != null) {
            body.put(field, v);
        }
    }

    /** A body the reader could not read, as the API's problem says it: the field and why. */
    static Refusal unreadable(IOException e, Locale locale) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).collect(Collectors.joining("."));
            MessageKey key = e instanceof StorableText.UnstorableTextException ? StorableText.KEY
                    : rootCause(e) instanceof InvalidMoneyException ? MessageKey.JSON_MONEY
                    : MessageKey.JSON_INVALID_VALUE;
            return Refusal.fields(List.of(new Refusal.Field(field, Localizer.render(key, locale))), locale);
        }
        return new Refusal(cn.landmarket.common.error.ErrorCode.MALFORMED_REQUEST.status(),
                Localizer.render(MessageKey.JSON_MALFORMED, locale), List.of());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
