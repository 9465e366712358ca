package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.fonds.db.Replica;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that reaches the REST layer to an RFC 9457 problem. Errors that never reach it (unknown
 * paths outside the REST layer, bodies over the size limit) are answered by {@link HttpProblemHandlers}.
 */
public class ProblemMappers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.type(), e.getMessage(), request, e.errors(), null);
    }

    /** No or rejected credentials: 401 with the schemes Fonds accepts in {@code WWW-Authenticate}. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e, HttpServerRequest request) {
        boolean sent = Credentials.present(request);
        String detail = sent ? "The credentials were not accepted: the token is malformed, expired or not signed by "
                + "a trusted key, or the API key is unknown or revoked."
                : e instanceof UnauthorizedException && e.getMessage() != null && !e.getMessage().isBlank()
                        ? e.getMessage()
                        : "This operation needs credentials: a bearer token or an API key.";
        Response r = respond(ProblemType.UNAUTHENTICATED, detail, request, null, null);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, Credentials.bearerChallenge(sent))
                .header(HttpHeaders.WWW_AUTHENTICATE, Credentials.API_KEY_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "The caller's role does not allow this operation." : e.getMessage();
        return respond(ProblemType.FORBIDDEN, detail, request, null, null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (e.getCause() != null) {
            return fromCause(e, request); // a path or query parameter could not be converted
        }
        // thrown by the REST layer when no resource method matches the path
        return respond(ProblemType.UNKNOWN_PATH, "No operation is served at " + request.path() + ".", request, null, null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        Response r = respond(ProblemType.METHOD_NOT_ALLOWED,
                "The method " + request.method() + " is not allowed on " + request.path() + ".", request, null, null);
        java.util.Set<String> allowed = e.getResponse().getAllowedMethods();
        return allowed.isEmpty() ? r : Response.fromResponse(r).allow(allowed).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The media type " + (type == null ? "(none)" : "'" + type + "'")
                + " is not accepted by " + request.method() + " " + request.path() + ".", request, null, null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpServerRequest request) {
        return respond(ProblemType.NOT_ACCEPTABLE, "Cannot produce any of: " + request.getHeader("Accept") + ".", request,
                null, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof ProblemException || e.getCause() instanceof JsonProcessingException) {
            return fromCause(e, request);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.UNKNOWN_PATH;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.SERVICE_UNAVAILABLE;
            default -> status < 500 ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL_ERROR;
        };
        String detail = type == ProblemType.INTERNAL_ERROR || e.getMessage() == null ? type.description() : e.getMessage();
        return respond(type, detail, request, null, status >= 500 ? e : null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<ConstraintViolation<?>> violations = new ArrayList<>(e.getConstraintViolations());
        boolean onParameters = violations.stream().allMatch(ProblemMappers::isParameter);
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemType type = onParameters ? ProblemType.INVALID_PARAMETER : ProblemType.VALIDATION_FAILED;
        return respond(type, "Invalid " + (onParameters ? "parameters" : "fields") + ": " + fields + ".", request,
                errors, null);
    }

    /**
     * A body Jackson could not read: JsonProblems tells which kind. The subclasses are named too, so that no mapper
     * for a more specific class (quarkus-rest-jackson has built-in ones) answers instead.
     */
    @ServerExceptionMapper({UnrecognizedPropertyException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response optimisticLock(Exception e, HttpServerRequest request) {
        return respond(ProblemType.PRECONDITION_FAILED,
                "The resource was changed by another request while this one was being applied. Fetch it again and retry.",
                request, null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (statementTimedOut(e)) {
            Response r = respond(ProblemType.QUERY_TIMEOUT, "A database statement of this request ran longer than the "
                    + "statement timeout and was cancelled; nothing was changed. Retry shortly; if it times out again, "
                    + "narrow the request.", request, null, null);
            return Response.fromResponse(r).header("Retry-After", "2").build();
        }
        if (unstorableCharacter(e)) {
            return respond(ProblemType.MALFORMED_REQUEST, "A value of this request contains a character that cannot be "
                    + "stored or searched (U+0000 NUL, or one outside UTF-8); nothing was changed. Remove it and retry.",
                    request, null, null);
        }
        if (databaseUnavailable(e)) {
            // a read replica that failed mid-request is left alone for a while: the next reads go to the primary
            Arc.container().instance(Replica.class).get().requestFailed(e);
            Response r = respond(ProblemType.SERVICE_UNAVAILABLE, "The database cannot take this request now (it is "
                    + "unreachable, restarting, or no connection could be had in time). Retry shortly.", request, null, e);
            return Response.fromResponse(r).header("Retry-After", "1").build();
        }
        if (clientWentAway(e)) {
            // nobody is left to read the answer, and nothing went wrong here: not a 500 in the log
            LOG.debugf("%s %s: the client closed the connection before its request body came whole", request.method(),
                    request.path());
            return ProblemResponses.unlogged(ProblemType.MALFORMED_REQUEST, "The connection was closed before the "
                    + "request body came whole.", request.path(), null);
        }
        return respond(ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR.description(), request, null, e);
    }

    /** The client closed the connection while its request body was being read (an upload cut short). */
    static boolean clientWentAway(Throwable e) {
        return org.fonds.db.Failures.under(e).anyMatch(t -> t instanceof io.vertx.core.http.HttpClosedException);
    }

    /**
     * PostgreSQL refused a value's characters (SQLSTATE 22021 character_not_in_repertoire, e.g. a NUL in a text, or
     * 22P05 untranslatable_character): the client's input, not a fault of the server. Any field of any request can
     * carry one, so this is caught once, here, rather than by a check per field.
     */
    static boolean unstorableCharacter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL cancelled a statement (SQLSTATE 57014, query_canceled): the statement timeout expired. */
    private static boolean statementTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be used now, which is a 503 the client may retry, not a bug: the pool is exhausted
     * (Agroal's acquisition timeout), the server refuses connections, is starting up or shutting down ("the database
     * system is shutting down"), or dropped a connection mid-query (SQLSTATE class 08, 57P01-57P05), or a read replica
     * cancelled a read that conflicted with the replay of the primary's changes (40001). Looks through
     * causes and suppressed exceptions, since a failed commit or rollback hides the original one there.
     */
    static boolean databaseUnavailable(Throwable e) {
        return org.fonds.db.Failures.under(e).anyMatch(t -> {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String message = sql.getMessage() == null ? "" : sql.getMessage();
                if ("40001".equals(state) && message.contains("conflict with recovery")) {
                    return true; // a read replica cancelled the statement to apply the primary's changes
                }
                return message.contains("cquisition timeout") || message.contains("connection has been closed")
                        || message.contains("database system is");
            }
            return false;
        });
    }

    /** A conversion failure wrapped by the REST layer: answer for the cause. */
    private static Response fromCause(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof ProblemException p) {
            return respond(p.type(), p.getMessage(), request, p.errors(), null);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, request);
        }
        return respond(ProblemType.INVALID_PARAMETER, "A parameter has an invalid value: " + e.getCause().getMessage(),
                request, null, null);
    }

    private static Response json(JsonProcessingException e, HttpServerRequest request) {
        ProblemException p = JsonProblems.of(e);
        return respond(p.type(), p.getMessage(), request, p.errors(), null);
    }

    private static Response respond(ProblemType type, String detail, HttpServerRequest request,
            List<Problem.FieldError> errors, Throwable cause) {
        return ProblemResponses.response(type, detail, request.method().name(), request.path(), errors, cause);
    }

    /** A violation on a method parameter itself (a query parameter), not on a property of a body. */
    private static boolean isParameter(ConstraintViolation<?> v) {
        ElementKind last = null;
        for (Path.Node node : v.getPropertyPath()) {
            last = node.getKind();
        }
        return last == ElementKind.PARAMETER;
    }

    /**
     * The field as the client wrote it: "create.input.credits[0].agentId" → "credits[0].agent_id",
     * "patch.languages[1].<list element>" → "languages[1]", "list.limit" → "limit".
     */
    private static String fieldName(Path path) {
        int prefix = 0;
        int count = 0;
        Path.Node last = null;
        for (Path.Node node : path) {
            count++;
            last = node;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER) {
                prefix = count;
            }
        }
        if (last != null && last.getKind() == ElementKind.PARAMETER) {
            return last.getName(); // a query or path parameter itself
        }
        List<String> segments = List.of(path.toString().split("\\."));
        return segments.subList(Math.min(prefix, segments.size()), segments.size()).stream()
                .filter(segment -> !segment.startsWith("<"))
                .map(ProblemMappers::toSnake)
                .collect(Collectors.joining("."));
    }

    public static String toSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
