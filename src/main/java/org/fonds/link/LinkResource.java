package org.fonds.link;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemResource;

@Path("/documents/{document_id}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Links", description = "Typed links between documents (reply to, enclosure of, same meeting, cites); the reference is kept as written.")
public class LinkResource {

    @Inject
    LinkService service;

    @GET
    @Operation(operationId = "listLinks", summary = "List a document's links",
            description = "The links from this document, in creation order, optionally of one type.")
    @APIResponse(responseCode = "200", description = "A page of links.")
    public Page<LinkView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only links of this type.") @QueryParam("type") LinkType type,
            @BeanParam PageRequest page) {
        return service.list(documentId, "type", type, page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("document_id") UUID documentId, LinkInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(documentId, input));
    }

    /** One link at its own URL: read, replace, delete, and its revisions (ItemResource). */
    @Path("/{link_id}")
    public ItemResource item(@PathParam("document_id") UUID documentId, @PathParam("link_id") UUID id) {
        return new ItemResource(service, documentId, id);
    }
}
