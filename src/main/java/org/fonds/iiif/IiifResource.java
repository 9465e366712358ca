package org.fonds.iiif;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.BaseUrl;
import org.fonds.http.ConditionalReads;
import org.fonds.document.DocumentService;
import org.fonds.document.DocumentView;
import org.fonds.document.Embed;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;

/**
 * IIIF Presentation 3: a manifest for every document with a page image (and {@link IiifCollectionResource}), read
 * through the same services and views as the JSON API: a hidden document has no manifest.
 */
@Path("/documents/{document_id}/iiif-manifest")
@Tag(name = "IIIF", description = "IIIF Presentation API 3.0 (`application/ld+json; "
        + "profile=\"http://iiif.io/api/presentation/3/context.json\"`): manifests of the documents with page images, "
        + "collections as IIIF Collections.")
public class IiifResource {

    @Inject
    DocumentService documents;

    @GET
    @Produces({IiifResponses.LD_JSON, "application/json"})
    @Operation(operationId = "getIiifManifest", summary = "A document's IIIF Presentation 3 manifest",
            description = "The document as a IIIF Presentation 3 Manifest: `label`, `summary` and `metadata` as "
                    + "language maps, `navDate` (the earliest day of its date), `homepage` (its JSON), `rights` "
                    + "(when it is a Creative Commons or RightsStatements.org URI; otherwise a `requiredStatement`), "
                    + "`seeAlso` its TEI (`/documents/{document_id}/tei`). A Canvas per page image (image media with "
                    + "an http(s) URL, by page number) in a nominal 1000 x 1414 coordinate space (Fonds does not store "
                    + "image sizes), with the image as its `painting` annotation; the texts supplement the first "
                    + "canvas (`supplementing`); marginalia are `commenting` annotations on the canvas of their page, "
                    + "on their region (`#xywh=`) where the target has one. 404 when the document has no page image. "
                    + "The ETag follows the document's fully embedded view.")
    @APIResponse(responseCode = "200", description = "The manifest.",
            content = {@Content(mediaType = IiifResponses.LD_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A IIIF Presentation 3 Manifest.")),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @Extension(name = ConditionalReads.EXTENSION, value = "it follows the document's fully embedded view.")
    public Response manifest(@PathParam("document_id") UUID documentId, @Context UriInfo uri,
            @Context Request request) {
        DocumentView document = documents.get(documentId, EnumSet.allOf(Embed.class));
        ObjectNode manifest = Manifests.manifest(BaseUrl.of(uri), document)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "The document " + documentId + " has no page image, so no IIIF manifest."));
        return IiifResponses.respond(request, new EntityTag("iiif-" + document.etag().getValue()), manifest);
    }

}
