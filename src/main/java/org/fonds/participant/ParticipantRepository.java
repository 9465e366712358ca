package org.fonds.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public List<Participant> ofDocuments(Collection<UUID> documentIds) {
        return list("documentId in ?1 order by documentId, position, id", documentIds);
    }

    public int nextPosition(UUID documentId) {
        Integer max = find("select max(position) from Participant where documentId = ?1", documentId)
                .project(Integer.class).firstResult();
        return max == null ? 0 : max + 1;
    }
}
