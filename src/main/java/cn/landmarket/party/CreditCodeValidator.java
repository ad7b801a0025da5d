package cn.landmarket.party;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;


/** Checks {@link ValidCreditCode}, naming the exact defect (length, character, check character). */
public class CreditCodeValidator implements ConstraintValidator<ValidCreditCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return CreditCode.check(value).map(problem -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "{credit-code." + problem.name().toLowerCase().replace('_', '-') + "}").addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
