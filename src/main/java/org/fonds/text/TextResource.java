package org.fonds.text;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.fixity.FixityCheck;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.DocumentPartsResource;

@Path("/documents/{document_id}/texts")
@Tag(name = "Texts", description = "The original-language transcription and the translations of a document.")
public class TextResource extends DocumentPartsResource<TextService, TextInput> {

    @GET
    public Page<TextView> list(@PathParam("document_id") UUID documentId,
            @BeanParam PageRequest page) {
        return service.list(documentId, null, null, page.cursor(), page.limit());
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
}
