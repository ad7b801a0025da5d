package cn.landmarket.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.profile.UnlessBuildProfile;

/**
 * Production's {@code /signin}, where the sign-in link and {@link SignInRequired} send a reader:
 * straight on to the identity provider through {@link OidcSignInPage}, with the page to return to.
 * Dev and test builds have {@link DevSignInPage} here instead.
 */
@Path("/signin")
@PermitAll
@UnlessBuildProfile(anyOf = {"dev", "test"})
public class SignInPage {

    @GET
    @Operation(hidden = true)
    public Response signIn(@QueryParam("back") String back) {
        return Response.seeOther(to(back)).build();
    }

    static URI to(String back) {
        return URI.create("/signin/oidc?back=" + Links.encode(Links.localPath(back)));
    }
}
