package org.fonds.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fonds.http.ProblemException;
import org.fonds.name.NameMatch;

/**
 * Finds the existing agent an imported document names: one with a name variant equal to the name as written (case,
 * diacritics, apostrophes and punctuation aside: the name search's EXACT match). Used by the transcript and the FRUS
 * imports; none found: the import creates one.
 */
@ApplicationScoped
public class AgentMatcher {

    private final AgentService agents;

    AgentMatcher(AgentService agents) {
        this.agents = agents;
    }

    /**
     * The agent a transcript names: by its name (also without a leading "the"), else by the variant written inline;
     * of the same type when several match.
     */
    @ActivateRequestContext // the dry run's report may be made outside one (the import job's worker)
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> find(String name, String variant, String type) {
        Optional<UUID> found = first(exact(name), type);
        if (found.isEmpty() && name.regionMatches(true, 0, "the ", 0, 4)) {
            found = first(exact(name.substring(4)), type);
        }
        if (found.isEmpty() && variant != null) {
            found = first(exact(variant), type);
        }
        return found;
    }

    /** The one agent that has the name as a variant; empty when none has, or when several have (which is meant?). */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> only(String name) {
        List<UUID> ids = exact(name).stream().map(h -> h.agent().id()).distinct().toList();
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    private List<AgentSearchHit> exact(String name) {
        try {
            return agents.search(name, null, 20).items().stream().filter(h -> h.match() == NameMatch.EXACT).toList();
        } catch (ProblemException nothingToSearchFor) {
            return List.of();
        }
    }

    private static Optional<UUID> first(List<AgentSearchHit> exact, String type) {
        return exact.stream().filter(h -> h.agent().type() == AgentType.valueOf(type)).findFirst()
                .or(() -> exact.stream().findFirst())
                .map(h -> h.agent().id());
    }
}
