package cn.landmarket.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.arc.Arc;

/** Sets the form token cookie when a page minted one for its forms. */
public class FormTokenCookie {

    @Inject
    SessionCookie cookies;

    @ServerResponseFilter
    public void setCookie(ContainerResponseContext response) {
        var context = Arc.container().requestContext();
        if (!context.isActive()) {
            return;
        }
        var handle = Arc.container().instance(Pages.class);
        String token = handle.isAvailable() ? handle.get().newFormToken() : null;
        if (token != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.formToken(token));
        }
    }
}
