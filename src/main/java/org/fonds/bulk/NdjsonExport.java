package org.fonds.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fonds.access.Caller;
import org.fonds.access.Role;
import org.fonds.agent.AgentService;
import org.fonds.bulk.ExportLine.LineType;
import org.fonds.collection.CollectionService;
import org.fonds.document.DocumentFilter;
import org.fonds.document.DocumentRepository;
import org.fonds.document.DocumentService;
import org.fonds.http.ProblemException;
import org.fonds.http.QueryChecks;
import org.fonds.place.PlaceService;
import org.fonds.subject.SubjectService;

/**
 * GET /exports/ndjson: the archive the caller sees, or the documents a filter selects with what they refer to, as
 * NDJSON ({@link ExportLine}), written to the response as it is read: keyset batches in id order, each read in a
 * transaction of its own as the caller (the views leave out what the caller may not see, deleted resources too), so
 * memory stays flat whatever the archive's size (a few batches at most: the one written, and those read meanwhile).
 * Resumable: {@code after} names the last line a client got.
 */
@ApplicationScoped
public class NdjsonExport {

    /** Resources per batch (documents with all they embed: one statement per batch). */
    static final int BATCH = 200;

    /** Where an export resumes: after the line of this type and id. */
    public record Cursor(LineType type, UUID id) {

