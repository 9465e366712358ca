package org.fonds.participant;

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

@Path("/documents/{document_id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "Senders, recipients, copy recipients, conversation participants: an "
        + "agent's role in a document, with the name as written.")
public class ParticipantResource {

    @Inject
    ParticipantService service;

    @GET
    @Operation(operationId = "listParticipants", summary = "List a document's participants",
            description = "In document order (`position`), optionally only those in one role.")
    @APIResponse(responseCode = "200", description = "A page of participants.")
    public Page<ParticipantView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only participants in this role.") @QueryParam("role") ParticipantRole role,
            @BeanParam PageRequest page) {
        return service.list(documentId, role, page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("document_id") UUID documentId, ParticipantInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(documentId, input));
    }

    /** One participant at its own URL: read, replace, delete, and its revisions (ItemResource). */
    @Path("/{participant_id}")
    public ItemResource item(@PathParam("document_id") UUID documentId, @PathParam("participant_id") UUID id) {
        return new ItemResource(service, documentId, id);
    }
}
