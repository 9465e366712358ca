package org.fonds.collection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.Responses;
import org.fonds.resource.PatchableItemResource;

@Path("/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections", description = "Curated sets of documents, such as an archive's thematic collections.")
public class CollectionResource {

    private final CollectionService service;

    public CollectionResource(CollectionService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listCollections", summary = "List collections",
            description = "Collections in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of collections.")
    public Page<CollectionSummary> list(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCollection", summary = "Create a collection",
            description = "Creates a collection. Answers 201 with the collection, its URL in `Location` and its version in "
                    + "`ETag`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new collection.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new collection.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    public Response create(CollectionInput input, @Context UriInfo uri) {
        CollectionView created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    /** One collection at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{collection_id}")
    public PatchableItemResource item(@PathParam("collection_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
