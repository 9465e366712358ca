package org.fonds.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.db.Where;
import org.fonds.name.Identifier;
import org.fonds.name.Like;
import org.fonds.name.NameSearch;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    /** Writes jsonb containment probes in the format Hibernate stores the jsonb columns in (record component names). */
    private static final ObjectMapper JSONB = new ObjectMapper();

    /**
     * One keyset page in id order (creation order). Native SQL for the jsonb containment and the name subquery;
     * the filters have indexes (agent_type_idx, the trigram index on agent_name.value, the GIN index on
     * identifiers). Names are not joined: they load in batches when the page is mapped.
     */
    @SuppressWarnings("unchecked")
    public List<Agent> page(AgentFilter filter, UUID after, int limit) {
        Identifier identifier = filter.identifier();
        Where where = new Where().and("a.id > :after", "after", after)
                .and("a.type = :type", "type", filter.type() == null ? null : filter.type().name())
                .and("EXISTS (SELECT 1 FROM agent_name n WHERE n.agent_id = a.id AND n.value ILIKE :name)", "name",
                        Like.containing(filter.name()))
                .and("a.identifiers @> CAST(:identifier AS jsonb)", "identifier", identifier == null ? null
                        : jsonb(List.of(Map.of("scheme", identifier.scheme().name(), "value", identifier.value()))));
        Query query = getEntityManager().createNativeQuery("SELECT a.* FROM agent a" + where.clause()
                + " ORDER BY a.id LIMIT :limit", Agent.class);
        where.parameters().forEach(query::setParameter);
        query.setParameter("limit", limit);
        return query.getResultList();
    }

    private static final NameSearch.Tables<Agent> NAMES = new NameSearch.Tables<>(Agent.class, "agent", "agent_name",
            "agent_id");

    /**
     * The agents with a name variant matching the query (optionally of one type), best first (NameSearch.find),
     * through the trigram index on agent_name.match_key.
     */
    public List<NameSearch.Found<Agent>> search(NameSearch.Query query, AgentType type) {
        return type == null ? NameSearch.find(getEntityManager(), NAMES, query, null, Map.of())
                : NameSearch.find(getEntityManager(), NAMES, query, "o.type = :type", Map.of("type", type.name()));
    }

    /** Whether an office of another agent names this agent as its organisation. */
    public boolean isOrganisationOfAnotherAgentsOffice(UUID id) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM agent WHERE id <> :id "
                        + "AND offices @> CAST(:office AS jsonb))", Boolean.class)
                .setParameter("id", id)
                .setParameter("office", jsonb(List.of(Map.of("organisationId", id.toString()))))
                .getSingleResult();
    }

    private static String jsonb(Object value) {
        try {
            return JSONB.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
