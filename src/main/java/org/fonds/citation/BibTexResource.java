package org.fonds.citation;

import static org.fonds.citation.Representations.BIBTEX;
import static org.fonds.citation.Representations.ETAG;
import static org.fonds.citation.Representations.IF_NONE_MATCH;
import static org.fonds.citation.Representations.NOT_MODIFIED;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A document as a BibTeX entry (see {@link CitationResource} for the design). */
@Path("/documents/{document_id}/bibtex")
@Tag(name = "Citations")
public class BibTexResource {

    @Inject
    CitationService service;

    @GET
    @Produces(BIBTEX)
    @Operation(operationId = "getDocumentBibtex", summary = "Get a document as BibTeX",
            description = "The document as one BibTeX entry for biblatex (UTF-8; `date` in EDTF, which biblatex "
                    + "reads) that BibTeX also reads (`year`, `month`): `@unpublished` for archival records, `@misc` "
                    + "for photographs and articles, with author, title, type, translator, editor, recipient, "
                    + "location, the archive in `howpublished` and the document's URL in Fonds.")
    @APIResponse(responseCode = "200", description = "The BibTeX entry.",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = BIBTEX, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "cable", value = "@unpublished{shtykov1950-0193a5b2,\n"
                            + "  author = {Shtykov, Terentii},\n  title = {{Ciphered telegram from Shtykov to "
                            + "Vyshinsky}},\n  date = {1950-05-30},\n  year = {1950},\n  month = may,\n"
                            + "  type = {Cable},\n  url = {https://fonds.example.org/documents/"
                            + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b}\n}\n")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response bibtex(@PathParam("document_id") UUID documentId,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri, @Context Request request) {
        CitedDocument cited = service.read(documentId, uri.getBaseUri());
        return Representations.conditional(request, Representations.tag(cited, "bibtex"), BIBTEX + ";charset=UTF-8", () -> BibTex.entry(cited));
    }
}
