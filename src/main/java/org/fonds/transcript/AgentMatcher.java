package org.fonds.transcript;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fonds.agent.AgentSearchHit;
import org.fonds.agent.AgentService;
import org.fonds.agent.AgentType;
import org.fonds.http.ProblemException;
import org.fonds.name.NameMatch;
import org.fonds.transcript.Proposal.ProposedAgent;

/**
 * Finds the existing agent a transcript names: one with a name variant equal to the name as written (case,
 * diacritics, apostrophes and punctuation aside: the name search's EXACT match), or to the variant written inline;
 * of the same type when several match. None: the import creates one.
 */
@ApplicationScoped
public class AgentMatcher {

    private final AgentService agents;

    AgentMatcher(AgentService agents) {
        this.agents = agents;
    }

    /** In a request context: the dry run's report may be made outside one (the import job's worker). */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> find(ProposedAgent agent) {
        Optional<UUID> found = exact(agent.name(), agent.type());
        if (found.isEmpty() && agent.name().regionMatches(true, 0, "the ", 0, 4)) {
            found = exact(agent.name().substring(4), agent.type());
        }
        if (found.isEmpty() && agent.variant() != null) {
            found = exact(agent.variant(), agent.type());
        }
        return found;
    }

    private Optional<UUID> exact(String name, String type) {
        List<AgentSearchHit> hits;
        try {
            hits = agents.search(name, null, 20).items();
        } catch (ProblemException nothingToSearchFor) {
            return Optional.empty();
        }
        List<AgentSearchHit> exact = hits.stream().filter(h -> h.match() == NameMatch.EXACT).toList();
        return exact.stream().filter(h -> h.agent().type() == AgentType.valueOf(type)).findFirst()
                .or(() -> exact.stream().findFirst())
                .map(h -> h.agent().id());
    }
}
