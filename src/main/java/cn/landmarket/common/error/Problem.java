package cn.landmarket.common.error;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with the machine-readable {@code code} and field-level {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public Problem(String type, String title, int status, String detail, String instance, String code,
            List<FieldError> errors) {
        this(type, title, status, detail, instance, code, errors, Map.of());
    }

    /** Extension members (RFC 9457 section 3.2), written at the top level of the problem. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** One field-level error: the JSON path of the field, a stable code and a localised message. */
    public record FieldError(String field, String code, String message) {
    }
}
