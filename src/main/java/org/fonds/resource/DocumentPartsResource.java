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
 * The parts of one type of a document ({@code /documents/{document_id}/texts}): create, and each part at {@code /{id}}
 * (read, replace, delete and revisions: {@link ItemResource}; parts take no merge patch). A part type's resource class
 * extends it and adds its list and whatever else it serves. {@link ItemOperations} documents the create and the item
 * path with the type's own names ({@code createText}, {@code /documents/{document_id}/texts/{text_id}}).
 *
 * @param <S> the part type's service
 * @param <I> the body of a create (its {@code XInput})
 */
public abstract class DocumentPartsResource<S extends DocumentPartService<?, I, ?>, I> {

    /**
     * The type's service. ArC resolves {@code S} from the declaration of the resource class that extends this one
     * ({@code TextResource extends DocumentPartsResource<TextService, TextInput>}), so that class needs no constructor.
     */
    @Inject
    protected S service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("document_id") UUID documentId, I input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(documentId, input));
    }

    @Path(ItemOperations.ITEM)
    public ItemResource item(@PathParam("document_id") UUID documentId, @PathParam(ItemOperations.ID) UUID id) {
        return new ItemResource(service, documentId, id);
    }
}
