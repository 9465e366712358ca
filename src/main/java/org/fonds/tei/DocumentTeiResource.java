package org.fonds.tei;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.ConditionalReads;
import org.fonds.http.ETags;

/**
 * A document as TEI P5, at its own URL rather than by content negotiation on GET /documents/{document_id}: the JSON
 * item operations (resource/ItemResource) stay as they are, the TEI has a URL a harvester or an edition can cite, and
 * a browser can open it.
 */
@Path("/documents/{document_id}/tei")
@Tag(name = "TEI", description = "TEI P5 (tei_all) of what Fonds stores: one document, or the whole archive as a teiCorpus.")
public class DocumentTeiResource {

    @Inject
    TeiService tei;

    @GET
    @Produces(TeiWriter.MEDIA_TYPE)
    @Operation(operationId = "getDocumentTei", summary = "A document as TEI P5",
            description = "The document as one TEI P5 file (valid against tei_all), computed from what Fonds stores: "
                    + "the header with the credits (titleStmt), the archival source (msDesc with repository, fond, "
                    + "opis, delo…, or the free citation as a bibl), the hands of the marginalia (handDesc), the "
                    + "sender and recipients (correspDesc: correspAction sent/received, @ref to the agents' URLs), the "
                    + "other participants (particDesc) and the languages (langUsage); dates as EDTF in "
                    + "`@when-custom` with `@datingMethod=\"#edtf\"` and their days in `@notBefore`/`@notAfter`. "
                    + "Each text is a `div` with its `@xml:lang`, sections and paragraphs, line breaks as `lb`; each "
                    + "annotation is its TEI element at its words (`note type=\"translator\"`, marginal `note` with "
                    + "`@place`, `@hand` and `@target`/`@targetEnd`, `hi rend=\"circled\"`, `foreign`, `unclear`, "
                    + "`gap`, `supplied`, `persName`/`orgName`/`placeName`/`date` with `@ref`, `choice`/`reg`). "
                    + "Overlapping anchors are kept: notes point at their words through `anchor`s, and a wrapping "
                    + "element that would cross another is cut into fragments chained by `@next`/`@prev`. A hidden "
                    + "document does not exist here either (404).")
    @Extension(name = ConditionalReads.EXTENSION, value = "it changes with the document, its parts and the agents "
            + "and places it names.")
    @APIResponse(responseCode = "200", description = "The document as TEI P5.", content = @Content(
            mediaType = TeiWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "xml")))
    public Response get(@Parameter(description = "The document's id.") @PathParam("document_id") UUID documentId,
            @Context Request request, @Context UriInfo uri) {
        TeiService.Prepared prepared = tei.prepare(documentId);
        return ETags.notModified(request, prepared.etag()).orElseGet(() -> Response
                .ok(tei.write(prepared, uri.getBaseUri().toString()), TeiWriter.MEDIA_TYPE).tag(prepared.etag()).build());
    }
}
