package org.fonds.http;

import java.util.List;

/** Thrown anywhere in Fonds to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " has the id " + id + ".");
    }

    /** The 410 problem of a direct read or write of a soft-deleted resource. */
    public static ProblemException gone(String what, Object id) {
        return new ProblemException(ProblemType.GONE, "The " + what + " " + id + " was deleted. Its revisions are "
                + "kept; an editor can restore it with POST .../revisions/{version}/restore.");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The field '" + field + "' is invalid: " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidParameter(String parameter, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER,
                "The parameter '" + parameter + "' is invalid: " + message,
                List.of(new Problem.FieldError(parameter, message)));
    }

    /** An empty body where one is required is a malformed request. */
    public static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "This operation needs a JSON request body.");
        }
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
