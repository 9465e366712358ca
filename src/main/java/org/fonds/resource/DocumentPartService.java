package org.fonds.resource;

import org.fonds.access.Access;
import org.fonds.db.Where;
import org.fonds.fixity.Fixity;
import org.fonds.fixity.FixityCheck;
import org.fonds.history.ResourceType;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The document-scoped flavour of {@link VersionedService}, for what belongs to one document (its texts, participants,
 * links, media): the owner is the document in the URL, which the caller must see (and, to write, may write); plus
 * keyset paging in id order, the parts of several documents for embedding, and the fixity digest of the parts that
 * keep one.
 *
 * @param <E> the entity
 * @param <I> the input record (validated here, so that subclasses need no interceptor of their own)
 * @param <V> the view record
 */
public abstract class DocumentPartService<E extends DocumentPart, I, V extends VersionedView> extends VersionedService<E, I, V> {

    /**
     * @param newPart a new, empty entity (its constructor)
     * @param toView the view of an entity (its view record's factory)
     */
    protected DocumentPartService(ResourceType type, Class<I> inputType, PanacheRepositoryBase<E, UUID> repository,
            Supplier<E> newPart, Function<E, V> toView) {
        super(type, inputType, repository, newPart, toView);
    }

    /** For CDI's client proxies only. */
    protected DocumentPartService() {
        this(null, null, null, null, null);
    }

    @Override
    protected E newEntity(UUID documentId) {
        E entity = super.newEntity(documentId);
        entity.documentId = documentId;
        return entity;
    }

    /**
     * HQL: the part {@code alias} is shown to the caller, beyond its document being visible (links hide those whose
     * target is invisible); null when every part of a visible document is.
     */
    protected String shownCondition(String alias) {
        return null;
    }

    /** {@link #shownCondition} for one loaded part. */
    protected boolean shown(E entity) {
        return true;
    }

    /**
     * The stored fields that the fixity digest of a part covers (see {@link Fixity}); only called for entities that
     * are {@link Fixity.Recorded}.
     */
    protected Map<String, Object> fixityFields(E entity) {
        throw new UnsupportedOperationException(resourceType() + " has no fixity digest");
    }

    /** The URL path segment of this kind of part under its document ("texts", "media"). */
    protected String pathSegment() {
        return resourceType().segment();
    }

    @Override
    protected UUID documentOf(E entity) {
        return entity.documentId;
    }

    @Override
    protected void written(E entity) {
        recordFixity(entity);
    }

    /** The document's parts in id (creation) order; {@code field} = {@code value} filters when value is not null. */
    public Page<V> list(UUID documentId, String field, Object value, String cursor, int limit) {
        access.requireVisible(documentId);
        String scope = resourceType().label() + "|" + documentId + "|" + value;
        return page(scope, cursor, limit, (after, n) -> rows(documentId, field, value, after, n), this::view);
    }

    private List<E> rows(UUID documentId, String field, Object value, UUID after, int count) {
        // what the caller may not see (deleted parts, links to hidden documents) the views leave out
        Where where = new Where().and("e.documentId = :document", "document", documentId)
                .and("e." + field + " = :value", "value", value)
                .and("e.id > :after", "after", after);
        return repository.find("from " + entityName() + " e" + where.clause() + " order by e.id", where.parameters())
                .page(0, count).list();
    }

    /**
     * The views of parts read elsewhere (the one-statement embedding of GET /documents/{id}, whose SQL already left
     * out what the caller may not be shown).
     */
    public List<V> views(List<E> entities) {
        return entities.stream().map(this::view).toList();
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

    public long countAll() {
        return repository.count();
    }

    public long countMissingFixity() {
        return repository.count("fixitySha256 is null");
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
     * The part of a live document the caller may see (deleted or not only on history's narrow path): 404 when either
     * is missing or hidden from the caller, 410 when the document (Access.requireVisible) or the part is deleted (a
     * tombstone of this document).
     */
    @Override
    protected E findDeletedOrNot(UUID documentId, UUID id) {
        access.requireVisible(documentId);
        E entity = repository.findById(id);
        if (entity == null && access.deleted(resourceType().name(), id, documentId)) {
            throw ProblemException.gone(resourceType().label(), id);
        }
        if (entity == null || !entity.documentId.equals(documentId)) {
            throw ProblemException.notFound(resourceType().label() + " of document " + documentId, id);
        }
        return entity;
    }

    private String entityName() {
        return super.newEntity(null).getClass().getSimpleName();
    }
}
