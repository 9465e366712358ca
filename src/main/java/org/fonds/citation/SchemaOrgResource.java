package org.fonds.citation;

import static org.fonds.citation.Representations.ETAG;
import static org.fonds.citation.Representations.IF_NONE_MATCH;
import static org.fonds.citation.Representations.JSON_LD;
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

/** A document as schema.org JSON-LD (see {@link CitationResource} for the design). */
@Path("/documents/{document_id}/schema-org")
@Tag(name = "Citations")
public class SchemaOrgResource {

    @Inject
    CitationService service;

    @GET
    @Produces(JSON_LD)
    @Operation(operationId = "getDocumentSchemaOrg", summary = "Get a document as schema.org JSON-LD",
            description = "The document as schema.org JSON-LD for search engines and catalogues: an "
                    + "`ArchiveComponent` (a cable or letter also a `Message`, with `sender`, `recipient` and "
                    + "`dateSent`; other records with `author`) held by the `ArchiveOrganization` its source names "
                    + "(`holdingArchive`: the repository, else the collection) at the archival unit "
                    + "(`itemLocation`), with `dateCreated` (or `temporalCoverage` when the EDTF date is not an ISO "
                    + "date), `locationCreated`, `inLanguage`, translators, editors and the Fonds collections it is "
                    + "part of. Agents, places and collections carry their Fonds URLs as `@id`.")
    @APIResponse(responseCode = "200", description = "The JSON-LD document.",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "cable", value = "{\"@context\": \"https://schema.org\", "
                            + "\"@type\": [\"ArchiveComponent\", \"Message\"], \"@id\": \"https://fonds.example.org/"
                            + "documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\", \"name\": \"Ciphered telegram from "
                            + "Shtykov to Vyshinsky\", \"dateCreated\": \"1950-05-30\", \"sender\": [{\"@type\": "
                            + "\"Person\", \"name\": \"Terentii Shtykov\"}], \"recipient\": [{\"@type\": "
                            + "\"Person\", \"name\": \"Andrei Vyshinsky\"}], \"holdingArchive\": {\"@type\": "
                            + "\"ArchiveOrganization\", \"name\": \"Archive of the President of the Russian "
                            + "Federation (APRF)\"}, \"itemLocation\": \"Fond 45, Opis 1, Delo 346, Listy "
                            + "104-107\"}")))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response schemaOrg(@PathParam("document_id") UUID documentId,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context UriInfo uri, @Context Request request) {
        CitedDocument cited = service.read(documentId, uri.getBaseUri());
        return Representations.conditional(request, Representations.tag(cited, "schema-org"), JSON_LD, () -> Representations.json(SchemaOrg.document(cited)));
    }
}
