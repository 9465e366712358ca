package org.fonds.resource;

import org.fonds.access.Access;
import org.fonds.fixity.Fixity;
import org.fonds.fixity.FixityCheck;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.shared.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;

/**
 * Create, read, replace, delete and list of a resource that belongs to one document (its texts, participants,
 * links, media): written once, with the document checked, the If-Match honoured and keyset paging in id order.
 *
 * @param <E> the entity
 * @param <I> the input record (validated here, so that subclasses need no interceptor of their own)
 * @param <V> the view record
 */
public abstract class DocumentPartService<E extends DocumentPart, I, V> implements Revisable {

    protected final PanacheRepositoryBase<E, UUID> repository;
    protected final References references;
    protected final CursorCodec cursors;
    /** Field-injected so that the subclasses' constructors need not pass it. */
    @Inject
    protected Access access;
    private final Validator validator;
    private final String name;
    @Inject
    protected RevisionService revisions; // history: every write records a revision in its transaction

    protected DocumentPartService(String name, PanacheRepositoryBase<E, UUID> repository, References references,
            CursorCodec cursors, Validator validator) {
        this.name = name;
        this.repository = repository;
        this.references = references;
        this.cursors = cursors;
        this.validator = validator;
    }

    /** For CDI's client proxies only. */
    protected DocumentPartService() {
        this(null, null, null, null, null);
    }

    protected abstract E newEntity();

    /** Copies the input onto the entity, checking what validation annotations cannot (references, rules). */
    protected abstract void apply(E entity, I input);

    protected abstract V view(E entity);

    /**
     * The stored fields that the fixity digest of a part covers (see {@link Fixity}); only called for entities that
     * are {@link Fixity.Recorded}.
     */
    protected Map<String, Object> fixityFields(E entity) {
        throw new UnsupportedOperationException(name + " has no fixity digest");
    }

    /** The URL path segment of this kind of part under its document ("texts", "media"). */
    protected String pathSegment() {
        throw new UnsupportedOperationException(name + " has no path segment");
    }

    /** The input record type, to read a revision's state as a PUT body. */
    protected abstract Class<I> inputType();

    @Transactional
    public V create(UUID documentId, I input) {
        validate(input);
        access.requireWritable(documentId);
        E entity = newEntity();
        entity.documentId = documentId;
        apply(entity, input);
        recordFixity(entity);
        repository.persist(entity);
        repository.flush();
        return recorded(entity, RevisionAction.CREATE);
    }

    public V get(UUID documentId, UUID id) {
        return view(find(documentId, id));
    }

