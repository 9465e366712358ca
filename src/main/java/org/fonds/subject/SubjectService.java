package org.fonds.subject;

import static org.fonds.http.ProblemException.requireBody;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;
import org.fonds.resource.References;
import jakarta.validation.Valid;
import java.util.UUID;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class SubjectService implements Revisable {

    private final SubjectRepository subjects;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction
    @Inject
    References references;
    private final CursorCodec cursors;
    private final MergePatcher patcher;

    public SubjectService(SubjectRepository subjects, CursorCodec cursors, MergePatcher patcher) {
        this.subjects = subjects;
        this.cursors = cursors;
        this.patcher = patcher;
    }

    @Transactional
    public SubjectView create(@Valid SubjectInput input) {
        requireBody(input);
        Subject s = new Subject();
        s.createdAt = Timestamps.now();
        apply(s, input);
        subjects.persist(s);
        subjects.flush();
        return recorded(s, RevisionAction.CREATE);
    }

    public SubjectView get(UUID id) {
        return SubjectView.of(find(id));
    }

    @Transactional
    public SubjectView replace(UUID id, String ifMatch, @Valid SubjectInput input) {
        requireBody(input);
        Subject s = find(id);
        ETags.checkIfMatch(ifMatch, s.version);
        apply(s, input);
        subjects.flush();
        return recorded(s, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public SubjectView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Subject s = find(id);
        ETags.checkIfMatch(ifMatch, s.version);
        apply(s, patcher.apply(new SubjectInput(s.label, s.scheme, s.uri), patch, SubjectInput.class));
        subjects.flush();
        return recorded(s, RevisionAction.UPDATE);
    }

    /**
     * Soft deletion: the subject answers 410 and leaves every list, facet and filter. Documents keep their link to it
     * (restoring the subject restores it); a purge removes the links.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Subject s = find(id);
        ETags.checkIfMatch(ifMatch, s.version);
        s.deletedAt = Timestamps.now();
        s.updatedAt = s.deletedAt;
        subjects.flush();
        recorded(s, RevisionAction.DELETE);
    }

    public Page<SubjectSummary> list(SubjectFilter filter, String cursor, int limit) {
        UUID after = cursors.afterId(filter.scope(), cursor);
        return cursors.page(filter.scope(), subjects.page(filter, after, limit + 1), limit, s -> s.id,
                SubjectSummary::of);
    }

    /** The live subject: 404 when unknown, 410 when deleted. */
    private Subject find(UUID id) {
        Subject s = findDeletedOrNot(id);
        if (s.deletedAt != null) {
            throw ProblemException.gone("subject", id);
        }
        return s;
    }

    private Subject findDeletedOrNot(UUID id) {
        return subjects.findByIdOptional(id).orElseThrow(() -> {
            references.requireFound(References.Table.SUBJECT, id); // 410 when deleted
            return ProblemException.notFound("subject", id);
        });
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.SUBJECT;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        SubjectInput input = revisions.valid(revisions.input(state, SubjectInput.class));
        Subject s = findDeletedOrNot(id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, s.version);
        }
        s.deletedAt = null;
        apply(s, input);
        subjects.flush();
        return new Restored(recorded(s, RevisionAction.RESTORE), s.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Subject s = findDeletedOrNot(id);
        ETags.checkIfMatch(ifMatch, s.version);
        references.delete(s, "subject", id); // 409 while other records still refer to it
    }

    private SubjectView recorded(Subject s, RevisionAction action) {
        SubjectView view = SubjectView.of(s);
        revisions.record(ResourceType.SUBJECT, s.id, null, s.version, action, view);
        return view;
    }

    private static void apply(Subject s, SubjectInput input) {
        s.label = input.label().strip();
        s.scheme = input.scheme();
        s.uri = input.uri();
        s.updatedAt = Timestamps.now();
    }
}
