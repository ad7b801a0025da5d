package cn.landmarket.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.PartyService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * The per-request facts every page renders with: its language and its signed-in reader, read from
 * the same verified token as the API (the session cookie; see {@link SessionCookie}).
 */
@RequestScoped
public class Pages {

    @Inject
    ValidatorFactory validation;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentActor actors;

    @Inject
    PartyService parties;

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    private Page page;
    private String newFormToken;

    public Page page() {
        if (page == null) {
            page = page(locale(), uri.getPath(), viewer());
        }
        return page;
    }

    /**
     * The page without its reader, for the few responses rendered on an I/O thread (a path no page
     * matches), where the session cannot be verified without blocking.
     */
    public Page anonymousPage() {
        return page(locale(), uri.getPath(), Optional.empty());
    }

    /** A page for {@code viewer}, with its organisation's name as {@code GET /api/me} gives it. */
    Page page(Locale locale, String path, Optional<Actor> viewer) {
        String orgName = viewer.map(actor -> parties.me(actor).orgName()).orElse(null);
        return new Page(locale, path, viewer, orgName, formToken());
    }

    /** The reader's form token: its cookie's, or a new one that {@link FormTokenCookie} then sets. */
    String formToken() {
        var cookie = headers.getCookies().get(FormToken.COOKIE);
        if (cookie != null && FormToken.wellFormed(cookie.getValue())) {
            return cookie.getValue();
        }
        if (newFormToken == null) {
            newFormToken = FormToken.fresh();
        }
        return newFormToken;
    }

    /** The token minted in this request, which the response must set as the cookie; null if none. */
    String newFormToken() {
        return newFormToken;
    }

    /** Refuses a form post whose token is not the reader's (a forged cross-site post). */
    public void checkForm(String field) {
        var cookie = headers.getCookies().get(FormToken.COOKIE);
        if (!FormToken.matches(cookie == null ? null : cookie.getValue(), field)) {
            throw new FormRejected();
        }
    }

    public Locale locale() {
        var cookie = headers.getCookies().get(PageLanguage.COOKIE);
        List<Locale> acceptable;
        try {
            acceptable = headers.getAcceptableLanguages();
        } catch (RuntimeException malformed) {
            acceptable = List.of();
        }
        return PageLanguage.choose(cookie == null ? null : cookie.getValue(), acceptable);
    }

    /** The signed-in reader; empty when nobody is signed in or the session is no longer valid. */
    public Optional<Actor> viewer() {
        try {
            if (identity.isAnonymous()) {
                return Optional.empty();
            }
            return Optional.of(actors.get());
        } catch (AuthenticationFailedException | ApiException expiredOrUnusable) {
            return Optional.empty();
        }
    }

    /** The signed-in reader, or the 401 that sends a browser to the sign-in page. */
    public Actor requireViewer() {
        return viewer().orElseThrow(() -> new SignInRequired(uri.getPath()));
    }

    /** The signed-in reader, who must have {@code role}: 403 otherwise, as the API's role check answers. */
    public Actor requireViewer(Role role) {
        Actor actor = requireViewer();
        if (!actor.is(role)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return actor;
    }

    /**
     * A request's bean-constraint violations as the API reports them (each field with its message),
     * written in {@code locale}, by field name.
     */
    public <T> List<Refusal.Field> constraintViolations(T request, Locale locale) {
        MessageInterpolator base = validation.getMessageInterpolator();
        MessageInterpolator inLocale = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return base.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return base.interpolate(template, context, locale);
            }
        };
        List<Refusal.Field> fields = new ArrayList<>();
        for (ConstraintViolation<T> v : validation.usingContext().messageInterpolator(inLocale).getValidator()
                .validate(request)) {
            fields.add(new Refusal.Field(v.getPropertyPath().toString(), v.getMessage()));
        }
        fields.sort(Comparator.comparing(Refusal.Field::name).thenComparing(Refusal.Field::message));
        return fields;
    }

    /** The 400 the API would answer for the request's constraint violations, in {@code locale}; empty when none. */
    public <T> Optional<Refusal> validate(T request, Locale locale) {
        List<Refusal.Field> fields = constraintViolations(request, locale);
        return fields.isEmpty() ? Optional.empty() : Optional.of(Refusal.fields(fields, locale));
    }
}
