package org.fonds.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.access.Caller;
import org.fonds.access.Role;
import org.fonds.http.ETags;

/**
 * The rendered responses of GET /documents/{id}, kept in memory and checked by a primary-key lookup per request
 * (issue 13: a reader mostly reads whole documents, and the same few again and again).
 *
 * <p>The key is the document, what it embeds, the caller's role (the views show each role its own document: a
 * contributor's drafts, an editor's links from restricted documents), the document's version and the database's date.
 * The version ({@code document_cache_key}, migration V19) is bumped inside the writing transaction by triggers on the
 * archive tables, whatever wrote: a service, an import, another instance, a hand-made UPDATE. The lookup reads it
 * through the document view, so a document the caller may not see has no version and takes the uncached path (its
 * 404 or 410). Read before the response is rendered: a write that commits between the two makes the entry newer
 * than its key, never older, and its own bump then misses the entry. No entry is ever served after a write has
 * committed, on any instance: nothing is invalidated, old versions are simply never asked for again and are evicted.
 *
 * <p>The memory is bounded by {@code fonds.document-cache.max-bytes} (the bodies' bytes; 0 turns the cache off), and
 * the cache reports its size, hits, misses and evictions as metrics ({@code cache_*{cache="documents"}} and
 * {@code fonds_document_cache_weight_bytes}).
 *
 * <p>Responses say how HTTP caches may keep them: {@code Cache-Control: public, no-cache} for a document the public
 * sees, read anonymously (a CDN may keep it and must revalidate it, which the ETag makes a 304), {@code private,
 * no-cache} otherwise; both vary by the credentials.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its metrics exist from the start
public class DocumentCache {

    /** The request headers that carry credentials: a response varies by them. */
    static final String VARY = "Authorization, X-API-Key";

    private record Key(UUID id, Set<Embed> embeds, Role role, long version, LocalDate today) {
    }

    private record Rendered(byte[] body, EntityTag etag) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper json;
    private final long maxBytes;
    private final Cache<Key, Rendered> cache;

    public DocumentCache(EntityManager em, Caller caller, ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "fonds.document-cache.max-bytes") MemorySize maxBytes) {
        this.em = em;
        this.caller = caller;
        this.json = json;
        this.maxBytes = maxBytes.asLongValue();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(this.maxBytes)
                .weigher((Key key, Rendered rendered) -> rendered.body.length)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, cache, "documents");
        Gauge.builder("fonds.document.cache.weight", this, DocumentCache::weight).baseUnit("bytes")
                .description("Bytes of rendered documents held by the cache (at most fonds.document-cache.max-bytes)")
                .register(metrics);
        Gauge.builder("fonds.document.cache.max", this, c -> c.maxBytes).baseUnit("bytes")
                .description("fonds.document-cache.max-bytes").register(metrics);
    }

    /**
     * The response to a GET of document {@code id} with {@code embeds}: from the cache when it holds this version, else
     * {@code render}ed and kept. Empty when the caller sees no such document (the caller answers 404 or 410).
     */
    public Optional<Response> respond(Request request, UUID id, Set<Embed> embeds, Supplier<DocumentView> render) {
        Role role = caller.role();
        Object[] row = lanes.get(role).lookup(id);
        if (row == null) {
            return Optional.empty();
        }
        boolean shared = Boolean.TRUE.equals(row[2]) && role == Role.ANONYMOUS;
        Key key = new Key(id, embeds, role, ((Number) row[1]).longValue(), toLocalDate(row[3]));
        Rendered rendered = maxBytes == 0 ? render(key, render.get()) : cache.get(key, k -> render(k, render.get()));
        Response response = ETags.notModified(request, rendered.etag).orElseGet(() -> Response.ok(rendered.body,
                MediaType.APPLICATION_JSON_TYPE).tag(rendered.etag).build());
        response.getHeaders().putSingle("Cache-Control", shared ? "public, no-cache" : "private, no-cache");
        response.getHeaders().putSingle("Vary", VARY);
        return Optional.of(response);
    }

    /**
     * The response's body and ETag. The ETag of a document that embeds its parts also names the document's change
     * version, which every write bumps, even one that bypasses the API and leaves the resources' versions as they
     * were; the ETag of the bare document stays its version, which a write's If-Match names.
     */
    private Rendered render(Key key, DocumentView view) {
        EntityTag etag = key.embeds.isEmpty() ? view.etag() : new EntityTag(view.etag().getValue() + "." + key.version);
        try {
            return new Rendered(json.writeValueAsBytes(view), etag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write document " + view.id(), e);
        }
    }

    /** How long a batch waits for the read in flight before it reads anyway. */
    private static final long WAIT_FOR_READ_MS = 5;

    /**
     * The versions of the documents one role asks for, read together (issue 13: the lookup cost a request as much CPU
     * as the rest of its way through the server). A request joins the open batch of its role; the first to open one
     * reads it as soon as the previous read of that role has ended (or after {@link #WAIT_FOR_READ_MS}), with one
     * statement for all the ids that joined until then; the others wait for its answer. The batch is closed before
     * its statement starts, so every request's versions are read after it arrived: a write committed before a request
     * is never missed, on any instance. One batch per role, since the view answers as the connection's role
     * ({@code CallerRoleInterceptor}), which is the reading request's.
     */
    private final class Lane {
        private final java.util.concurrent.Semaphore reading = new java.util.concurrent.Semaphore(1);
        private Batch open;

        /** The row (id, version, public, today) of document {@code id}, or null when the role does not see it. */
        Object[] lookup(UUID id) {
            Batch batch;
            boolean leads;
            synchronized (this) {
                leads = open == null;
                if (leads) {
                    open = new Batch();
                }
                batch = open;
                batch.ids.add(id);
            }
            if (leads) {
                // waits for the read in flight, but not for long: a read that hangs (the database away until the
                // pool's acquisition timeout) must not add its time to the next batch's (DatabaseOutageIT)
                boolean turn = false;
                try {
                    turn = reading.tryAcquire(WAIT_FOR_READ_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    synchronized (this) {
                        open = null; // who comes now joins the next batch
                    }
                    batch.rows.complete(read(batch.ids));
                } catch (RuntimeException | Error e) {
                    batch.rows.completeExceptionally(e);
                    throw e;
                } finally {
                    if (turn) {
                        reading.release();
                    }
                }
            }
            try {
                return batch.rows.join().get(id);
            } catch (java.util.concurrent.CompletionException e) {
                // the reader's failure, as its own request has it (a 503 when the database is away)
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        private java.util.Map<UUID, Object[]> read(Set<UUID> ids) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, version, public, today FROM document_cache_key "
                    + "WHERE id = ANY(CAST(:ids AS uuid[]))").setParameter("ids", ids.stream().map(UUID::toString)
                            .collect(java.util.stream.Collectors.joining(",", "{", "}"))).getResultList();
            java.util.Map<UUID, Object[]> byId = new java.util.HashMap<>();
            for (Object[] row : rows) {
                byId.put((UUID) row[0], row);
            }
            return byId;
        }
    }

    /** The ids that joined a read, and its answer. */
    private static final class Batch {
        final Set<UUID> ids = new java.util.HashSet<>();
        final java.util.concurrent.CompletableFuture<java.util.Map<UUID, Object[]>> rows =
                new java.util.concurrent.CompletableFuture<>();
    }

    private final java.util.Map<Role, Lane> lanes = new java.util.EnumMap<>(Role.class);
    {
        for (Role r : Role.values()) {
            lanes.put(r, new Lane());
        }
    }

    private static LocalDate toLocalDate(Object date) {
        return date instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) date;
    }

    private double weight() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
