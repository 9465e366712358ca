package org.fonds.link;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.DocumentPartsResource;

@Path("/documents/{document_id}/links")
@Tag(name = "Links", description = "Typed links between documents (reply to, enclosure of, same meeting, cites); the reference is kept as written.")
public class LinkResource extends DocumentPartsResource<LinkService, LinkInput> {

    @GET
    public Page<LinkView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only links of this type.") @QueryParam("type") LinkType type,
            @BeanParam PageRequest page) {
        return service.list(documentId, "type", type, page.cursor(), page.limit());
    }
}
