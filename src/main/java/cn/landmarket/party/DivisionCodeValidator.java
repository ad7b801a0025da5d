package cn.landmarket.party;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;


/** Checks {@link ValidDivisionCode}. */
public class DivisionCodeValidator implements ConstraintValidator<ValidDivisionCode, String> {

    private ValidDivisionCode.Kind kind;

    @Override
    public void initialize(ValidDivisionCode annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        boolean valid = switch (kind) {
            case TOWNSHIP -> DivisionCode.isTownship(value);
            case COUNTY -> DivisionCode.isCounty(value);
            case REGION_PREFIX -> DivisionCode.isRegionPrefix(value);
            case AUTHORITY -> DivisionCode.isDivision(value);
        };
        if (!valid) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{division-code." + kind.name().toLowerCase().replace('_', '-') + "}")
                    .addConstraintViolation();
        }
        return valid;
    }
}
