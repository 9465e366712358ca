package org.fonds.subject;

import static org.fonds.shared.ProblemException.requireBody;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.UUID;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.MergePatcher;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class SubjectService {

    private final SubjectRepository subjects;
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
        return SubjectView.of(s);
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
        return SubjectView.of(s);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public SubjectView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Subject s = find(id);
        ETags.checkIfMatch(ifMatch, s.version);
        apply(s, patcher.apply(new SubjectInput(s.label, s.scheme, s.uri), patch, SubjectInput.class));
        subjects.flush();
        return SubjectView.of(s);
    }

    /** Deletes a subject; the documents it was given to lose it. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Subject s = find(id);
        ETags.checkIfMatch(ifMatch, s.version);
        subjects.delete(s);
    }

    public Page<SubjectSummary> list(SubjectFilter filter, String cursor, int limit) {
        UUID after = cursors.afterId(filter.scope(), cursor);
        return cursors.page(filter.scope(), subjects.page(filter, after, limit + 1), limit, s -> s.id,
                SubjectSummary::of);
    }

    private Subject find(UUID id) {
        return subjects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("subject", id));
    }

    private static void apply(Subject s, SubjectInput input) {
        s.label = input.label().strip();
        s.scheme = input.scheme();
        s.uri = input.uri();
        s.updatedAt = Timestamps.now();
    }
}
