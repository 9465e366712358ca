package org.fonds.annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;

/** A document's marginalia: its MARGINALIA annotations, listed on their own. */
@Path("/documents/{document_id}/marginalia")
@Tag(name = "Annotations")
public class MarginaliaResource {

    @Inject
    AnnotationService service;

    @GET
    @Operation(operationId = "listMarginalia", summary = "List a document's marginalia",
            description = "The marks and notes by hands on the document's pages (its MARGINALIA annotations) in "
                    + "creation order, a page at a time: comments in the margin, circled or underlined words, lines "
                    + "drawn to the text. Create and change them as annotations.")
    @APIResponse(responseCode = "200", description = "A page of MARGINALIA annotations.")
    public Page<AnnotationView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only marginalia with a target in this text.") @QueryParam("text_id") UUID textId,
            @BeanParam PageRequest page) {
        return service.list(documentId, AnnotationType.MARGINALIA, textId, page.cursor(), page.limit());
    }
}
