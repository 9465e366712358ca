package org.fonds.history;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fonds.access.Caller;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;

/**
 * {@code Idempotency-Key} on POST: the first successful response to a key is stored in PostgreSQL in the transaction
 * that created (or restored) the resource, so that a key is never recorded without its resource or the reverse. A
 * retry with the same key, by the same caller, with the same method, path and body answers that response again and
 * changes nothing; the same key with another request is a 422 problem. The primary key (actor, key) makes two
 * concurrent requests with one key create one resource: the second waits for the first to commit, rolls back and
 * answers the first one's response. Keys expire after {@link #TTL}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key is remembered. */
    public static final Duration TTL = Duration.ofHours(24);
    static final String TTL_SQL = "interval '24 hours'";

    private final EntityManager em;
    private final Caller caller;

    public IdempotencyKeys(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** A stored response. */
    record Stored(String fingerprint, int status, String location, String etag, String body) {

        Response response() {
            Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
            if (location != null) {
                r.location(URI.create(location));
            }
            if (etag != null) {
                r.tag(new EntityTag(etag));
            }
            return r.build();
        }
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unexpired response stored for the caller's key. */
    @SuppressWarnings("unchecked")
    Optional<Stored> find(String actor, String key) {
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, status, location, etag, body "
                        + "FROM idempotency_key WHERE actor = :actor AND key = :key "
                        + "AND created_at > now() - " + TTL_SQL)
                .setParameter("actor", actor)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], (String) r[4]));
    }

    /** The answer to a repeated key: the stored response for the same request, else a 422 problem. */
    Response replay(Stored stored, String fingerprint, String key) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key '" + key
                    + "' was already used for another request (another method, path or body). Use a new key.");
        }
        return stored.response();
    }

    /** The response to a request that lost the race for its key to a concurrent one (which has committed). */
    Response replayAfterRace(IdempotentReplay race, String fingerprint) {
        Optional<Stored> stored = QuarkusTransaction.requiringNew().call(() -> find(race.actor, race.key));
        return stored.map(s -> replay(s, fingerprint, race.key)).orElseThrow(() -> new ProblemException(
                ProblemType.CONFLICT, "Another request with the Idempotency-Key '" + race.key + "' was being "
                        + "processed at the same time. Retry."));
    }

    /**
     * Stores the response of the current request, if it is a POST with an Idempotency-Key whose response is not
     * stored yet: 201 with Location (request URL + id) for a create, 200 for a restore. Runs in the transaction of
     * the write. When a concurrent request with the same key has stored its response first, throws
     * {@link IdempotentReplay} (the write rolls back and that response is answered).
     */
    void store(UUID id, long version, boolean created, String body) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        IdempotentRequest request = Arc.container().instance(IdempotentRequest.class).get();
        if (!request.claim()) {
            return;
        }
        String actor = caller.actor();
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < now() - " + TTL_SQL).executeUpdate();
        int inserted = em.createNativeQuery("INSERT INTO idempotency_key (actor, key, fingerprint, method, path, "
                        + "status, location, etag, body) VALUES (:actor, :key, :fingerprint, :method, :path, :status, "
                        + ":location, :etag, :body) ON CONFLICT (actor, key) DO NOTHING")
                .setParameter("actor", actor)
                .setParameter("key", request.key())
                .setParameter("fingerprint", request.fingerprint())
                .setParameter("method", "POST")
                .setParameter("path", request.path())
                .setParameter("status", created ? 201 : 200)
                .setParameter("location", created ? stripSlash(request.uri()) + "/" + id : null)
                .setParameter("etag", Long.toString(version))
                .setParameter("body", body)
                .executeUpdate();
        if (inserted == 0) {
            throw new IdempotentReplay(actor, request.key());
        }
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
