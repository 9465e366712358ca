package org.fonds.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.name.Like;
import org.fonds.name.NameSearch;
import org.hibernate.query.NativeQuery;

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
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (after != null) {
            where.add("a.id > :after");
            params.put("after", after);
        }
        if (filter.type() != null) {
            where.add("a.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.name() != null) {
            where.add("EXISTS (SELECT 1 FROM agent_name n WHERE n.agent_id = a.id AND n.value ILIKE :name)");
            params.put("name", Like.containing(filter.name()));
        }
        if (filter.identifier() != null) {
            where.add("a.identifiers @> CAST(:identifier AS jsonb)");
            params.put("identifier", jsonb(List.of(Map.of("scheme", filter.identifier().scheme().name(),
                    "value", filter.identifier().value()))));
        }
        String sql = "SELECT a.* FROM agent a" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY a.id LIMIT :limit";
        Query query = getEntityManager().createNativeQuery(sql, Agent.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        return query.getResultList();
    }

    /**
     * The agents with a name variant matching the key (optionally of one type), best first, each with its best
     * variant's hit columns: rows of {Agent, hit_value, hit_language, hit_rank, hit_score}. Exact and prefix matches
     * first, similar ones only when those do not fill the page (NameSearch.search), through the trigram index on
     * agent_name.match_key; the names of the agents then load in one batch.
     */
    public List<Object[]> search(String q, String key, AgentType type, int limit) {
        return NameSearch.search(limit, similar -> search(q, key, type, limit, similar));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> search(String q, String key, AgentType type, int limit, boolean similar) {
        String sql = "SELECT {o.*}, h.hit_value, h.hit_language, h.hit_rank, h.hit_score FROM ("
                + NameSearch.bestVariants("agent_name", "agent_id", similar) + ") h JOIN agent o ON o.id = h.owner_id"
                + (type == null ? "" : " WHERE o.type = :type")
                + " ORDER BY " + NameSearch.RANKING + " LIMIT :limit";
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addEntity("o", Agent.class)
                .addScalar("hit_value", String.class)
                .addScalar("hit_language", String.class)
                .addScalar("hit_rank", Integer.class)
                .addScalar("hit_score", Double.class)
                .setParameter("key", key)
                .setParameter("compact", NameSearch.compact(key))
                .setParameter("q", q.strip())
                .setParameter("limit", limit);
        if (type != null) {
            query.setParameter("type", type.name());
        }
        return query.getResultList();
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
