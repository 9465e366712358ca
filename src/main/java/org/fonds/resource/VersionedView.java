package org.fonds.resource;

import jakarta.ws.rs.core.EntityTag;
import java.util.UUID;
import org.fonds.http.ETags;

/** The response body of a versioned resource: its id, its version, and the ETag a read of it answers with. */
public interface VersionedView {

    UUID id();

    long version();

    /** The ETag of this body: its version (a body that embeds other resources combines their versions too). */
    default EntityTag etag() {
        return ETags.of(version());
    }
}
