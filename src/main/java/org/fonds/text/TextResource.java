package org.fonds.text;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.fixity.FixityCheck;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemResource;

@Path("/documents/{document_id}/texts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Texts", description = "The original-language transcription and the translations of a document.")
public class TextResource {

    @Inject
    TextService service;

    @GET
    @Operation(operationId = "listTexts", summary = "List a document's texts",
            description = "The original and every translation of the document, in the order they were added.")
    @APIResponse(responseCode = "200", description = "A page of texts.")
    public Page<TextView> list(@PathParam("document_id") UUID documentId,
            @BeanParam PageRequest page) {
        return service.list(documentId, null, null, page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("document_id") UUID documentId, TextInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(documentId, input));
    }

    @GET
    @Path("/{text_id}/paragraphs/{number}")
    @Operation(operationId = "getParagraph", summary = "Get one paragraph of a text with its lines",
            description = "Paragraph `number` (1-based, across the whole text) with its offsets in the text's "
                    + "content and its lines, so that \"lines 3-5 of this paragraph\" can be addressed.")
    public ParagraphView paragraph(@PathParam("document_id") UUID documentId, @PathParam("text_id") UUID textId,
            @PathParam("number") int number) {
        return service.paragraph(documentId, textId, number);
    }

    @POST
    @Path("/{text_id}/fixity-check")
    @Operation(operationId = "checkTextFixity", summary = "Re-verify a text's fixity digest",
            description = "Recomputes the SHA-256 of the text's canonical form from what the database holds now "
                    + "and compares it with `fixity_sha256`, recorded when it was last written. Status MISMATCH means "
                    + "the stored text was changed outside the API (or has no recorded digest). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The result of the check (OK or MISMATCH).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FixityCheck.class)))
    public FixityCheck checkFixity(@PathParam("document_id") UUID documentId, @PathParam("text_id") UUID id) {
        return service.verify(documentId, id);
    }

    /** One text at its own URL: read, replace, delete, and its revisions (ItemResource). */
    @Path("/{text_id}")
    public ItemResource item(@PathParam("document_id") UUID documentId, @PathParam("text_id") UUID id) {
        return new ItemResource(service, documentId, id);
    }
}
