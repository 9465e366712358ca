package org.fonds.resource;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** What every resource that belongs to one document has beyond {@link Versioned}: its document. */
@MappedSuperclass
public abstract class DocumentPart extends Versioned {

    @Column(nullable = false, updatable = false)
    public UUID documentId;
}
