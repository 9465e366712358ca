package org.fonds.name;

import org.fonds.shared.LanguageTag;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One form of the name of an agent or place: as written in a language and script, possibly a transliteration.
 * A list of variants has exactly one preferred name: the one flagged, or else the first.
 */
@Schema(name = "NameVariant", description = "One form of a name, in a language and script, possibly a "
        + "transliteration. Of a list of names exactly one is preferred: the one flagged, or else the first.")
public record NameVariant(
        @Schema(required = true, maxLength = 500, examples = "Штыков, Терентий Фомич")
        @NotBlank @Size(max = 500) String value,
        @Schema(nullable = true, description = "BCP 47 language tag, with the script where it matters.",
                examples = "ru-Cyrl")
        @LanguageTag String language,
        @Schema(nullable = true, description = "The romanization scheme, when the value is a transliteration.")
        Transliteration transliteration,
        @Schema(description = "The name shown by default. At most one name of a list may be flagged.",
                defaultValue = "false")
        boolean preferred) {

    /** The variants with their values stripped and exactly one preferred: the flagged one, or else the first. */
    public static List<NameVariant> normalize(List<NameVariant> names) {
        boolean flagged = names.stream().anyMatch(NameVariant::preferred);
        List<NameVariant> normalized = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            NameVariant n = names.get(i);
            normalized.add(new NameVariant(n.value().strip(), n.language(), n.transliteration(),
                    flagged ? n.preferred() : i == 0));
        }
        return normalized;
    }

    /** The value of the preferred name of a normalized list. */
    public static String preferredValue(List<NameVariant> normalized) {
        return normalized.stream().filter(NameVariant::preferred).findFirst().orElseThrow().value();
    }

    /** The annotated list of name variants, when not null, flags at most one of them as preferred. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = AtMostOnePreferred.Validator.class)
    public @interface AtMostOnePreferred {

        String message() default "at most one name can be preferred";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<AtMostOnePreferred, List<NameVariant>> {
            @Override
            public boolean isValid(List<NameVariant> names, ConstraintValidatorContext context) {
                return names == null || names.stream().filter(Objects::nonNull).filter(NameVariant::preferred).count() <= 1;
            }
        }
    }
}
