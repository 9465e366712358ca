package org.fonds.citation;

import static org.fonds.citation.Representations.CSL_JSON;
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

/** A document as CSL-JSON (see {@link CitationResource} for the design). */
@Path("/documents/{document_id}/csl")
@Tag(name = "Citations")
public class CslResource {

    @Inject
    CitationService service;

    @GET
    @Produces(CSL_JSON)
    @Operation(operationId = "getDocumentCsl", summary = "Get a document as CSL-JSON",
            description = "The document as a CSL-JSON item (CSL 1.0.2 input schema; an array of one item, as the "
                    + "format requires), for reference managers (Zotero, citeproc-js, pandoc). Cables and letters are "
                    + "`personal_communication` (CSL has no `letter`), other archival records `manuscript`, "
                    + "photographs `graphic`; the kind is the `genre`. Senders (else authors, else signatories) are "
                    + "`author`, recipients `recipient`, credited translators and editors `translator` and `editor`; "
                    + "a person's name is split into `family` and `given` only where one of its recorded forms shows "
                    + "the split, else it is a `literal`. The EDTF date becomes `date-parts` (an interval two), with "
                    + "`circa` for `~`, `?` and `%`, `season` for seasons, and a `literal` for open intervals. The "
                    + "source becomes `archive`, `archive_collection` and `archive_location` (fond, opis, delo, "
                    + "papka, listy, else the free citation); `URL` is the document's URL in Fonds.")
    @APIResponse(responseCode = "200", description = "The CSL-JSON item.",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSL_JSON, schema = @Schema(type = SchemaType.ARRAY, minItems = 1,
                    maxItems = 1), examples = @ExampleObject(name = "cable", value = "[{\"id\": "
                    + "\"0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\", \"type\": \"personal_communication\", \"title\": "
                    + "\"Ciphered telegram from Shtykov to Vyshinsky\", \"author\": [{\"family\": \"Shtykov\", "
                    + "\"given\": \"Terentii\"}], \"recipient\": [{\"family\": \"Vyshinsky\", \"given\": \"Andrei\"}], "
                    + "\"translator\": [{\"literal\": \"Kathryn Weathersby\"}], \"issued\": {\"date-parts\": "
                    + "[[1950, 5, 30]]}, \"genre\": \"Cable\", \"archive\": \"Archive of the President of the Russian "
                    + "Federation (APRF)\", \"archive_location\": \"Fond 45, Opis 1, Delo 346, Listy 104-107\", "
                    + "\"language\": \"ru\", \"URL\": \"https://fonds.example.org/documents/"
                    + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\"}]")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response csl(@PathParam("document_id") UUID documentId,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri, @Context Request request) {
        CitedDocument cited = service.read(documentId, uri.getBaseUri());
        return Representations.conditional(request, Representations.tag(cited, "csl"), CSL_JSON, () -> Representations.json(CslJson.items(cited)));
    }
}
