package cn.landmarket.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Signing out and switching the language: both only set a cookie and go back. */
@Path("/")
@PermitAll
public class SessionPages {

    /** A year: the language choice outlives sessions. */
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

    @Inject
    SessionCookie session;

    @Inject
    Pages pages;

    @POST
    @Path("signout")
    @Operation(hidden = true)
    public Response signOut(@FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        return Response.seeOther(URI.create("/")).cookie(session.close()).build();
    }

    @GET
    @Path("lang/{lang}")
    @Operation(hidden = true)
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String value = "en".equals(lang) ? "en" : "zh";
        NewCookie cookie = new NewCookie.Builder(PageLanguage.COOKIE).value(value).path("/")
                .maxAge(LANGUAGE_COOKIE_SECONDS).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(Links.localPath(back))).cookie(cookie).build();
    }
}