    @Transactional
    public V replace(UUID documentId, UUID id, String ifMatch, I input) {
        validate(input);
        access.requireWritable(documentId);
        E entity = find(documentId, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        apply(entity, input);
        recordFixity(entity);
        repository.flush();
        return recorded(entity, RevisionAction.UPDATE);
    }

    /** Soft deletion: the part answers 410 and leaves every list until it is restored (or purged). */
    @Transactional
    public void delete(UUID documentId, UUID id, String ifMatch) {
        access.requireWritable(documentId);
        E entity = find(documentId, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        entity.deletedAt = Timestamps.now();
        repository.flush();
        recorded(entity, RevisionAction.DELETE);
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        I input = revisions.input(state, inputType());
        validate(input);
        E entity = findDeletedOrNot(documentId, id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, entity.version);
        }
        entity.deletedAt = null;
        apply(entity, input);
        repository.flush();
        V view = recorded(entity, RevisionAction.RESTORE);
        return new Restored(view, entity.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        E entity = findDeletedOrNot(documentId, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        references.delete(entity, name, id); // 409 while other records still refer to it
    }

    /** The view of the entity as written, recorded as a revision of {@code action}. */
    protected V recorded(E entity, RevisionAction action) {
        V view = view(entity);
        revisions.record(resourceType(), entity.id, entity.documentId, entity.version, action, view);
        return view;
    }

    /** The document's parts in id (creation) order; {@code field} = {@code value} filters when value is not null. */
    public Page<V> list(UUID documentId, String field, Object value, String cursor, int limit) {
        access.requireVisible(documentId);
        String scope = name + "|" + documentId + "|" + value;
        UUID after = cursors.afterId(scope, cursor);
        // what the caller may not see (deleted parts, links to hidden documents) the views leave out
        StringBuilder query = new StringBuilder("from " + entityName() + " e where e.documentId = :document");
        Parameters params = Parameters.with("document", documentId);
        if (value != null) {
            query.append(" and e.").append(field).append(" = :value");
            params.and("value", value);
        }
        if (after != null) {
            query.append(" and e.id > :after");
            params.and("after", after);
        }
        List<E> rows = repository.find(query.append(" order by e.id").toString(), params).page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, e -> e.id, this::view);
    }

    /**
     * The views of parts read elsewhere (the one-statement embedding of GET /documents/{id}, whose SQL already left
     * out what the caller may not be shown).
     */
    public List<V> views(List<E> entities) {
        return entities.stream().map(this::view).toList();
    }

    /** The parts of several documents (visible ones: the caller checked) in one query, for embedding. */
    public List<V> ofDocuments(Collection<UUID> documentIds) {
        return repository.list("from " + entityName() + " e where e.documentId in ?1 order by e.documentId, e.id",
                documentIds).stream()
                .map(this::view).toList();
    }

    /** Recomputes the fixity digest of one part from what the database holds and compares it with the recorded one. */
    public FixityCheck verify(UUID documentId, UUID id) {
        return check(find(documentId, id)); // the session is the request's: what the database holds now
    }

    /**
     * Verifies every part of this kind, in id order, a batch at a time (the persistence context is cleared after each
     * batch, so memory stays bounded however large the archive); a row that cannot even be read is a mismatch.
     */
    public long verifyAll(int batchSize, Consumer<FixityCheck> sink) {
        long checked = 0;
        UUID after = null;
        while (true) {
            List<E> batch = after == null ? repository.find("order by id").page(0, batchSize).list()
                    : repository.find("id > ?1 order by id", after).page(0, batchSize).list();
            for (E entity : batch) {
                sink.accept(check(entity));
                checked++;
            }
            repository.getEntityManager().clear();
            if (batch.size() < batchSize) {
                return checked;
            }
            after = batch.get(batch.size() - 1).id;
        }
    }

    /** Records the digest of the parts written before fixity existed (one batch); the number recorded. */
    @Transactional
    public int recordMissingFixity(int batchSize) {
        List<E> batch = repository.find("fixitySha256 is null order by id").page(0, batchSize).list();
        batch.forEach(this::recordFixity);
        repository.flush();
        repository.getEntityManager().clear();
        return batch.size();
    }

    private FixityCheck check(E entity) {
        String resource = "/documents/" + entity.documentId + "/" + pathSegment() + "/" + entity.id;
        String actual;
        try {
            actual = Fixity.sha256(fixityFields(entity));
        } catch (RuntimeException e) {
            actual = null; // a stored value the canonical form cannot be built from is a mismatch too
        }
        return FixityCheck.of(resource, ((Fixity.Recorded) entity).recordedSha256(), actual);
    }

    private void recordFixity(E entity) {
        if (entity instanceof Fixity.Recorded recorded) {
            recorded.recordSha256(Fixity.sha256(fixityFields(entity)));
        }
    }

    /**
     * The live part of a document the caller may see: 404 when unknown, of another document or hidden from the
     * caller, 410 when it or its document is deleted.
     */
    protected E find(UUID documentId, UUID id) {
        E entity = findDeletedOrNot(documentId, id);
        if (entity.deletedAt != null) {
            throw ProblemException.gone(name, id);
        }
        return entity;
    }

    /**
     * The part, deleted or not, of a live document the caller may see: 404 when either is missing or hidden from the
     * caller, 410 when the document is deleted (both from the one lookup of Access.requireVisible).
     */
    protected E findDeletedOrNot(UUID documentId, UUID id) {
        access.requireVisible(documentId);
        E entity = repository.findById(id);
        if (entity == null && isTombstoneOf(documentId, id)) {
            throw ProblemException.gone(name, id);
        }
        if (entity == null || !entity.documentId.equals(documentId)) {
            throw ProblemException.notFound(name + " of document " + documentId, id);
        }
        return entity;
    }

    /** The deleted part {@code id} belongs to the document (as the tombstone says). */
    private boolean isTombstoneOf(UUID documentId, UUID id) {
        return !repository.getEntityManager()
                .createNativeQuery("SELECT 1 FROM tombstone WHERE resource_type = :type AND id = :id "
                        + "AND document_id = :document")
                .setParameter("type", resourceType().name())
                .setParameter("id", id)
                .setParameter("document", documentId)
                .getResultList().isEmpty();
    }

    private String entityName() {
        return newEntity().getClass().getSimpleName();
    }

    protected void validate(I input) {
        ProblemException.requireBody(input);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
