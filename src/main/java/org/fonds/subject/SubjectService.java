package org.fonds.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.resource.VersionedService;

/**
 * Subjects: written through {@link VersionedService}. A deleted subject answers 410 and leaves every list, facet and
 * filter; documents keep their link to it (restoring the subject restores it), and a purge removes the links.
 */
@ApplicationScoped
public class SubjectService extends VersionedService<Subject, SubjectInput, SubjectView> {

    private final SubjectRepository subjects;

    public SubjectService(SubjectRepository subjects) {
        super(ResourceType.SUBJECT, SubjectInput.class, subjects, Subject::new, SubjectView::of);
        this.subjects = subjects;
    }

    public Page<SubjectSummary> list(SubjectFilter filter, String cursor, int limit) {
        return page(filter.scope(), cursor, limit, (after, n) -> subjects.page(filter, after, n), SubjectSummary::of);
    }

    @Override
    protected void apply(Subject s, SubjectInput input) {
        if (input.scheme() != null && input.scheme().isEmpty()) { // the column's CHECK: a scheme has a name or is null
            throw ProblemException.invalidField("scheme", "must not be empty (leave it out or null for none)");
        }
        s.label = input.label().strip();
        s.scheme = input.scheme();
        s.uri = input.uri();
    }

    @Override
    protected SubjectInput toInput(Subject s) {
        return new SubjectInput(s.label, s.scheme, s.uri);
    }

    /**
     * Representation 1 is the view as it is. Representation 0, the first step of the chain (no stored revision has it
     * yet; RevisionRepresentationTest stores one), named the label {@code heading}.
     */
    @Override
    public int representation() {
        return 1;
    }

    @Override
    public JsonNode upgrade(int from, JsonNode state) {
        if (from != 0) {
            return super.upgrade(from, state);
        }
        ObjectNode upgraded = state.deepCopy();
        upgraded.set("label", upgraded.remove("heading"));
        return upgraded;
    }
}
