package org.fonds.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.ws.rs.core.MultivaluedMap;
import org.fonds.access.Access;
import org.fonds.access.Role;
import org.fonds.http.CursorCodec;
import org.fonds.http.Page;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionResource;
import org.fonds.history.RevisionService;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.shared.Timestamps;

/**
 * The one write path of every versioned resource (learned from DSpace's DSpaceRestRepository: the algorithm once,
 * per-type hooks): create, read, replace, RFC 7396 merge patch, soft delete, restore from a revision and purge, with
 * the body validated, {@code If-Match} honoured, the timestamps from the one clock, and the revision recorded in the
 * transaction of the write. A feature supplies its mapping ({@link #newEntity}, {@link #apply}, {@link #view},
 * {@link #toInput}) with its domain checks, and overrides a hook only where it really differs.
 *
 * <p>Every operation takes the resource's {@code owner}: the document in the URL of a document's part (see
 * {@link DocumentPartService}), null for a resource of its own; the overloads without it are for the latter.
 *
 * @param <E> the entity
 * @param <I> the input record (the body of a POST or PUT; validated here)
 * @param <V> the view record (the response body, and the state a revision stores)
 */
public abstract class VersionedService<E extends Versioned, I, V extends VersionedView> implements Revisable {

    protected final PanacheRepositoryBase<E, UUID> repository;
    /** Field-injected so that the subclasses' constructors need not pass them. */
    @Inject
    protected RevisionService revisions;
    @Inject
    protected References references;
    @Inject
    protected MergePatcher patcher;
    @Inject
    protected Validator validator;
    @Inject
    protected Access access;
    @Inject
    protected CursorCodec cursors;
    private final ResourceType type;
    private final Class<I> inputType;
    private final Supplier<E> newEntity;
    private final Function<E, V> toView;

    /**
     * @param newEntity a new, empty entity (its constructor)
     * @param toView the view of an entity (its view record's factory)
     */
    protected VersionedService(ResourceType type, Class<I> inputType, PanacheRepositoryBase<E, UUID> repository,
            Supplier<E> newEntity, Function<E, V> toView) {
        this.type = type;
        this.inputType = inputType;
        this.repository = repository;
        this.newEntity = newEntity;
        this.toView = toView;
    }

    /** For CDI's client proxies only. */
    protected VersionedService() {
        this(null, null, null, null, null);
    }

    /**
     * A page of this type's resources in id (creation) order, the next page's cursor holding the last id
     * ({@link CursorCodec#pageById}): {@code rows} reads the rows after an id, {@code view} maps each.
     */
    protected <T> Page<T> page(String scope, String cursor, int limit, CursorCodec.RowsAfter<E> rows,
            Function<E, T> view) {
        return cursors.pageById(scope, cursor, limit, rows, e -> e.id, view);
    }

    /** A new entity, before the input is applied (a part gets its document here). */
    protected E newEntity(UUID owner) {
        return newEntity.get();
    }

    /** Copies the input onto the entity, checking what validation annotations cannot (references, rules). */
    protected abstract void apply(E entity, I input);

    protected V view(E entity) {
        return toView.apply(entity);
    }

    /**
     * {@link #apply(Versioned, Object)} as part of {@code action} (CREATE, UPDATE or RESTORE), for a resource whose
     * writes differ by kind (a document's visibility: set on create, kept on restore).
     */
    protected void apply(E entity, I input, RevisionAction action) {
        apply(entity, input);
    }

    /** The merge patch's result as the input to apply (a resource may read more of the patch than its result). */
    protected I patched(E entity, I merged, JsonNode patch) {
        return merged;
    }

    /** The writable fields of the entity as an input, which a merge patch is applied to. */
    protected I toInput(E entity) {
        throw new UnsupportedOperationException(type + " has no merge patch");
    }

    /** The document a resource belongs to, recorded with its revisions (null for a resource of its own). */
    protected UUID documentOf(E entity) {
        return null;
    }

    /**
     * The least role that may replace, patch or delete one: editors for an authority record
     * ({@link ResourceType#isAuthority()}), else contributors (every write needs that much). Checked first, before
     * the body or the resource is looked at.
     */
    protected Role changeRole() {
        return type.isAuthority() ? Role.EDITOR : Role.CONTRIBUTOR;
    }

