package cn.landmarket.party;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value is a GB 32100-2015 unified social credit code with a correct check character. */
@Documented
@Constraint(validatedBy = CreditCodeValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface ValidCreditCode {
    String message() default "{credit-code.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
