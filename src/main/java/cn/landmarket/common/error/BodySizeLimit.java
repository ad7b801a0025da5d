package cn.landmarket.common.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.common.logging.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem before the HTTP layer's own bare 413; the body is never read, so nothing changes.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Runs before the HTTP layer's limit check, which has order -2. */
    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(ORDER)
                .handler(context -> check(context, limit.asLongValue())));
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        Locale locale = locale(context);
        ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(code.type(), Localizer.render(code.titleKey(), locale), code.status(),
                Localizer.render(MessageKey.HTTP_413, locale), context.request().path(), code.name(), null,
                requestId(context));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .putHeader("Connection", "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }

    private static Map<String, Object> requestId(RoutingContext context) {
        String id = context.get(RequestIds.MDC_KEY);
        return id == null ? Map.of() : Map.of(RequestIds.MDC_KEY, id);
    }

    private static Locale locale(RoutingContext context) {
        try {
            List<Locale> acceptable = new ArrayList<>();
            for (LanguageHeader language : context.acceptableLanguages()) {
                acceptable.add(Locale.forLanguageTag(language.value()));
            }
            return Localizer.choose(acceptable);
        } catch (RuntimeException malformedHeader) {
            return Localizer.ENGLISH;
        }
    }
}
