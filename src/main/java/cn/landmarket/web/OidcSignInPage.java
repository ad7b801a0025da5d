package cn.landmarket.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.CurrentActor;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Production sign-in: the end of the OpenID Connect authorization code flow (with PKCE), which
 * quarkus-oidc runs on this path only ({@code quarkus.http.auth.permission.oidc-signin}). By the time
 * this page runs the provider has authenticated the reader; the page takes the access token it
 * issued, checks it as the API checks a bearer token (smallrye-jwt: signature against the provider's
 * keys, issuer, audience, expiry; one marketplace role and an {@code org}), puts it into the session
 * cookie and ends quarkus-oidc's own session, so that the reader has exactly one session: the same
 * token the API accepts. A token the marketplace cannot use ends on a refusal page.
 * <p>
 * The page does not redirect to where the reader was going: it answers with a page that moves on by
 * itself ({@code meta refresh}). The reader arrives here from the provider's site, and a browser
 * sends no SameSite=Strict cookie on a navigation another site started, redirects included; the next
 * navigation starts from this page, on this site, and carries the new session.
 * <p>
 * With OIDC off (dev and test) no authentication mechanism serves this path and it answers 401.
 */
@Path("/signin/oidc")
public class OidcSignInPage {

    private static final Logger LOG = Logger.getLogger(OidcSignInPage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedIn(Page page, String back);

        static native TemplateInstance refused(Page page, String reason);

        static native TemplateInstance failed(Page page, String back);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @Inject
    JWTParser tokens;

    @Inject
    SessionCookie session;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@QueryParam("back") String back) {
        String to = Links.localPath(back);
        // One session only: the marketplace's. quarkus-oidc's cookie has done its work.
        oidcSession.logout().await().indefinitely();
        Locale locale = pages.locale();
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        JsonWebToken token;
        try {
            if (credential == null || credential.getToken() == null || credential.isOpaque()) {
                throw new ParseException("the provider issued no JWT access token");
            }
            token = tokens.parse(credential.getToken());
        } catch (ParseException e) {
            LOG.warnf("The identity provider's access token for %s is not one the marketplace accepts: %s",
                    identity.getPrincipal().getName(), e.getMessage());
            return refused(Response.Status.UNAUTHORIZED, locale, null);
        }
        Actor actor;
        try {
            actor = CurrentActor.of(token);
        } catch (ApiException e) {
            return refused(Response.Status.fromStatusCode(e.code().status()), locale,
                    Localizer.render(e.detail(), locale));
        }
        Instant now = Instant.now(clock);
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        Page page = pages.page(locale, to, Optional.of(actor));
        return Response.ok(Templates.signedIn(page, to).setLocale(locale))
                .cookie(session.open(credential.getToken(), expires, now)).build();
    }

    /**
     * Where quarkus-oidc sends the reader when the provider answers the authorization request with
     * an error (the reader cancelled, or may not use this client): still not signed in.
     */
    @GET
    @Path("error")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response failed(@QueryParam("back") String back, @QueryParam("error") String error) {
        LOG.infof("The identity provider ended a sign-in with the error %s", error);
        Locale locale = pages.locale();
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.failed(home(locale), Links.localPath(back)).setLocale(locale)).build();
    }

    /** The refusal page; {@code reason} is the API's refusal in the reader's language, or null for a token it rejects. */
    private Response refused(Response.Status status, Locale locale, String reason) {
        return Response.status(status).entity(Templates.refused(home(locale), reason).setLocale(locale)).build();
    }

    /**
     * A page for a reader who is not signed in, whose header links (language, sign-in) lead back to
     * the announcements rather than into another round of sign-in.
     */
    private Page home(Locale locale) {
        return pages.page(locale, "/", Optional.empty());
    }
}
