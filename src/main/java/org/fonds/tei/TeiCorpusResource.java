package org.fonds.tei;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole archive the caller may see as one streamed TEI teiCorpus. */
@Path("/tei-corpus")
@Tag(name = "TEI")
public class TeiCorpusResource {

    @Inject
    TeiService tei;

    @GET
    @Produces(TeiWriter.MEDIA_TYPE)
    @Operation(operationId = "getTeiCorpus", summary = "The whole archive as a TEI teiCorpus",
            description = "Every document the caller may see, in id order, each as GET "
                    + "/documents/{document_id}/tei gives it, inside one `teiCorpus` with a header of its own. "
                    + "Streamed: the documents are read a keyset page at a time while the response is written, so "
                    + "it starts at once and the server's memory does not grow with the archive. Hidden documents "
                    + "are not in it.")
    @APIResponse(responseCode = "200", description = "The archive as a TEI corpus.", content = @Content(
            mediaType = TeiWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "xml")))
    public Response get(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString();
        StreamingOutput body = out -> tei.corpus(out, base);
        return Response.ok(body, TeiWriter.MEDIA_TYPE).build();
    }
}
