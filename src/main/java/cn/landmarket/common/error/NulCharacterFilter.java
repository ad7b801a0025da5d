package cn.landmarket.common.error;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query carries a NUL character (%00): PostgreSQL cannot hold one
 * in text, so it would otherwise fail deep in a query as a 500. Answered as a 400 naming the field.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
            throw ApiException.invalid("path", MessageKey.REQUEST_NUL_CHARACTER);
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                throw ApiException.invalid(parameter.getKey().replace('\0', ' '), MessageKey.REQUEST_NUL_CHARACTER);
            }
        }
    }
}
