package cn.landmarket.common.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.landmarket.common.InvalidMoneyException;
import cn.landmarket.common.logging.RequestIds;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where every failure becomes an {@code application/problem+json} response. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.FieldError> errors = e.violations().isEmpty() ? null : e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message().key().bundleKey(), Localizer.render(v.message(), locale)))
                .toList();
        Response response = respond(e.code(), Localizer.render(e.detail(), locale), errors, headers, uri);
        if (e.extensions().get("retryAfterSeconds") instanceof Number wait) {
            response = Response.fromResponse(response).header("Retry-After", wait.longValue()).build();
        }
        if (e.extensions().isEmpty()) {
            return response;
        }
        Problem p = (Problem) response.getEntity();
        Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
        extensions.putAll(p.extensions());
        return Response.fromResponse(response).entity(new Problem(p.type(), p.title(), p.status(), p.detail(),
                p.instance(), p.code(), p.errors(), extensions)).build();
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, HttpHeaders headers, UriInfo uri) {
        return constraintViolations(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), "constraint." + constraint,
                    violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::code));
        return respond(ErrorCode.VALIDATION_FAILED, Localizer.render(MessageKey.VALIDATION_FAILED, locale, errors.size()), errors,
                headers, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            MessageKey key;
            Object[] args = {};
            if (e instanceof UnrecognizedPropertyException) {
                key = MessageKey.JSON_UNKNOWN_FIELD;
            } else if (e instanceof StorableText.UnstorableTextException) {
                key = StorableText.KEY;
            } else if (rootCause(e) instanceof InvalidMoneyException) {
                key = MessageKey.JSON_MONEY;
            } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                key = MessageKey.JSON_WRONG_TYPE;
                Class<?> target = ((MismatchedInputException) e).getTargetType();
                args = new Object[] {target == null ? "?" : typeName(target)};
            } else {
                key = MessageKey.JSON_INVALID_VALUE;
            }
            List<Problem.FieldError> errors = List.of(
                    new Problem.FieldError(field, key.bundleKey(), Localizer.render(key, locale, args)));
            return respond(ErrorCode.VALIDATION_FAILED, Localizer.render(MessageKey.VALIDATION_FAILED, locale, 1), errors,
                    headers, uri);
        }
        return respond(ErrorCode.MALFORMED_REQUEST, Localizer.render(MessageKey.JSON_MALFORMED, locale), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return json(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return notAuthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return notAuthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ErrorCode.FORBIDDEN, Localizer.render(MessageKey.FORBIDDEN_ROLE, locale(headers)), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        String field = uri.getQueryParameters().entrySet().stream()
                .filter(entry -> entry.getValue().contains(e.value())).map(java.util.Map.Entry::getKey)
                .findFirst().orElse("");
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, MessageKey.PARAM_INVALID.bundleKey(),
                Localizer.render(MessageKey.PARAM_INVALID, locale, e.value(), e.expected())));
        return respond(ErrorCode.VALIDATION_FAILED, Localizer.render(MessageKey.VALIDATION_FAILED, locale, 1), errors, headers,
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // the JSON body reader wraps syntax errors and failed creators (such as Money's) in a bare 400
            return json(unreadable, headers, uri);
        }
        int status = e.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        if (status >= 500) {
            LOG.error("Web failure on " + uri.getPath(), e);
        }
        String detail = MessageKey.find("http." + status).map(key -> Localizer.render(key, locale(headers)))
                .orElse(e.getMessage());
        return respond(code, status, detail, null, headers, uri);
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(ErrorCode.CONFLICT, Localizer.render(MessageKey.CONCURRENT_CHANGE, locale(headers)), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        if (clientWentAway(e)) {
            // the client closed the connection before its request body was read: nothing failed here,
            // nobody will read the answer, and an ERROR would page the operator for a closed browser tab
            LOG.infof("Client closed the connection before its request to %s was read", uri.getPath());
            return respond(ErrorCode.MALFORMED_REQUEST, 400,
                    MessageKey.find("http.400").map(key -> Localizer.render(key, locale(headers))).orElse(null), null,
                    headers, uri);
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(ErrorCode.INTERNAL, Localizer.render(MessageKey.INTERNAL, locale(headers)), null, headers, uri);
    }

    private Response notAuthenticated(HttpHeaders headers, UriInfo uri) {
        Response response = respond(ErrorCode.NOT_AUTHENTICATED, Localizer.render(MessageKey.UNAUTHENTICATED, locale(headers)),
                null, headers, uri);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response respond(ErrorCode code, String detail, List<Problem.FieldError> errors, HttpHeaders headers,
            UriInfo uri) {
        return respond(code, code.status(), detail, errors, headers, uri);
    }

    private Response respond(ErrorCode code, int status, String detail, List<Problem.FieldError> errors,
            HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        LOG.debugf("Problem %d %s on %s", status, code, uri.getPath());
        Problem problem = new Problem(code.type(), Localizer.render(code.titleKey(), locale), status, detail,
                uri.getPath(), code.name(), errors, requestId());
        return Response.status(status).type(PROBLEM_JSON).header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(problem).build();
    }

    /** The request's id as the {@code requestId} extension member, so a caller can quote it to support. */
    private static Map<String, Object> requestId() {
        String id = RequestIds.current();
        return id == null ? Map.of() : Map.of(RequestIds.MDC_KEY, id);
    }

    private static Locale locale(HttpHeaders headers) {
        try {
            return Localizer.choose(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Localizer.ENGLISH;
        }
    }

    /** {@code create.request.terms.startPrice} becomes {@code terms.startPrice}; a bare parameter keeps its name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && field.length() > 0) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (field.length() > 0) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        return field.length() > 0 ? field.toString() : parameter == null ? "" : parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** Whether {@code e} comes from the client closing its connection while the request was read. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String typeName(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == boolean.class ? "boolean" : "integer";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 date-time";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
