package org.fonds.resource;

import org.fonds.fixity.Fixity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;

/** A document part that keeps its timestamps and a fixity digest (texts and media: the archive's content). */
@MappedSuperclass
public abstract class RecordedPart extends DocumentPart implements Fixity.Recorded, Timestamped {

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** SHA-256 of the canonical form, recorded by the service on every write (see Fixity). */
    public String fixitySha256;

    @Override
    public void created(OffsetDateTime at) {
        createdAt = at;
    }

    @Override
    public void updated(OffsetDateTime at) {
        updatedAt = at;
    }

    @Override
    public String recordedSha256() {
        return fixitySha256;
    }

    @Override
    public void recordSha256(String sha256) {
        fixitySha256 = sha256;
    }
}