    /** The least role that may delete one ({@link #changeRole()} by default). */
    protected Role deleteRole() {
        return changeRole();
    }

    /**
     * Before a create, replace, patch or delete: whether the caller may write to the owner, the document of a part or
     * an annotation (contributors only to their drafts: {@link Access#requireWritable}); nothing for a resource of its
     * own.
     */
    protected void checkWritable(UUID owner) {
        if (owner != null) {
            access.requireWritable(owner);
        }
    }

    /**
     * The live resource the caller may write (replace, patch, delete): by default {@link #checkWritable} of the owner
     * in the URL, then {@link #find}; a resource that knows its document only when loaded checks after.
     */
    protected E findWritable(UUID owner, UUID id) {
        checkWritable(owner);
        return find(owner, id);
    }

    /** Before a soft deletion, after If-Match: the domain's refusals (409 while something live refers to it). */
    protected void beforeDelete(E entity) {
    }

    /** Before a purge, after If-Match: what the database would otherwise refuse or leave dangling. */
    protected void beforePurge(E entity) {
    }

    /** After every write of the entity's fields (create, replace, patch, restore): e.g. its fixity digest. */
    protected void written(E entity) {
    }

    /** A revision's state read as the input it was written from (409 when it no longer fits). */
    protected I restoredInput(JsonNode state) {
        return revisions.input(state, inputType);
    }

    @Override
    public ResourceType resourceType() {
        return type;
    }

    /** The history of one resource, for the sub-resource locator {@code .../{id}/revisions} of its resource class. */
    public RevisionResource revisions(UUID owner, UUID id) {
        return new RevisionResource(revisions, type, owner, id);
    }

    public V create(I input) {
        return create(null, input);
    }

    @Transactional
    public V create(UUID owner, I input) {
        return create(owner, null, input);
    }

    /**
     * A create under the given id (null: a new one), for an import that keeps its source's ids; 409 when a resource
     * of this type, live or deleted, visible or not, already has it.
     */
    @Transactional
    public V create(UUID owner, UUID id, I input) {
        validate(input);
        checkWritable(owner);
        E entity = newEntity(owner);
        entity.id = id;
        OffsetDateTime now = write(entity, input, RevisionAction.CREATE);
        if (entity instanceof Timestamped t) {
            t.created(now); // the same instant as updated_at: a new resource was never changed
        }
        repository.persist(entity);
        try {
            repository.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (id != null && uniqueViolation(e)) {
                throw new ProblemException(ProblemType.CONFLICT, "A " + type.label() + " with the id " + id
                        + " exists already.");
            }
            throw e;
        }
        return recorded(entity, RevisionAction.CREATE);
    }

    public V get(UUID id) {
        return get(null, id);
    }

    /** The resources with these ids the caller sees, in id order (an unknown id is left out). */
    public java.util.List<V> views(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.List.of()
                : repository.list("id in ?1 order by id", ids).stream().map(this::view).toList();
    }

    public V get(UUID owner, UUID id) {
        return view(find(owner, id));
    }

    /**
     * The resource as a GET of its URL answers it; {@code query} is the request's query, for a type whose reads take
     * options (a document's {@code embed}).
     */
    public V read(UUID owner, UUID id, MultivaluedMap<String, String> query) {
        return get(owner, id);
    }

    /**
     * The answer to a GET of the resource's URL: its {@link #read} with its ETag, or 304 when {@code If-None-Match}
     * names it. A type may answer otherwise (documents come from a cache of rendered responses).
     */
    public jakarta.ws.rs.core.Response respond(UUID owner, UUID id, jakarta.ws.rs.core.Request request,
            MultivaluedMap<String, String> query) {
        V view = read(owner, id, query);
        return org.fonds.http.Responses.conditional(request, view.etag(), view);
    }

    /** {@link #replace(UUID, UUID, String, Object)} with the body as received (read as the input type here). */
    public V replaceFromBody(UUID owner, UUID id, String ifMatch, JsonNode body) {
        return replace(owner, id, ifMatch, patcher.read(body, inputType));
    }

