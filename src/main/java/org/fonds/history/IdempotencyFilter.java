package org.fonds.history;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fonds.access.Caller;
import io.vertx.core.http.HttpServerRequest;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemMappers;
import org.fonds.http.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the {@code Idempotency-Key} of a POST: a key already used by the caller answers the stored response (same
 * request) or a 422 problem (another request) before anything runs; a new key is remembered for the request, and
 * {@link IdempotencyKeys#store} stores the response in the transaction of the write.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final IdempotentRequest current;
    private final Caller caller;
    private final ProblemMappers problems = new ProblemMappers();

    public IdempotencyFilter(IdempotencyKeys keys, IdempotentRequest current, Caller caller) {
        this.keys = keys;
        this.current = current;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> idempotencyKey(ContainerRequestContext request, HttpServerRequest http)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        // the raw header: JAX-RS' header map leaves out an empty value, which would make an empty key (an unset
        // variable in a script) silently no key, and a retry of it a second resource; the spec says 1 to 255 characters
        List<String> values = http.headers().getAll(HEADER);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String key = values.get(0);
        if (values.size() > 1 || key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalidParameter(HEADER, "must be one value of 1 to 255 printable ASCII "
                    + "characters (e.g. a UUID)");
        }
        byte[] body;
        try (InputStream in = request.getEntityStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getPath();
        String fingerprint = IdempotencyKeys.fingerprint("POST", path, body);
        Optional<IdempotencyKeys.Stored> stored = keys.find(caller.actor(), key);
        if (stored.isPresent()) {
            return Optional.of(keys.replay(stored.get(), fingerprint, key));
        }
        current.begin(key, fingerprint, path, request.getUriInfo().getAbsolutePath().toString());
        return Optional.empty();
    }

    /** A concurrent request with the same key committed first: answer its response. */
    @ServerExceptionMapper
    public Response lostRace(IdempotentReplay race, HttpServerRequest request) {
        try {
            return keys.replayAfterRace(race, current.fingerprint());
        } catch (ProblemException e) {
            return problems.problem(e, request);
        }
    }
}
