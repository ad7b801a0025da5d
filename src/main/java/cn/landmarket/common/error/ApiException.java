package cn.landmarket.common.error;

import java.util.List;
import java.util.Map;

/** A business error that the API reports as problem+json; thrown by services, mapped in one place. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Message detail;
    private final List<FieldViolation> violations;
    private final Map<String, Object> extensions;

    public ApiException(ErrorCode code, Message detail, List<FieldViolation> violations) {
        this(code, detail, violations, Map.of());
    }

    /** With extension members of the problem, e.g. the lowest acceptable amount of a rejected bid. */
    public ApiException(ErrorCode code, Message detail, List<FieldViolation> violations,
            Map<String, Object> extensions) {
        super(code + ": " + detail.key() + " " + detail.args());
        this.code = code;
        this.detail = detail;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public ApiException(ErrorCode code, MessageKey detailKey, Object... args) {
        this(code, Message.of(detailKey, args), List.of());
    }

    /** A 400 listing every rejected field. */
    public static ApiException invalid(List<FieldViolation> violations) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, Message.of(MessageKey.VALIDATION_FAILED, violations.size()), violations);
    }

    public static ApiException invalid(String field, MessageKey key, Object... args) {
        return invalid(List.of(FieldViolation.of(field, key, args)));
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, MessageKey.NOT_FOUND, what, String.valueOf(id));
    }

    public static ApiException forbidden(MessageKey key, Object... args) {
        return new ApiException(ErrorCode.FORBIDDEN, key, args);
    }

    public static ApiException invalidState(MessageKey key, Object... args) {
        return new ApiException(ErrorCode.INVALID_STATE, key, args);
    }

    public ErrorCode code() {
        return code;
    }

    public Message detail() {
        return detail;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
