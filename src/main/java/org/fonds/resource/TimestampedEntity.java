package org.fonds.resource;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** {@link Versioned} with its {@code created_at} and {@code updated_at} columns. */
@MappedSuperclass
public abstract class TimestampedEntity extends Versioned implements Timestamped {

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Override
    public void created(OffsetDateTime at) {
        createdAt = at;
    }

    @Override
    public void updated(OffsetDateTime at) {
        updatedAt = at;
    }
}