    public V replace(UUID id, String ifMatch, I input) {
        return replace(null, id, ifMatch, input);
    }

    @Transactional
    public V replace(UUID owner, UUID id, String ifMatch, I input) {
        access.require(changeRole());
        validate(input);
        E entity = findWritable(owner, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        write(entity, input, RevisionAction.UPDATE);
        repository.flush();
        return recorded(entity, RevisionAction.UPDATE);
    }

    public V patch(UUID id, String ifMatch, JsonNode patch) {
        return patch(null, id, ifMatch, patch);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public V patch(UUID owner, UUID id, String ifMatch, JsonNode patch) {
        access.require(changeRole());
        ProblemException.requireBody(patch);
        E entity = findWritable(owner, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        I input = patched(entity, patcher.apply(toInput(entity), patch, inputType), patch);
        write(entity, input, RevisionAction.UPDATE);
        repository.flush();
        return recorded(entity, RevisionAction.UPDATE);
    }

    public void delete(UUID id, String ifMatch) {
        delete(null, id, ifMatch);
    }

    /** Soft deletion: the resource answers 410 and leaves every list until it is restored (or purged). */
    @Transactional
    public void delete(UUID owner, UUID id, String ifMatch) {
        access.require(deleteRole());
        E entity = findWritable(owner, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        beforeDelete(entity);
        entity.deletedAt = Timestamps.now();
        if (entity instanceof Timestamped t) {
            t.updated(entity.deletedAt);
        }
        repository.flush();
        recorded(entity, RevisionAction.DELETE);
    }

    /** Makes a revision's state the current state, deleted or not, validated like a PUT body. */
    @Override
    @Transactional
    public Restored restore(UUID owner, UUID id, String ifMatch, JsonNode state) {
        I input = restoredInput(state);
        validate(input);
        E entity = findDeletedOrNot(owner, id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, entity.version);
        }
        entity.deletedAt = null;
        write(entity, input, RevisionAction.RESTORE);
        repository.flush();
        return new Restored(recorded(entity, RevisionAction.RESTORE), entity.version);
    }

    @Override
    @Transactional
    public void purge(UUID owner, UUID id, String ifMatch) {
        E entity = findDeletedOrNot(owner, id);
        ETags.checkIfMatch(ifMatch, entity.version);
        beforePurge(entity);
        references.delete(entity, type.label(), id); // 409 while other records still refer to it
    }

    /**
     * The live resource: 404 when unknown (or, for a part, of another document or hidden from the caller), 410 when
     * it (or its document) is deleted.
     */
    protected E find(UUID owner, UUID id) {
        E entity = findDeletedOrNot(owner, id);
        if (entity.deletedAt != null) {
            throw ProblemException.gone(type.label(), id);
        }
        return entity;
    }

    /** The resource, deleted or not (for restore and purge): 404 when unknown or hidden from the caller. */
    protected E findDeletedOrNot(UUID owner, UUID id) {
        E entity = repository.findById(id);
        if (entity == null) {
            if (access.deleted(type.name(), id)) { // the views hide deleted rows; the tombstones tell 410 from 404
                throw ProblemException.gone(type.label(), id);
            }
            throw ProblemException.notFound(type.label(), id);
        }
        return entity;
    }

    /** The view of the entity as written, recorded as a revision of {@code action} in the current transaction. */
    protected V recorded(E entity, RevisionAction action) {
        V view = view(entity);
        revisions.record(type, entity.id, documentOf(entity), entity.version, action, view);
        return view;
    }

    /** Applies the input, stamps the write and answers its instant. */
    private OffsetDateTime write(E entity, I input, RevisionAction action) {
        apply(entity, input, action);
        OffsetDateTime now = Timestamps.now();
        if (entity instanceof Timestamped t) {
            t.updated(now);
        }
        written(entity);
        return now;
    }

    protected void validate(I input) {
        ProblemException.requireBody(input);
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** Whether a write failed on a unique constraint (SQLSTATE 23505): here, the primary key of an assigned id. */
    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
