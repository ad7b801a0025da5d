package cn.landmarket.common.logging;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a sane token, a
 * fresh one otherwise. The id is echoed in the response header, sits in the logging MDC under
 * {@code requestId} for every line logged while the request is handled, and ends the request with
 * one access line (method, path, status, duration; never headers, query or body), except for
 * health probes that succeed.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Category of the access lines, so that operators can turn them up or down on their own. */
    public static final String ACCESS_CATEGORY = "cn.landmarket.access";

    private static final Logger ACCESS = Logger.getLogger(ACCESS_CATEGORY);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String HEALTH = "/q/health";

    /** Runs before everything else, including the body size check (order -3), so its 413 carries the id too. */
    private static final int ORDER = -10;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String id = accept(context.request().getHeader(HEADER));
        long started = System.nanoTime();
        context.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.addEndHandler(done -> {
            int status = context.response().getStatusCode();
            if (status < 400 && context.request().path().startsWith(HEALTH)) {
                return; // probes every few seconds: only a failing one is worth a line
            }
            // the end handler may run outside the request's context: name the id explicitly
            Object previous = MDC.put(MDC_KEY, id);
            try {
                ACCESS.infof("%s %s %d %d ms", context.request().method(), context.request().path(), status,
                        (System.nanoTime() - started) / 1_000_000);
            } finally {
                if (previous == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, previous);
                }
            }
        });
        context.next();
    }

    /** The id of the request being handled on this thread or Vert.x context, or null outside one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /**
     * The caller's id when it is 1 to 64 characters of {@code [A-Za-z0-9._-]}, else a new random one,
     * so nothing a caller sends can forge or break a log line.
     */
    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
