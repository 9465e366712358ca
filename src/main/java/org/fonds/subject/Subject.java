package org.fonds.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A topic documents are about, possibly a heading of a controlled vocabulary. */
@Entity
@Table(name = "subject")
public class Subject {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false)
    public String label;

    public String scheme;

    public String uri;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** When it was (soft-)deleted; null while it is live. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
