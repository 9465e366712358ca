package org.fonds.collection;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemResource;
import org.fonds.resource.PatchableItemResource;

@Path("/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections", description = "Curated sets of documents, such as an archive's thematic collections.")
public class CollectionResource {

    @Inject
    CollectionService service;

    @GET
    @Operation(operationId = "listCollections", summary = "List collections",
            description = "Collections in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of collections.")
    public Page<CollectionSummary> list(
            @BeanParam PageRequest page) {
        return service.list(page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CollectionInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(input));
    }

    /** One collection at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{collection_id}")
    public PatchableItemResource item(@PathParam("collection_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
