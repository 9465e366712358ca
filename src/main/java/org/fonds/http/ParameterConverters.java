package org.fonds.http;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts path and query parameters with problems that name the parameter: an unparseable id in a path is
 * "not found" (404), an unparseable query value is an invalid parameter (400). JAX-RS would answer 404 for both.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean inPath = false;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            } else if (a instanceof PathParam p) {
                name = p.value();
                inPath = true;
            }
        }
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, inPath, UUID::fromString, "must be a UUID");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, inPath, LocalDate::parse, "must be a date (YYYY-MM-DD)");
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, inPath, ParameterConverters::parseBoolean, "must be true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = "must be one of " + Arrays.toString(type.getEnumConstants());
            return (ParamConverter<T>) converter(name, inPath, v -> Enum.valueOf(type, v), allowed);
        }
        return null;
    }

    private static Boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <T> ParamConverter<T> converter(String name, boolean inPath, Function<String, T> parse,
            String expectation) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    if (inPath) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No resource is identified by '" + value
                                + "': the " + name + " " + expectation + ".");
                    }
                    throw ProblemException.invalidParameter(name, expectation);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
