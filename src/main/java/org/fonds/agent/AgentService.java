package org.fonds.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fonds.history.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.name.NameSearch;
import org.fonds.name.NameSearchCache;
import org.fonds.name.NameVariantRow;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.resource.References;
import org.fonds.resource.VersionedService;

@ApplicationScoped
public class AgentService extends VersionedService<Agent, AgentInput, AgentView> {

    private final AgentRepository agents;
    private final NameSearchCache searches;

    public AgentService(AgentRepository agents, NameSearchCache searches) {
        super(ResourceType.AGENT, AgentInput.class, agents, Agent::new, AgentView::of);
        this.agents = agents;
        this.searches = searches;
    }

    /** An agent is deleted only while nothing live refers to it: 409 while documents or other agents' offices do. */
    @Override
    protected void beforeDelete(Agent a) {
        if (agents.isOrganisationOfAnotherAgentsOffice(a.id)) {
            throw new ProblemException(ProblemType.CONFLICT, "The agent " + a.id + " cannot be deleted while offices "
                    + "of other agents name it as their organisation. Change those offices first.");
        }
        references.refuseWhileReferred("agent", a.id, "participant", "agent_id");
        references.refuseWhileReferred("agent", a.id, "annotation", "agent_id");
    }

    public Page<AgentSummary> list(AgentFilter filter, String cursor, int limit) {
        return page(filter.scope(), cursor, limit, (after, n) -> agents.page(filter, after, n), AgentSummary::of);
    }

    /**
     * Agents with a name variant matching {@code q} (case, diacritics, apostrophes, punctuation and the Cyrillic
     * script aside, misspellings within pg_trgm's threshold), best first; 400 when q has nothing to search for.
     * Repeated searches are answered from {@link NameSearchCache}.
     */
    @Transactional // the passes of the name search set pg_trgm's thresholds for the transaction (NameSearch.find)
    public AgentSearchResults search(String q, AgentType type, Integer limit) {
        NameSearch.Query query = NameSearch.Query.of(q, limit);
        return searches.get("agents", query, type, () -> new AgentSearchResults(
                agents.search(query, type).stream().map(AgentSearchHit::of).toList(), query.key(), query.limit()));
    }

    @Override
    protected void apply(Agent a, AgentInput input) {
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

    @Override
    protected AgentInput toInput(Agent a) {
        return new AgentInput(a.type, NameVariantRow.variants(a.names), a.existenceEdtf, a.offices, a.identifiers,
                a.note);
    }
}
