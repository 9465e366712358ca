package org.fonds.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

/** The annotated string, when not null, is a well-formed BCP 47 language tag (checked by the JDK's parser). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, ru, ko-Hang or ru-Latn";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isWellFormed(value);
        }

        public static boolean isWellFormed(String tag) {
            if (tag.isBlank() || tag.length() > 35) {
                return false;
            }
            try {
                new Locale.Builder().setLanguageTag(tag);
                return true;
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
