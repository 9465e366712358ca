package org.fonds.http;

import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.fonds.shared.LanguageTag;

/** Checks of query parameters that several read operations share, so that they answer alike (400 problems). */
public final class QueryChecks {

    private QueryChecks() {
    }

    /**
     * 400 on the first of {@code names} that the query gives an empty value ({@code ?q=}): their spec says
     * {@code minLength: 1}, and an empty value is not a parameter left out (the JAX-RS binding cannot tell them apart,
     * so the raw query is read). A client whose variable was unset gets a problem instead of an unfiltered answer.
     */
    public static void requireNonEmpty(UriInfo uri, String... names) {
        for (String name : names) {
            List<String> values = uri.getQueryParameters().get(name);
            if (values != null && values.stream().anyMatch(v -> v == null || v.isEmpty())) {
                throw ProblemException.invalidParameter(name, "must not be empty; leave it out instead");
            }
        }
    }

    /** 400 on {@code toName} when both ends are given and the range ends before it starts. */
    public static void requireOrdered(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidParameter(toName, "must not be before " + fromName);
        }
    }

    /** 400 on {@code name} unless the value, when given, is a well-formed BCP 47 tag (as {@link LanguageTag} checks bodies). */
    public static void requireLanguageTag(String name, String value) {
        if (value != null && !LanguageTag.Validator.isWellFormed(value)) {
            throw ProblemException.invalidParameter(name, "must be a BCP 47 language tag such as en, ru or ko-Hang");
        }
    }
}
