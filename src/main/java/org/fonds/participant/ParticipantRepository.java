package org.fonds.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public int nextPosition(UUID documentId) {
        Integer max = find("select max(position) from Participant where documentId = ?1", documentId)
                .project(Integer.class).firstResult();
        return max == null ? 0 : max + 1;
    }
}
