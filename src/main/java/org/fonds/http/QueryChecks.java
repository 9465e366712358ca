package org.fonds.http;

import java.time.LocalDate;
import org.fonds.shared.LanguageTag;

/** Checks of query parameters that several read operations share, so that they answer alike (400 problems). */
public final class QueryChecks {

    private QueryChecks() {
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
