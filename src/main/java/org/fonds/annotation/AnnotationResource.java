package org.fonds.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
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
import org.fonds.http.MergePatch;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.history.RevisionResource;

/** One annotation: read, replace, patch, delete. */
@Path("/annotations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annotations", description = "Notes, marginalia, foreign terms, uncertain readings, gaps, supplied words "
        + "and mentions, anchored to the words of a document's text that they concern.")
public class AnnotationResource {

    private final AnnotationService service;

    public AnnotationResource(AnnotationService service) {
        this.service = service;
    }

    @GET
    @Path("/{annotation_id}")
    @Operation(operationId = "getAnnotation", summary = "Get an annotation",
            description = "The annotation with its targets and their status. Send a previously received `ETag` in "
                    + "`If-None-Match` to get 304 when it has not changed.")
    @APIResponse(responseCode = "200", description = "The annotation.",
            headers = @Header(name = "ETag", description = "Version tag, for If-None-Match and If-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnnotationView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the current version.")
    public Response get(@PathParam("annotation_id") UUID id, @Context Request request,
            @Parameter(description = "Answer 304 when this ETag is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        AnnotationView view = service.get(id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @Path("/{annotation_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceAnnotation", summary = "Replace an annotation",
            description = "Replaces every writable field. Targets sent back as they were keep their status; new or "
                    + "changed ones are checked against the text and become ANCHORED. Send the ETag you read in "
                    + "`If-Match` to avoid overwriting someone else's change (412 when stale).")
    @APIResponse(responseCode = "200", description = "The updated annotation.",
            headers = @Header(name = "ETag", description = "The new version tag.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnnotationView.class)))
    public Response replace(@PathParam("annotation_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, AnnotationInput input) {
        AnnotationView view = service.replace(id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @Path("/{annotation_id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAnnotation", summary = "Change some fields of an annotation",
            description = "A JSON Merge Patch (RFC 7396): the fields given replace the stored ones, `null` clears a "
                    + "field, objects merge field by field, `targets` is replaced as a whole. The result is validated "
                    + "like a PUT body.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = AnnotationPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated annotation.",
            headers = @Header(name = "ETag", description = "The new version tag.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnnotationView.class)))
    public Response patch(@PathParam("annotation_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        AnnotationView view = service.patch(id, ifMatch, patch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @Path("/{annotation_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    @Operation(operationId = "deleteAnnotation", summary = "Delete an annotation",
            description = "Deletes the annotation. Marginalia it reported keep naming it as their reporter; only a "
                    + "purge (`DELETE /annotations/{annotation_id}/revisions`) removes that reference. Send the ETag "
                    + "you read in `If-Match` (412 when stale).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("annotation_id") UUID id,
            @Parameter(description = "The ETag the deletion is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{annotation_id}/revisions")
    public RevisionResource revisions(@PathParam("annotation_id") UUID id) {
        return service.revisions(null, id);
    }
}
