package org.fonds.text;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TextRepository implements PanacheRepositoryBase<Text, UUID> {

    public List<Text> ofDocument(UUID documentId) {
        return list("documentId = ?1 order by id", documentId);
    }

    public List<Text> ofDocuments(Collection<UUID> documentIds) {
        return list("documentId in ?1 order by documentId, id", documentIds);
    }
}
