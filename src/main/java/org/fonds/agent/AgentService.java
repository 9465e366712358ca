package org.fonds.agent;

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
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.name.NameSearch;
import org.fonds.name.NameVariantRow;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.resource.References;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class AgentService implements Revisable {

    private final AgentRepository agents;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction
    private final CursorCodec cursors;
    private final MergePatcher patcher;
    private final References references;

    public AgentService(AgentRepository agents, CursorCodec cursors, MergePatcher patcher, References references) {
        this.agents = agents;
        this.cursors = cursors;
        this.patcher = patcher;
        this.references = references;
    }

    @Transactional
    public AgentView create(@Valid AgentInput input) {
        requireBody(input);
        Agent a = new Agent();
        a.createdAt = Timestamps.now();
        apply(a, input);
        agents.persist(a);
        agents.flush();
        return recorded(a, RevisionAction.CREATE);
    }

    public AgentView get(UUID id) {
        return AgentView.of(find(id));
    }

    @Transactional
    public AgentView replace(UUID id, String ifMatch, @Valid AgentInput input) {
        requireBody(input);
        Agent a = find(id);
        ETags.checkIfMatch(ifMatch, a.version);
        apply(a, input);
        agents.flush();
        return recorded(a, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public AgentView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Agent a = find(id);
        ETags.checkIfMatch(ifMatch, a.version);
        apply(a, patcher.apply(toInput(a), patch, AgentInput.class));
        agents.flush();
        return recorded(a, RevisionAction.UPDATE);
    }

    /** Soft-deletes an agent that nothing live refers to; 409 while documents or other agents' offices still do. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Agent a = find(id);
        ETags.checkIfMatch(ifMatch, a.version);
        if (agents.isOrganisationOfAnotherAgentsOffice(id)) {
            throw new ProblemException(ProblemType.CONFLICT, "The agent " + id + " cannot be deleted while offices "
                    + "of other agents name it as their organisation. Change those offices first.");
        }
        references.refuseWhileReferred("agent", id, "participant", "agent_id");
        references.refuseWhileReferred("agent", id, "annotation", "agent_id");
        a.deletedAt = Timestamps.now();
        a.updatedAt = a.deletedAt;
        agents.flush();
        recorded(a, RevisionAction.DELETE);
    }

    public Page<AgentSummary> list(AgentFilter filter, String cursor, int limit) {
        UUID after = cursors.afterId(filter.scope(), cursor);
        return cursors.page(filter.scope(), agents.page(filter, after, limit + 1), limit, a -> a.id,
                AgentSummary::of);
    }

    /**
     * Agents with a name variant matching {@code q} (case, diacritics, apostrophes, punctuation and the Cyrillic
     * script aside, misspellings within pg_trgm's threshold), best first; 400 when q has nothing to search for.
     */
    public AgentSearchResults search(String q, AgentType type, Integer limit) {
        String key = NameSearch.key(q);
        int n = NameSearch.limit(limit);
        return new AgentSearchResults(agents.search(q, key, type, n).stream().map(row -> {
            NameSearch.Hit hit = NameSearch.hit(row, 1);
            return new AgentSearchHit(AgentSummary.of((Agent) row[0]), hit.variant(), hit.match(), hit.roundedScore());
        }).toList(), key, n);
    }

    /** The live agent: 404 when unknown, 410 when deleted. */
    private Agent find(UUID id) {
        Agent a = findDeletedOrNot(id);
        if (a.deletedAt != null) {
            throw ProblemException.gone("agent", id);
        }
        return a;
    }

    private Agent findDeletedOrNot(UUID id) {
        return agents.findByIdOptional(id).orElseThrow(() -> {
            references.requireFound(References.Table.AGENT, id); // 410 when deleted
            return ProblemException.notFound("agent", id);
        });
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.AGENT;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        AgentInput input = revisions.valid(revisions.input(state, AgentInput.class));
        Agent a = findDeletedOrNot(id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, a.version);
        }
        a.deletedAt = null;
        apply(a, input);
        agents.flush();
        return new Restored(recorded(a, RevisionAction.RESTORE), a.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Agent a = findDeletedOrNot(id);
        ETags.checkIfMatch(ifMatch, a.version);
        references.delete(a, "agent", id); // 409 while other records still refer to it
    }

    private AgentView recorded(Agent a, RevisionAction action) {
        AgentView view = AgentView.of(a);
        revisions.record(ResourceType.AGENT, a.id, null, a.version, action, view);
        return view;
    }

    private void apply(Agent a, AgentInput input) {
        List<Office> offices = input.offices() == null ? List.of() : input.offices();
        for (int i = 0; i < offices.size(); i++) {
            checkOffice("offices[" + i + "]", offices.get(i));
        }
        a.preferredName = NameVariantRow.replace(a.names, input.names(), () -> { // first: it flushes
            AgentName name = new AgentName();
            name.agent = a;
            return name;
        });
        a.type = input.type();
        a.existenceEdtf = input.existence();
        EdtfDate existence = input.existence() == null ? null : Edtf.parse(input.existence());
        a.existenceEarliest = existence == null ? null : existence.earliest();
        a.existenceLatest = existence == null ? null : existence.latest();
        a.offices = new ArrayList<>(offices.stream()
                .map(o -> new Office(o.title().strip(), o.organisationId(), o.start(), o.end())).toList());
        a.identifiers = input.identifiers() == null ? new ArrayList<>() : new ArrayList<>(input.identifiers());
        a.note = input.note();
        a.updatedAt = Timestamps.now();
    }

    /** What bean validation cannot see: the organisation exists, and the post was not left before it was taken up. */
    private void checkOffice(String field, Office office) {
        references.require(References.Table.AGENT, field + ".organisation_id", office.organisationId());
        if (office.start() != null && office.end() != null) {
            EdtfDate start = Edtf.parse(office.start());
            EdtfDate end = Edtf.parse(office.end());
            if (start.earliest() != null && end.latest() != null && end.latest().isBefore(start.earliest())) {
                throw ProblemException.invalidField(field + ".end", "must not be before start");
            }
        }
    }

    private static AgentInput toInput(Agent a) {
        return new AgentInput(a.type, NameVariantRow.variants(a.names), a.existenceEdtf, a.offices, a.identifiers,
                a.note);
    }
}
