package org.fonds.document;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.participant.ParticipantRole;
import org.fonds.http.ETags;
import org.fonds.http.MergePatch;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.access.Role;
import org.fonds.history.RevisionResource;

@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Cables, letters, memoranda, records of conversation and other primary sources.")
public class DocumentResource {

    private final DocumentService service;

    public DocumentResource(DocumentService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listDocuments", summary = "List documents",
            description = "Documents in creation order, a page at a time. Filters combine with AND. A document is "
                    + "in a date range when any day its (possibly uncertain) date can denote lies in the range.")
    @APIResponse(responseCode = "200", description = "A page of documents.")
    public Page<DocumentSummary> list(
            @Parameter(description = "Only documents of this kind.") @QueryParam("kind") DocumentKind kind,
            @Parameter(description = "Only documents with this original language (BCP 47 tag, exact match).",
                    example = "ru") @QueryParam("language") String language,
            @Parameter(description = "Only documents whose date can fall on or after this day.", example = "1950-05-01")
            @QueryParam("date_from") LocalDate dateFrom,
            @Parameter(description = "Only documents whose date can fall on or before this day.", example = "1950-06-30")
            @QueryParam("date_to") LocalDate dateTo,
            @Parameter(description = "Only documents with this subject.") @QueryParam("subject_id") UUID subjectId,
            @Parameter(description = "Only documents in this collection.") @QueryParam("collection_id") UUID collectionId,
            @Parameter(description = "Only documents in which this agent takes part (in `role`, when given).")
            @QueryParam("participant_id") UUID participantId,
            @Parameter(description = "Only documents with a participant in this role (of `participant_id`, when given).")
            @QueryParam("role") ParticipantRole role,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(new DocumentFilter(kind, language, dateFrom, dateTo, subjectId, collectionId, participantId,
                role), cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDocument", summary = "Create a document",
            description = "Creates a document from its writable fields. The date is EDTF; its earliest and latest days "
                    + "are derived and returned in `date_range`. Answers 201 with the document, its URL in `Location` "
                    + "and its version in `ETag`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new document.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new document.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public Response create(DocumentInput input, @Context UriInfo uri) {
        DocumentView created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{document_id}")
    @Operation(operationId = "getDocument", summary = "Get a document",
            description = "The document with every field and, with `embed`, its texts, participants, links, media "
                    + "and annotations in the same response (one query per kind). Without `embed` the ETag is the "
                    + "document's version; with it, it also changes when anything embedded changes. Send a previously "
                    + "received `ETag` in `If-None-Match` to get 304 when nothing has changed.")
    @APIResponse(responseCode = "200", description = "The document.",
            headers = @Header(name = "ETag", description = "Version tag, for If-None-Match and If-Match.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the current version.")
    public Response get(@PathParam("document_id") UUID id, @Context Request request,
            @Parameter(description = "Answer 304 when this ETag is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Parameter(description = "Sub-resources to embed, comma-separated: texts, participants, links, media, "
                    + "annotations, or all.", example = "texts,participants") @QueryParam("embed") String embed) {
        DocumentView view = service.get(id, Embed.parse(embed));
        return ETags.notModified(request, view.etag()).orElseGet(() -> Response.ok(view).tag(view.etag()).build());
    }

    @PUT
    @Path("/{document_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDocument", summary = "Replace a document",
            description = "Replaces every writable field. Send the ETag you read in `If-Match` to avoid overwriting "
                    + "someone else's change.")
    @APIResponse(responseCode = "200", description = "The updated document.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public Response replace(@PathParam("document_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, DocumentInput input) {
        DocumentView view = service.replace(id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @Path("/{document_id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchDocument", summary = "Change some fields of a document",
            description = "A JSON Merge Patch (RFC 7396): the fields given replace the stored ones, `null` clears "
                    + "a field. The result is validated like a PUT body.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = DocumentPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated document.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public Response patch(@PathParam("document_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        DocumentView view = service.patch(id, ifMatch, patch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @Path("/{document_id}")
    @RolesAllowed(Role.Names.EDITOR)
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    @Operation(operationId = "deleteDocument", summary = "Delete a document",
            description = "Deletes the document (EDITOR or ADMIN). Send the ETag you read in `If-Match` so that a document changed "
                    + "since is not deleted unseen (412).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("document_id") UUID id,
            @Parameter(description = "The ETag the deletion is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{document_id}/revisions")
    public RevisionResource revisions(@PathParam("document_id") UUID id) {
        return service.revisions(null, id);
    }
}
