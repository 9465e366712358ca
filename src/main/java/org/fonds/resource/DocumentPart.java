package org.fonds.resource;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** What every resource that belongs to one document has: a time-ordered id, its document and a version. */
@MappedSuperclass
public abstract class DocumentPart {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "document_id", nullable = false, updatable = false)
    public UUID documentId;

    /** When the part was (soft-)deleted; null while it is live. */
    @Column(name = "deleted_at")
    public java.time.OffsetDateTime deletedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
