package org.fonds.shared;

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
import java.util.Set;
import java.util.UUID;
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

    /** The input record type, to read a revision's state as a PUT body. */
    protected abstract Class<I> inputType();

    @Transactional
    public V create(UUID documentId, I input) {
        validate(input);
        references.requireFound(References.Table.DOCUMENT, documentId);
        E entity = newEntity();
        entity.documentId = documentId;
        apply(entity, input);
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
        E entity = find(documentId, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        apply(entity, input);
        repository.flush();
        return recorded(entity, RevisionAction.UPDATE);
    }

    /** Soft deletion: the part answers 410 and leaves every list until it is restored (or purged). */
    @Transactional
    public void delete(UUID documentId, UUID id, String ifMatch) {
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
        references.requireFound(References.Table.DOCUMENT, documentId);
        String scope = name + "|" + documentId + "|" + value;
        UUID after = cursors.afterId(scope, cursor);
        StringBuilder query = new StringBuilder("documentId = :document and deletedAt is null");
        Parameters params = Parameters.with("document", documentId);
        if (value != null) {
            query.append(" and ").append(field).append(" = :value");
            params.and("value", value);
        }
        if (after != null) {
            query.append(" and id > :after");
            params.and("after", after);
        }
        List<E> rows = repository.find(query.append(" order by id").toString(), params).page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, e -> e.id, this::view);
    }

    /** The parts of several documents in one query, for embedding. */
    public List<V> ofDocuments(Collection<UUID> documentIds) {
        return repository.list("documentId in ?1 and deletedAt is null order by documentId, id", documentIds).stream()
                .map(this::view).toList();
    }

    /** The live part: 404 when unknown or of another document, 410 when it or its document is deleted. */
    protected E find(UUID documentId, UUID id) {
        E entity = findDeletedOrNot(documentId, id);
        if (entity.deletedAt != null) {
            throw SoftDelete.gone(name, id);
        }
        return entity;
    }

    /** The part, deleted or not, of a live document (410 when the document is deleted). */
    protected E findDeletedOrNot(UUID documentId, UUID id) {
        E entity = repository.findById(id);
        if (entity == null || !entity.documentId.equals(documentId)) {
            throw ProblemException.notFound(name + " of document " + documentId, id);
        }
        references.requireFound(References.Table.DOCUMENT, documentId);
        return entity;
    }

    protected void validate(I input) {
        ProblemException.requireBody(input);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
