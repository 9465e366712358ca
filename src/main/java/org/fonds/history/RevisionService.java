package org.fonds.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.fonds.access.Access;
import org.fonds.access.Caller;
import org.fonds.access.Role;
import org.fonds.http.CursorCodec;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.hibernate.query.NativeQuery;

/**
 * The history of every resource. Services call {@link #record} in the transaction of each create, update, delete
 * and restore (it is {@code MANDATORY}: a call outside a transaction fails), so a change and its revision commit
 * together or not at all. A revision holds who, when, what, the version it created and the resource's full
 * response body at that version.
 */
@ApplicationScoped
public class RevisionService {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final Access access;
    private final CursorCodec cursors;
    private final IdempotencyKeys idempotency;
    private final Instance<Revisable> revisables;
    private final ObjectMapper lenient;
    private final Map<ResourceType, Revisable> byType = new ConcurrentHashMap<>();

    public RevisionService(EntityManager em, ObjectMapper json, Caller caller, Access access, CursorCodec cursors,
            IdempotencyKeys idempotency, @Any Instance<Revisable> revisables) {
        this.em = em;
        this.access = access;
        this.json = json;
        this.caller = caller;
        this.cursors = cursors;
        this.idempotency = idempotency;
        this.revisables = revisables;
        this.lenient = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Records that the resource now is {@code view} at {@code version}. A write that changed nothing (same version)
     * records nothing. A creating or restoring POST with an Idempotency-Key stores its response here, in the same
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ResourceType type, UUID id, UUID documentId, long version, RevisionAction action, Object view) {
        String state = write(view);
        em.createNativeQuery("INSERT INTO revision (resource_type, resource_id, document_id, version, action, actor, "
                        + "state, representation) VALUES (:type, :id, :document, :version, :action, :actor, "
                        + "CAST(:state AS jsonb), :representation) "
                        + "ON CONFLICT (resource_type, resource_id, version) DO NOTHING")
                .setParameter("representation", revisable(type).representation())
                .setParameter("type", type.name())
                .setParameter("id", id)
                .setParameter("document", documentId)
                .setParameter("version", version)
                .setParameter("action", action.name())
                .setParameter("actor", caller.actor())
                .setParameter("state", state)
                .executeUpdate();
        if (action == RevisionAction.CREATE || action == RevisionAction.RESTORE) {
            idempotency.store(id, version, action == RevisionAction.CREATE, state);
        }
    }

