package org.fonds.annotation;

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
import org.fonds.http.ETags;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;

/** A document's annotations: create and list. One annotation is read and changed at /annotations/{annotation_id}. */
@Path("/documents/{document_id}/annotations")
@Tag(name = "Annotations")
public class DocumentAnnotationResource {

    @Inject
    AnnotationService service;

    @GET
    @Operation(operationId = "listAnnotations", summary = "List a document's annotations",
            description = "The document's annotations in creation order, a page at a time, optionally of one type "
                    + "and anchored to one text. Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "A page of annotations.")
    public Page<AnnotationView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only annotations of this type.", example = "FOREIGN_TERM")
            @QueryParam("type") AnnotationType type,
            @Parameter(description = "Only annotations with a target in this text.") @QueryParam("text_id") UUID textId,
            @BeanParam PageRequest page) {
        return service.list(documentId, type, textId, page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAnnotation", summary = "Annotate words of a document's text",
            description = "Creates an annotation anchored to one or more spans (`targets`) of the document's texts. "
                    + "Each target gives `start`, `end` and `exact`, or only `exact` (with `occurrence`) for the "
                    + "server to find; the quote must match the text's `content` (422 naming the target's field "
                    + "otherwise). Give the type-specific object named after `type`. Answers 201 with the annotation, "
                    + "its URL in `Location` and its version in `ETag`.")
    public Response create(@PathParam("document_id") UUID documentId, AnnotationInput input, @Context UriInfo uri) {
        AnnotationView created = service.create(documentId, input);
        return Response.created(uri.getBaseUriBuilder().path("annotations").path(created.id().toString()).build())
                .tag(ETags.of(created.version()))
                .entity(created)
                .build();
    }
}
