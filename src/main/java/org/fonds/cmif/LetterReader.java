package org.fonds.cmif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.access.Caller;
import org.fonds.access.Role;

/**
 * Reads {@link Letter}s: each document with its participants, their agents and places in one JSON value per row, a
 * keyset page at a time, through the views (a hidden or deleted document, part, agent or place is not there for the
 * caller). Each page runs in a transaction of its own as the given role, so that a streamed response (written after
 * the resource method returned) reads as its caller, one short statement per page.
 */
@ApplicationScoped
public class LetterReader {

    /** Hibernate's JSON format mapper's configuration, as DocumentReader reads the jsonb columns. */
    private static final ObjectMapper ENTITIES = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static String place(String column) {
        return "(SELECT json_build_object('id', pl.id, 'name', pl.preferred_name, 'identifiers', pl.identifiers) "
                + "FROM place pl WHERE pl.id = " + column + ")";
    }

    private static final String LETTER = "SELECT CAST(json_build_object('id', d.id, 'kind', d.kind, "
            + "'title', d.title, 'summary', d.summary, 'referenceNumbers', d.reference_numbers, "
            + "'languages', d.languages, 'date', d.date_edtf, 'dispatched', d.dispatched_edtf, 'source', d.source, "
            + "'rights', d.rights, 'credits', d.credits, 'updatedAt', d.updated_at, "
            + "'origin', " + place("d.place_of_origin_id") + ", "
            + "'collectionIds', ARRAY(SELECT c.collection_id FROM document_collection c WHERE c.document_id = d.id "
            + "ORDER BY c.collection_id), "
            + "'participants', (SELECT coalesce(json_agg(json_build_object('role', p.role, 'position', p.position, "
            + "'nameAsWritten', p.name_as_written, 'agentId', a.id, 'agentName', a.preferred_name, "
            + "'agentType', a.type, 'identifiers', a.identifiers, 'date', p.date_edtf, "
            + "'place', " + place("p.place_id") + ") ORDER BY p.position, p.id), '[]') "
            + "FROM participant p LEFT JOIN agent a ON a.id = p.agent_id WHERE p.document_id = d.id)) AS text) "
            + "FROM document d";

    private final EntityManager em;

    public LetterReader(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} documents of these kinds (all kinds when empty) after {@code after}, in id order. */
    public List<Letter> page(Role role, Collection<String> kinds, UUID after, int limit) {
        StringBuilder sql = new StringBuilder(LETTER).append(" WHERE true");
        if (after != null) {
            sql.append(" AND d.id > :after");
        }
        if (!kinds.isEmpty()) {
            sql.append(" AND d.kind IN (:kinds)");
        }
        sql.append(" ORDER BY d.id LIMIT :limit");
        return read(role, sql.toString(), q -> {
            if (after != null) {
                q.setParameter("after", after);
            }
            if (!kinds.isEmpty()) {
                q.setParameter("kinds", kinds);
            }
            q.setParameter("limit", limit);
        });
    }

    /** The documents of these ids that the caller sees, in the order of {@code ids}. */
    public List<Letter> byIds(Role role, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Letter> found = new ArrayList<>(read(role, LETTER + " WHERE d.id IN (:ids)",
                q -> q.setParameter("ids", ids)));
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        found.sort(Comparator.comparing(l -> order.get(l.id())));
        return found;
    }

    /**
     * What changes whenever anything the caller sees in an export changes: the last revision it may read (every
     * write records one, agents and places included) and the day (an embargo ends at the start of its day).
     */
    public String changeMark(Role role) {
        return Caller.as(role, () -> QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT CAST(coalesce(max(r.id), 0) AS text) || '-' || to_char(CURRENT_DATE, 'YYYYMMDD') "
                        + "FROM revision r").getSingleResult())));
    }

    private List<Letter> read(Role role, String sql, java.util.function.Consumer<Query> parameters) {
        @SuppressWarnings("unchecked")
        List<String> rows = Caller.as(role, () -> QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery(sql);
            parameters.accept(query);
            return (List<String>) query.getResultList();
        }));
        List<Letter> letters = new ArrayList<>(rows.size());
        for (String row : rows) {
            try {
                letters.add(ENTITIES.readValue(row, Letter.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read a letter", e);
            }
        }
        return letters;
    }
}
