package org.fonds.place;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
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
import org.fonds.resource.PatchableItemResource;

@Path("/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "Places with every variant of their names and their coordinates.")
public class PlaceResource {

    @Inject
    PlaceService service;

    @GET
    @Operation(operationId = "listPlaces", summary = "List places",
            description = "Places in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of places.")
    public Page<PlaceSummary> list(
            @Parameter(description = "Only places with a name variant containing this text, ignoring case.",
                    example = "Pyongyang") @QueryParam("name") @Size(max = 500) String name,
            @BeanParam PageRequest page) {
        return service.list(new PlaceFilter(name), page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlaceInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(input));
    }

    /** One place at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{place_id}")
    public PatchableItemResource item(@PathParam("place_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
