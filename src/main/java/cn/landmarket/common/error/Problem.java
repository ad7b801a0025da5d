package cn.landmarket.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with the machine-readable {@code code} and field-level {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    /** One field-level error: the JSON path of the field, a stable code and a localised message. */
    public record FieldError(String field, String code, String message) {
    }
}
