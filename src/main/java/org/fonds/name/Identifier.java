package org.fonds.name;

import org.fonds.http.ProblemException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The identifier of an agent or place in an authority file (Wikidata, VIAF, GND, ...). */
@Schema(name = "Identifier", description = "The identifier of the same entity in an authority file. The value "
        + "must have the form of its scheme: Q and a number for Wikidata, digits for VIAF, and so on.")
@Identifier.WellFormed
public record Identifier(
        @Schema(required = true, examples = "WIKIDATA") @NotNull IdentifierScheme scheme,
        @Schema(required = true, maxLength = 200, examples = "Q5816") @NotBlank @Size(max = 200) String value) {

    /**
     * Reads a query parameter of the form {@code scheme:value} ({@code wikidata:Q5816}; the scheme in any case), or
     * answers 400 naming the parameter.
     */
    public static Identifier fromParameter(String parameter, String text) {
        int colon = text.indexOf(':');
        IdentifierScheme scheme = null;
        if (colon > 0) {
            try {
                scheme = IdentifierScheme.valueOf(text.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        if (scheme == null || colon == text.length() - 1) {
            throw ProblemException.invalidParameter(parameter, "must be scheme:value, such as wikidata:Q5816, with "
                    + "a scheme of " + Arrays.toString(IdentifierScheme.values()));
        }
        return new Identifier(scheme, text.substring(colon + 1).strip());
    }

    /** The value has the form its scheme requires; the violation is reported on {@code value}. */
    @Target({ElementType.TYPE, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WellFormed.Validator.class)
    public @interface WellFormed {

        String message() default "must have the form of its scheme";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<WellFormed, Identifier> {
            @Override
            public boolean isValid(Identifier id, ConstraintValidatorContext context) {
                if (id == null || id.scheme() == null || id.value() == null || id.value().isBlank()
                        || id.scheme().accepts(id.value())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(id.scheme().expectation())
                        .addPropertyNode("value").addConstraintViolation();
                return false;
            }
        }
    }
}
