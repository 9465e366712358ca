package org.fonds.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The collection of a top-level versioned type ({@code /places}): create, and each item at {@code /{id}} (read,
 * replace, merge patch, delete and revisions: {@link PatchableItemResource}). A type's resource class extends it and
 * adds its list and whatever else it serves. {@link ItemOperations} documents the create and the item path with the
 * type's own names ({@code createPlace}, {@code /places/{place_id}}).
 *
 * @param <S> the type's service
 * @param <I> the body of a create (its {@code XInput})
 */
public abstract class ItemsResource<S extends VersionedService<?, I, ?>, I> {

    /**
     * The type's service. ArC resolves {@code S} from the declaration of the resource class that extends this one
     * ({@code PlaceResource extends ItemsResource<PlaceService, PlaceInput>}), so that class needs no constructor.
     */
    @Inject
    protected S service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(I input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(input));
    }

    @Path(ItemOperations.ITEM)
    public PatchableItemResource item(@PathParam(ItemOperations.ID) UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
