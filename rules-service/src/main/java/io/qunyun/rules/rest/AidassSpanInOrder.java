package io.qunyun.rules.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The AIDASS span must not run backwards: {@code to} may not come before {@code from}. Reported on {@code to}. */
@Documented
@Constraint(validatedBy = AidassSpanInOrder.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AidassSpanInOrder {

    String message() default "must not come before from (AIDASS order: ATTENTION, INTEREST, DESIRE, ACTION, SATISFACTION, SHARE)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AidassSpanInOrder, PositioningRequest> {

        @Override
        public boolean isValid(PositioningRequest request, ConstraintValidatorContext context) {
            if (request == null || request.from() == null || request.to() == null
                    || request.from().compareTo(request.to()) <= 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to")
                    .addConstraintViolation();
            return false;
        }
    }
}
