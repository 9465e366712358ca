package org.fonds.agent;

import static org.fonds.shared.ProblemException.requireBody;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.date.Edtf;
import org.fonds.date.EdtfDate;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.MergePatcher;
import org.fonds.shared.NameSearch;
import org.fonds.shared.NameVariantRow;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.ProblemType;
import org.fonds.shared.References;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
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
        return AgentView.of(a);
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
        return AgentView.of(a);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public AgentView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Agent a = find(id);
        ETags.checkIfMatch(ifMatch, a.version);
        apply(a, patcher.apply(toInput(a), patch, AgentInput.class));
        agents.flush();
        return AgentView.of(a);
    }

    /** Deletes an agent that nothing refers to; 409 while documents or other agents' offices still do. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Agent a = find(id);
        ETags.checkIfMatch(ifMatch, a.version);
        if (agents.isOrganisationOfAnotherAgentsOffice(id)) {
            throw new ProblemException(ProblemType.CONFLICT, "The agent " + id + " cannot be deleted while offices "
                    + "of other agents name it as their organisation. Change those offices first.");
        }
        references.delete(a, "agent", id);
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

    private Agent find(UUID id) {
        return agents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("agent", id));
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
