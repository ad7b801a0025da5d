package cn.landmarket.web;

import java.util.List;
import java.util.Locale;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;

/**
 * A service's refusal of a form, as a page shows it: the problem's detail and each rejected field's
 * message in the reader's language, and the status the API would answer with.
 */
public record Refusal(int status, String detail, List<Field> fields) {

    /** One rejected field of the form. */
    public record Field(String name, String message) {
    }

    public static Refusal of(ApiException e, Locale locale) {
        return new Refusal(e.code().status(), Localizer.render(e.detail(), locale), e.violations().stream()
                .map(v -> new Field(v.field(), Localizer.render(v.message(), locale))).toList());
    }

    /** A 400 naming the rejected fields, as the API's validation failure. */
    public static Refusal fields(List<Field> fields, Locale locale) {
        return new Refusal(ErrorCode.VALIDATION_FAILED.status(),
                Localizer.render(MessageKey.VALIDATION_FAILED, locale, fields.size()), fields);
    }

    /** The detail followed by each field's message, as one paragraph shows them. */
    public String sentence() {
        StringBuilder all = new StringBuilder(detail);
        fields.forEach(f -> all.append(' ').append(f.message()));
        return all.toString();
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::message).findFirst().orElse(null);
    }
}