    /** The revisions of a resource, oldest first, a page at a time; 404 when the resource does not exist. */
    public Page<RevisionSummary> list(ResourceType type, UUID documentId, UUID id, String cursor, int limit) {
        requireKnown(type, documentId, id);
        String scope = "revisions|" + type + "|" + id;
        Long after = cursors.after(scope, cursor, keys -> Long.valueOf(keys.get(0)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT version, action, actor, recorded_at FROM revision "
                        + "WHERE resource_type = :type AND resource_id = :id AND version > :after ORDER BY version "
                        + "LIMIT :limit")
                .unwrap(NativeQuery.class)
                .addScalar("version", Long.class)
                .addScalar("action", String.class)
                .addScalar("actor", String.class)
                .addScalar("recorded_at", OffsetDateTime.class)
                .setParameter("type", type.name())
                .setParameter("id", id)
                .setParameter("after", after == null ? -1 : after)
                .setParameter("limit", limit + 1)
                .getResultList();
        return cursors.pageByKey(scope, rows, limit, r -> List.of(r[0].toString()),
                r -> new RevisionSummary((Long) r[0], RevisionAction.valueOf((String) r[1]), (String) r[2],
                        (OffsetDateTime) r[3]));
    }

    /**
     * One revision with its state, in the current representation of its type (an older stored one passes through the
     * type's upgrade steps); 404 when the resource or the version does not exist.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Revision<Object> get(ResourceType type, UUID documentId, UUID id, long version) {
        requireKnown(type, documentId, id);
        List<Object[]> rows = em.createNativeQuery("SELECT document_id, action, actor, recorded_at, "
                        + "CAST(state AS text) AS state, representation FROM revision "
                        + "WHERE resource_type = :type AND resource_id = :id AND version = :version")
                .unwrap(NativeQuery.class)
                .addScalar("document_id", UUID.class)
                .addScalar("action", String.class)
                .addScalar("actor", String.class)
                .addScalar("recorded_at", OffsetDateTime.class)
                .addScalar("state", String.class)
                .addScalar("representation", Integer.class)
                .setParameter("type", type.name())
                .setParameter("id", id)
                .setParameter("version", version)
                .getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The " + type.label() + " " + id
                    + " has no revision " + version + ".");
        }
        Object[] r = rows.get(0);
        return new Revision(type, id, (UUID) r[0], version, RevisionAction.valueOf((String) r[1]), (String) r[2],
                (OffsetDateTime) r[3], current(type, (Integer) r[5], read((String) r[4])));
    }

    /**
     * Makes the state of revision {@code version} the current state, as a new version (and undeletes the resource),
     * through the validation of a PUT.
     */
    @Transactional
    public Restored restore(ResourceType type, UUID documentId, UUID id, long version, String ifMatch) {
        access.require(Role.EDITOR); // restoring may undo anyone's change, published documents' included
        access.includeDeletedRows(); // the narrow path: what is restored is deleted
        Revision<Object> revision = get(type, documentId, id, version);
        return revisable(type).restore(documentId, id, ifMatch, (JsonNode) revision.state());
    }

    /**
     * Removes the resource for good, with its revisions (and, for a document, the revisions of its parts, which
     * the database removes with it).
     */
    @Transactional
    public void purge(ResourceType type, UUID documentId, UUID id, String ifMatch) {
        access.require(Role.ADMIN); // the one write that cannot be undone
        access.includeDeletedRows(); // the narrow path: what is purged is usually deleted
        requireKnown(type, documentId, id);
        // the revisions first: once a document is gone, the view no longer shows its revisions (the purge's failure
        // rolls this back too)
        em.createNativeQuery("DELETE FROM revision WHERE resource_id = :id OR document_id = :id")
                .setParameter("id", id)
                .executeUpdate();
        revisable(type).purge(documentId, id, ifMatch);
    }

    /**
     * 404 unless the resource exists (deleted or not), for a document's part belongs to that document, and, when it
     * is or belongs to a document (documents, their parts, annotations), the caller may see that document: the
     * history of what a caller may not see is as invisible as the thing itself.
     */
    private void requireKnown(ResourceType type, UUID documentId, UUID id) {
        // one statement: the resource is seen, or only its deletion hides it (tombstone), and a part is of that
        // document; what the caller may not see otherwise the views leave out
        String ofDocument = type.isDocumentPart() ? " AND t.document_id = :document" : "";
        String sql = "SELECT 1 FROM " + type.table() + " t WHERE t.id = :id" + ofDocument
                + " UNION ALL SELECT 1 FROM tombstone t WHERE t.resource_type = :type AND t.id = :id" + ofDocument;
        var query = em.createNativeQuery(sql).setParameter("id", id).setParameter("type", type.name());
        if (type.isDocumentPart()) {
            query.setParameter("document", documentId);
        }
        if (query.getResultList().isEmpty()) {
            throw ProblemException.notFound(type.label() + (type.isDocumentPart() ? " of document " + documentId : ""),
                    id);
        }
    }

    /** A state stored in {@code representation}, upgraded step by step to the current one of its type. */
    private JsonNode current(ResourceType type, int representation, JsonNode state) {
        Revisable revisable = revisable(type);
        JsonNode current = state;
        for (int r = representation; r < revisable.representation(); r++) {
            current = revisable.upgrade(r, current);
        }
        return current;
    }

    private Revisable revisable(ResourceType type) {
        return byType.computeIfAbsent(type, t -> {
            for (Revisable r : revisables) {
                if (r.resourceType() == t) {
                    return r;
                }
            }
            throw new IllegalStateException("No service restores " + t);
        });
    }

    /**
     * A revision's state read as the request body of a PUT ({@code type}): the read-only fields of the response
     * body (id, version, timestamps, derived values) are ignored. 409 when the state no longer fits the body.
     */
    public <I> I input(JsonNode state, Class<I> type) {
        try {
            return lenient.treeToValue(state, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.CONFLICT, "This revision cannot be restored: its state does not "
                    + "fit the resource as it is written now (" + e.getOriginalMessage() + ").");
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response body could not be written as JSON", e);
        }
    }

    private JsonNode read(String state) {
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }
}
