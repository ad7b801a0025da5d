package cn.landmarket.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.landmarket.common.error.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A failure on a page shows as a page: the same {@link Problem} the API would send (built once, by
 * the problem mapper), written as HTML for a browser that asked for a page outside {@code /api}.
 */
public class ProblemPage {

    @CheckedTemplate(basePath = "ProblemPage")
    static class Templates {
        static native TemplateInstance problem(Page page, Problem problem);
    }

    @Inject
    Pages pages;

    @ServerResponseFilter
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isPage(request)) {
            return;
        }
        Page page = io.vertx.core.Context.isOnEventLoopThread() ? pages.anonymousPage() : pages.page();
        String html = Templates.problem(page, problem).setLocale(page.locale()).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** A browser's request for a page: not the API or the management endpoints, and HTML accepted. */
    static boolean isPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        return request.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
    }
}
