package org.fonds.resource;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The columns every versioned resource has: a time-ordered id, the version its ETag names, and when it was
 * (soft-)deleted. Written by {@link VersionedService}.
 */
@MappedSuperclass
public abstract class Versioned {

    @Id
    @AssignableUuid
    public UUID id;

    /** When it was (soft-)deleted; null while it is live. */
    public OffsetDateTime deletedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
