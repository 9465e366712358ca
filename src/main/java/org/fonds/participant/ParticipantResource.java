package org.fonds.participant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.history.RevisionResource;

@Path("/documents/{document_id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "Senders, recipients, copy recipients, conversation participants: an "
        + "agent's role in a document, with the name as written.")
public class ParticipantResource {

    private final ParticipantService service;

    public ParticipantResource(ParticipantService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listParticipants", summary = "List a document's participants",
            description = "In document order (`position`), optionally only those in one role.")
    @APIResponse(responseCode = "200", description = "A page of participants.")
    public Page<ParticipantView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only participants in this role.") @QueryParam("role") ParticipantRole role,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(documentId, role, cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createParticipant", summary = "Add a participant to a document",
            description = "Records that an agent took part in the document in a role. Without `position` the "
                    + "participant goes last.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantView.class)))
    public Response create(@PathParam("document_id") UUID documentId, ParticipantInput input, @Context UriInfo uri) {
        ParticipantView created = service.create(documentId, input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{participant_id}")
    @Operation(operationId = "getParticipant", summary = "Get a participant",
            description = "One participant of the document.")
    @APIResponse(responseCode = "200", description = "The participant.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "304", description = "Not modified.")
    public Response get(@PathParam("document_id") UUID documentId, @PathParam("participant_id") UUID id,
            @Context Request request, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ParticipantView view = service.get(documentId, id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @Path("/{participant_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceParticipant", summary = "Replace a participant",
            description = "Replaces every field of the participant; `If-Match` guards against lost updates.")
    @APIResponse(responseCode = "200", description = "The updated participant.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParticipantView.class)))
    public Response replace(@PathParam("document_id") UUID documentId, @PathParam("participant_id") UUID id,
            @HeaderParam("If-Match") String ifMatch, ParticipantInput input) {
        ParticipantView view = service.replace(documentId, id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @Path("/{participant_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
    @Operation(operationId = "deleteParticipant", summary = "Remove a participant",
            description = "Removes the agent's role from the document (the agent itself stays).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("document_id") UUID documentId, @PathParam("participant_id") UUID id,
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(documentId, id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{participant_id}/revisions")
    public RevisionResource revisions(@PathParam("document_id") UUID documentId, @PathParam("participant_id") UUID id) {
        return service.revisions(documentId, id);
    }
}