        /** {@code TYPE:uuid} as the lines give it; null for null (from the start); 400 when malformed. */
        public static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return null;
            }
            int colon = after.indexOf(':');
            try {
                LineType type = LineType.valueOf(after.substring(0, Math.max(colon, 0)).strip());
                if (type == LineType.END) {
                    throw new IllegalArgumentException("END");
                }
                return new Cursor(type, UUID.fromString(after.substring(colon + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("after", "is not a line's cursor: its type (AGENT, PLACE, "
                        + "SUBJECT, COLLECTION or DOCUMENT), a colon and its id, e.g. DOCUMENT:" + new UUID(0, 0));
            }
        }
    }

    private final AgentService agents;
    private final org.fonds.place.PlaceService places;
    private final SubjectService subjects;
    private final CollectionService collections;
    private final DocumentService documents;
    private final EntityManager em;
    private final ObjectWriter writer;

    public NdjsonExport(AgentService agents, PlaceService places, SubjectService subjects,
            CollectionService collections, DocumentService documents, EntityManager em, ObjectMapper json) {
        this.agents = agents;
        this.places = places;
        this.subjects = subjects;
        this.collections = collections;
        this.documents = documents;
        this.em = em;
        // not flushed after each line: write() flushes once a batch
        this.writer = json.writerFor(ExportLine.class)
                .without(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Checks the filter as GET /documents does (before the response starts: a 400 is still possible). */
    public void check(DocumentFilter filter) {
        if (filter != null) {
            QueryChecks.requireOrdered("date_from", filter.dateFrom(), "date_to", filter.dateTo());
            QueryChecks.requireLanguageTag("language", filter.language());
        }
    }

    /**
     * Writes the lines after {@code after} (from the start when null) to {@code out}, as a caller of {@code role}:
     * with a null filter every agent, place, subject and collection and every document; with a filter its documents
     * and only what they refer to.
     *
     * <p>A batch's ids are read here (one quick keyset query); its lines (the entities, their parts, the views) are
     * read on reader threads, {@link #READ_AHEAD} batches at once, while this thread writes the lines of the batch
     * before them in order (JSON, the socket): reading cost the export twice as much CPU as writing.
     */
    public void write(OutputStream response, DocumentFilter filter, Cursor after, Role role) {
        long written = 0;
        java.util.ArrayDeque<Future<List<ExportLine>>> reading = new java.util.ArrayDeque<>();
        // the lines go through one generator into a buffer: the response gets a few large writes a batch, not two
        // small ones a line
        OutputStream out = new java.io.BufferedOutputStream(response, 1 << 16);
        try (com.fasterxml.jackson.core.JsonGenerator json = writer.getFactory().createGenerator(out)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setRootValueSeparator(null)) {
            for (LineType type : LineType.values()) {
                if (type == LineType.END || after != null && type.ordinal() < after.type().ordinal()) {
                    continue;
                }
                UUID next = after != null && after.type() == type ? after.id() : null;
                boolean more = true;
                while (more || !reading.isEmpty()) {
                    while (more && reading.size() < READ_AHEAD) {
                        UUID from = next;
                        List<UUID> ids = Caller.as(role, () -> QuarkusTransaction.requiringNew()
                                .call(() -> ids(type, filter, from)));
                        more = ids.size() == BATCH;
                        if (!ids.isEmpty()) {
                            next = ids.get(ids.size() - 1);
                            reading.add(read(type, ids, role));
                        }
                    }
                    if (reading.isEmpty()) {
                        break;
                    }
                    for (ExportLine line : await(reading.poll())) {
                        writer.writeValue(json, line);
                        json.writeRaw('\n');
                        written++;
                    }
                    json.flush();
                }
            }
            writer.writeValue(json, ExportLine.end(written));
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away
        } finally {
            reading.forEach(f -> f.cancel(false)); // their reads end on their own; no interrupt inside a JDBC call
        }
    }

    /** Batches read at once while one is written. */
    static final int READ_AHEAD = 2;

    /**
     * Reads the lines of a batch on a reader thread, in a transaction of its own as a caller of {@code role}
     * (Hibernate finds its database in a request context: the thread has one of its own while it reads).
     */
    private Future<List<ExportLine>> read(LineType type, List<UUID> ids, Role role) {
        return READERS.submit(() -> {
            io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
            context.activate();
            try {
                return Caller.as(role, () -> QuarkusTransaction.requiringNew().call(() -> lines(type, ids)));
            } finally {
                context.terminate();
            }
        });
    }

    private static List<ExportLine> await(Future<List<ExportLine>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the export", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The threads that read the batches of every export at once: as many as the cores (two at least), whatever the
     * number of exports, each of which has {@link #READ_AHEAD} batches queued at most. Each reading thread holds a
     * connection while it reads, so that many exports at once take no more of the pool than this. Idle ones end.
     */
    static final int READER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService READERS = readers();

    private static ExecutorService readers() {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(READER_THREADS,
                READER_THREADS, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "fonds-export-reader");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The ids of the next batch of {@code type} after {@code after}, in id order: of all the caller sees (through
     * the views), or of the filter's documents and what they refer to. Fewer than a batch: the last.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> ids(LineType type, DocumentFilter filter, UUID after) {
        if (type == LineType.DOCUMENT) {
            return documents.pageIds(filter == null ? ALL : filter, after, BATCH);
        }
        String table = type.name().toLowerCase(java.util.Locale.ROOT);
        if (filter != null) {
            // the ids referred to, of which the caller may see fewer (a deleted agent): the next batch follows the ids
            return referenced(table, filter, after);
        }
        Query query = em.createNativeQuery("SELECT x.id FROM " + table + " x" + (after == null ? ""
                : " WHERE x.id > :after") + " ORDER BY x.id LIMIT :limit", UUID.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setParameter("limit", BATCH).getResultList();
    }

    /** The lines of the resources with these ids (those the caller sees), in id order. */
    private List<ExportLine> lines(LineType type, List<UUID> ids) {
        // read only, never flushed: the batch's entities keep no loaded state, and no query or commit dirty-checks them
        org.hibernate.Session session = em.unwrap(org.hibernate.Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
        return switch (type) {
            case AGENT -> agents.views(ids).stream().map(v -> new ExportLine(type, v, null, null, null, null, null))
                    .toList();
            case PLACE -> places.views(ids).stream().map(v -> new ExportLine(type, null, v, null, null, null, null))
                    .toList();
            case SUBJECT -> subjects.views(ids).stream()
                    .map(v -> new ExportLine(type, null, null, v, null, null, null)).toList();
            case COLLECTION -> collections.views(ids).stream()
                    .map(v -> new ExportLine(type, null, null, null, v, null, null)).toList();
            case DOCUMENT -> documents.embedded(ids).stream()
                    .map(v -> new ExportLine(type, null, null, null, null, v, null)).toList();
            case END -> List.of();
        };
    }

    private static final DocumentFilter ALL = new DocumentFilter(null, null, null, null, null, null, null, null, null);

    /** The ids of the {@code table}'s resources that the filter's documents refer to, after {@code after}. */
    @SuppressWarnings("unchecked")
    private List<UUID> referenced(String table, DocumentFilter filter, UUID after) {
        Map<String, Object> params = new LinkedHashMap<>();
        String docs = "SELECT d.id FROM document d" + DocumentRepository.where(filter, null, params);
        String refs = switch (table) {
            case "agent" -> "SELECT p.agent_id AS x FROM participant p WHERE p.document_id IN (" + docs + ")"
                    + " UNION SELECT t.translator_agent_id FROM text t WHERE t.document_id IN (" + docs + ")"
                    + " UNION SELECT unnest(m.depicted_agent_ids) FROM media m WHERE m.document_id IN (" + docs + ")"
                    + " UNION SELECT a.agent_id FROM annotation a WHERE a.document_id IN (" + docs + ")";
            case "place" -> "SELECT d.place_of_origin_id AS x FROM document d WHERE d.id IN (" + docs + ")"
                    + " UNION SELECT p.place_id FROM participant p WHERE p.document_id IN (" + docs + ")"
                    + " UNION SELECT a.place_id FROM annotation a WHERE a.document_id IN (" + docs + ")";
            case "subject" -> "SELECT s.subject_id AS x FROM document_subject s WHERE s.document_id IN (" + docs + ")";
            case "collection" -> "SELECT c.collection_id AS x FROM document_collection c WHERE c.document_id IN ("
                    + docs + ")";
            default -> throw new IllegalArgumentException(table);
        };
        Query query = em.createNativeQuery("SELECT r.x FROM (" + refs + ") r WHERE r.x IS NOT NULL"
                + (after == null ? "" : " AND r.x > :refAfter") + " ORDER BY r.x LIMIT :refLimit", UUID.class);
        params.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("refAfter", after);
        }
        query.setParameter("refLimit", BATCH);
        return query.getResultList();
    }
}
