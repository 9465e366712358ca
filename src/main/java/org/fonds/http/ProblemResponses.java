package org.fonds.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/** Builds problem responses and logs them: 4xx at WARN on one line, 5xx at ERROR with the stack trace. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    public static Problem problem(ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance,
                errors == null || errors.isEmpty() ? null : errors);
    }

    public static Response response(ProblemType type, String detail, String method, String instance,
            List<Problem.FieldError> errors, Throwable cause) {
        log(type.status(), detail, method, instance, cause);
        return unlogged(type, detail, instance, errors);
    }

    /** The problem as a response, not logged (a request whose client has gone, say). */
    public static Response unlogged(ProblemType type, String detail, String instance,
            List<Problem.FieldError> errors) {
        return Response.status(type.status())
                .type(PROBLEM_JSON_TYPE)
                .entity(problem(type, detail, instance, errors))
                .build();
    }

    public static void log(int status, String detail, String method, String instance, Throwable cause) {
        if (status >= 500) {
            LOG.errorf(cause, "%d %s %s: %s", status, method, instance, detail);
        } else {
            LOG.warnf("%d %s %s: %s", status, method, instance, detail);
        }
    }
}
