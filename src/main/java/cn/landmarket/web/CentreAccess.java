package cn.landmarket.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;

/** What every page of the trading centre's console shares: who may read it, and refusals in the reader's language. */
final class CentreAccess {

    private CentreAccess() {
    }

    /** The signed-in reader, who must be an operator (403 otherwise, as the API's role check). */
    static Actor operator(Pages pages) {
        Actor actor = pages.requireViewer();
        if (!actor.is(Role.OPERATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return actor;
    }

    /** A request's constraint violations as the API reports them (400, each field with its message), in {@code locale}. */
    static <T> Refusal violations(ValidatorFactory validation, T request, Locale locale) {
        MessageInterpolator base = validation.getMessageInterpolator();
        MessageInterpolator inLocale = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return base.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return base.interpolate(template, context, locale);
            }
        };
        var violations = validation.usingContext().messageInterpolator(inLocale).getValidator().validate(request);
        if (violations.isEmpty()) {
            return null;
        }
        List<Refusal.Field> fields = new ArrayList<>();
        for (ConstraintViolation<T> v : violations) {
            fields.add(new Refusal.Field(v.getPropertyPath().toString(), v.getMessage()));
        }
        fields.sort(Comparator.comparing(Refusal.Field::name).thenComparing(Refusal.Field::message));
        return fields(fields, locale);
    }

    /** A 400 naming the rejected fields. */
    static Refusal fields(List<Refusal.Field> fields, Locale locale) {
        return new Refusal(ErrorCode.VALIDATION_FAILED.status(),
                Localizer.render(MessageKey.VALIDATION_FAILED, locale, fields.size()), fields);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
