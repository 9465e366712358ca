package org.fonds.citation;

import static org.fonds.citation.Representations.ETAG;
import static org.fonds.citation.Representations.IF_NONE_MATCH;
import static org.fonds.citation.Representations.NOT_MODIFIED;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * A document cited in a CSL style. Each citation format is a sub-resource of the document's URL ({@code /csl},
 * {@code /citation}, {@code /bibtex}, {@code /schema-org}), not a negotiation on the document itself, whose JSON the
 * document feature owns: a link to one format is a plain URL, and every format has its own operation and media type
 * in the spec. Each is computed on request from the document as its embedded view shows it (a hidden document is 404
 * here too); its ETag derives from that view's ETag, the versions of the agents and place it names, and the format
 * ({@link Representations}).
 */
@Tag(name = "Citations", description = "A document as CSL-JSON, formatted in any CSL style (Chicago by default), as "
        + "BibTeX and as schema.org JSON-LD: read-only views computed on request.")
@Path("/documents/{document_id}/citation")
public class CitationResource {

    @Inject
    CitationService service;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDocumentCitation", summary = "Cite a document in a CSL style",
            description = "The document's CSL-JSON item formatted by citeproc-java in a style of the Citation Style "
                    + "Language repository (bundled; `GET /citation-styles` lists their ids): the citation (a "
                    + "footnote in note styles) and the bibliography entry. Chicago notes-bibliography (18th "
                    + "edition) by default; its old id `chicago-note-bibliography` is accepted. An unknown style is a "
                    + "400 problem that says where the valid ids are listed.")
    @APIResponse(responseCode = "200", description = "The formatted citation.",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FormattedCitation.class)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response citation(@PathParam("document_id") UUID documentId,
            @Parameter(description = "The CSL style's id, as `GET /citation-styles` lists them.",
                    example = Styles.DEFAULT) @QueryParam("style") @DefaultValue(Styles.DEFAULT) String style,
            @Parameter(description = "Plain text (the default), or HTML.") @QueryParam("format")
            CitationFormat format,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri, @Context Request request) {
        String id = Styles.require(style);
        CitationFormat as = format == null ? CitationFormat.TEXT : format;
        CitedDocument cited = service.read(documentId, uri.getBaseUri());
        return Representations.conditional(request, Representations.tag(cited, id + "/" + as), MediaType.APPLICATION_JSON, () -> {
            Styles.Formatted f = Styles.format(CslJson.item(cited), id, as.citeproc());
            return new FormattedCitation(id, as, f.citation(), f.bibliography());
        });
    }
}
