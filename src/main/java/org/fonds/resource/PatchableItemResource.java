package org.fonds.resource;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.fonds.http.MergePatch;

/** An {@link ItemResource} that also takes RFC 7396 merge patches of its writable fields. */
public class PatchableItemResource extends ItemResource {

    public PatchableItemResource(VersionedService<?, ?, ?> service, UUID owner, UUID id) {
        super(service, owner, id);
    }

    @PATCH
    @Consumes(MergePatch.MEDIA_TYPE)
    public Response patch(@HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return tagged(service.patch(owner, id, ifMatch, patch));
    }
}
