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
import java.util.function.Function;
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
import org.fonds.resource.VersionedService;
import org.fonds.resource.VersionedView;
import org.fonds.subject.SubjectService;

/**
 * GET /exports/ndjson: the archive the caller sees, or the documents a filter selects with what they refer to, as
 * NDJSON ({@link ExportLine}), written to the response as it is read: keyset batches in id order, each read in a
 * transaction of its own as the caller (the views leave out what the caller may not see, deleted resources too), so
 * memory stays flat whatever the archive's size (two batches at most: the one written, and the next, read meanwhile
 * on a reader thread). Resumable: {@code after} names the last line a client got.
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
        this.writer = json.writerFor(ExportLine.class);
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
     */
    public void write(OutputStream out, DocumentFilter filter, Cursor after, Role role) {
        long written = 0;
        for (LineType type : LineType.values()) {
            if (type == LineType.END || after != null && type.ordinal() < after.type().ordinal()) {
                continue;
            }
            UUID from = after != null && after.type() == type ? after.id() : null;
            // the next batch is read (database, entities, views) while this one is written (JSON, the socket)
            Future<Batch> next = read(type, filter, from, role);
            while (true) {
                Batch batch = await(next);
                next = batch.last() == null ? null : read(type, filter, batch.last(), role);
                try {
                    for (ExportLine line : batch.lines()) {
                        out.write(writer.writeValueAsBytes(line));
                        out.write('\n');
                        written++;
                    }
                    out.flush();
                } catch (IOException e) {
                    if (next != null) {
                        next.cancel(false); // its read ends on its own; no interrupt inside a JDBC call
                    }
                    throw new UncheckedIOException(e); // the client went away
                }
                if (next == null) {
                    break;
                }
            }
        }
        try {
            out.write(writer.writeValueAsBytes(ExportLine.end(written)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a batch on a reader thread, in a transaction of its own as a caller of {@code role} (Hibernate finds its
     * database in a request context: the thread has one of its own while it reads).
     */
    private Future<Batch> read(LineType type, DocumentFilter filter, UUID after, Role role) {
        return READERS.submit(() -> {
            io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
            context.activate();
            try {
                return Caller.as(role, () -> QuarkusTransaction.requiringNew().call(() -> batch(type, filter, after)));
            } finally {
                context.terminate();
            }
        });
    }

    private static Batch await(Future<Batch> batch) {
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

    /** The threads that read the exports' next batches: one per export at a time, idle ones end after a minute. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fonds-export-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** The lines of a batch, and the id to read the next batch after (null: this was the last). */
    private record Batch(List<ExportLine> lines, UUID last) {
        static Batch of(List<ExportLine> lines) {
            return new Batch(lines, lines.size() < BATCH ? null : id(lines.get(lines.size() - 1)));
        }
    }

    private Batch batch(LineType type, DocumentFilter filter, UUID after) {
        // read only: the batch's entities keep no loaded state for a dirty check at the commit
        em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
        return switch (type) {
            case AGENT -> lines(agents, filter, after, "agent",
                    v -> new ExportLine(type, v, null, null, null, null, null));
            case PLACE -> lines(places, filter, after, "place",
                    v -> new ExportLine(type, null, v, null, null, null, null));
            case SUBJECT -> lines(subjects, filter, after, "subject",
                    v -> new ExportLine(type, null, null, v, null, null, null));
            case COLLECTION -> lines(collections, filter, after, "collection",
                    v -> new ExportLine(type, null, null, null, v, null, null));
            case END -> new Batch(List.of(), null);
            case DOCUMENT -> Batch.of(documents.pageEmbedded(filter == null ? ALL : filter, after, BATCH).stream()
                    .map(v -> new ExportLine(type, null, null, null, null, v, null)).toList());
        };
    }

    private static final DocumentFilter ALL = new DocumentFilter(null, null, null, null, null, null, null, null, null);

    private <V extends VersionedView> Batch lines(VersionedService<?, ?, V> service, DocumentFilter filter,
            UUID after, String table, Function<V, ExportLine> line) {
        if (filter == null) {
            return Batch.of(service.viewsAfter(after, BATCH).stream().map(line).toList());
        }
        // the ids referred to, of which the caller may see fewer (a deleted agent): the next batch follows the ids
        List<UUID> ids = referenced(table, filter, after);
        List<ExportLine> lines = service.views(ids).stream().map(line).toList();
        return new Batch(lines, ids.size() < BATCH ? null : ids.get(ids.size() - 1));
    }

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

    private static UUID id(ExportLine line) {
        return switch (line.type()) {
            case AGENT -> line.agent().id();
            case PLACE -> line.place().id();
            case SUBJECT -> line.subject().id();
            case COLLECTION -> line.collection().id();
            case DOCUMENT -> line.document().id();
            case END -> throw new IllegalArgumentException("no id");
        };
    }
}
