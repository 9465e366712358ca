package org.fonds.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.fonds.http.Problem;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;

/** The field errors of one request, collected so that a 422 names every offending field at once. */
final class Violations {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    int size() {
        return errors.size();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Invalid fields: " + fields + ".",
                    List.copyOf(errors));
        }
    }
}
