package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.time.temporal.Temporal;

/** Turns Jackson's reading errors into problems that name the offending field. */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return new ProblemException(ProblemType.VALIDATION_FAILED, "Unknown field '" + field + "'.",
                    List.of(new Problem.FieldError(field, "unknown field")));
        }
        if (e instanceof InvalidFormatException f) {
            String field = path(f);
            String message = "cannot be read as " + describe(f.getTargetType()) + ": " + f.getValue();
            return new ProblemException(ProblemType.VALIDATION_FAILED, "The field '" + field + "' " + message + ".",
                    List.of(new Problem.FieldError(field, message)));
        }
        if (e instanceof MismatchedInputException m && !path(m).isEmpty()) {
            String field = path(m);
            String message = "has the wrong JSON type; expected " + describe(m.getTargetType());
            return new ProblemException(ProblemType.VALIDATION_FAILED, "The field '" + field + "' " + message + ".",
                    List.of(new Problem.FieldError(field, message)));
        }
        if (e instanceof MismatchedInputException) {
            return new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object.");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new ProblemException(ProblemType.MALFORMED_REQUEST,
                "The request body is not well-formed JSON" + where + ": " + e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class || type == UUID.class || Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        return "an object";
    }
}
