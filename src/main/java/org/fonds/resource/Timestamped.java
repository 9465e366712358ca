package org.fonds.resource;

import java.time.OffsetDateTime;

/** A versioned resource that keeps when it was created and last written (set by {@link VersionedService}). */
public interface Timestamped {

    void created(OffsetDateTime at);

    void updated(OffsetDateTime at);
}
