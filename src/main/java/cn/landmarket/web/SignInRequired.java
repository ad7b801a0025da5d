package cn.landmarket.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page that needs a signed-in reader was asked for without one: the browser goes to sign in and comes back. */
public class SignInRequired extends RuntimeException {

    private final String back;

    public SignInRequired(String back) {
        super("sign-in required", null, false, false);
        this.back = back;
    }

    public String back() {
        return back;
    }

    /** Maps the exception to a 303 to the sign-in page with the page to return to. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response toSignIn(SignInRequired e) {
            return Response.seeOther(URI.create("/signin?back=" + Links.encode(Links.localPath(e.back())))).build();
        }
    }
}
