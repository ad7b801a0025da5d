package cn.landmarket.party;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value is an administrative division code of the given kind. */
@Documented
@Constraint(validatedBy = DivisionCodeValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidDivisionCode {

    /** Which kind of code is expected. */
    Kind value();

    String message() default "{division-code.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The kinds of division code the API takes. */
    enum Kind {
        /** A 9-digit township code. */
        TOWNSHIP,
        /** A 6-digit county-level code. */
        COUNTY,
        /** A 2, 4, 6 or 9 digit prefix naming a province, prefecture, county or township. */
        REGION_PREFIX,
        /** A 6-digit code of a province, prefecture or county: a regulator's, naming its jurisdiction. */
        AUTHORITY
    }
}
