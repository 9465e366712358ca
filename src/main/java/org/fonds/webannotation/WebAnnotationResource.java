package org.fonds.webannotation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.BaseUrl;
import org.fonds.http.ConditionalReads;
import org.fonds.annotation.AnnotationService;
import org.fonds.annotation.AnnotationView;
import org.fonds.document.DocumentService;
import org.fonds.document.DocumentView;
import org.fonds.document.Embed;

/**
 * The read side of the W3C Web Annotation Protocol: each annotation at its own URL as JSON-LD, and each document's
 * annotations as an annotation container (an AnnotationCollection) paged into AnnotationPages by keyset. Read through
 * the same services as the JSON API, so a hidden document's annotations do not exist here either.
 */
@Tag(name = "Web Annotation", description = "The W3C Web Annotation Protocol, read side: annotations as JSON-LD "
        + "(`application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"`), each document's annotations as an "
        + "AnnotationCollection of AnnotationPages.")
@Path("/web-annotations")
public class WebAnnotationResource {

    static final String LD_JSON = "application/ld+json";
    private static final String LDP = "http://www.w3.org/ns/ldp#";
    private static final String EXAMPLE = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
            + "\"id\": \"https://fonds.example.org/web-annotations/0193a5b2-8d2e-7f10-8a2b-3c4d5e6f7a8b\", "
            + "\"type\": \"Annotation\", \"motivation\": \"describing\", \"created\": \"2026-11-30T10:00:00Z\", "
            + "\"modified\": \"2026-11-30T10:00:00Z\", \"body\": {\"type\": \"TextualBody\", \"value\": "
            + "\"nastuplenie\", \"format\": \"text/plain\", \"language\": \"ru-Latn\", \"purpose\": \"describing\"}, "
            + "\"target\": {\"type\": \"SpecificResource\", \"source\": \"https://fonds.example.org/documents/"
            + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b/texts/0193a5b2-7c1f-7d4f-9a2b-3c4d5e6f7a8b\", \"selector\": "
            + "[{\"type\": \"TextQuoteSelector\", \"exact\": \"nastuplenie\", \"prefix\": \"for an attack [\", "
            + "\"suffix\": \"]. The chief\"}, {\"type\": \"TextPositionSelector\", \"start\": 741, \"end\": 752}]}}";

    @Inject
    AnnotationService annotations;

    @Inject
    DocumentService documents;

    @GET
    @Path("/{annotation_id}")
    @Produces({LD_JSON, "application/json"})
    @Operation(operationId = "getWebAnnotation", summary = "Read an annotation as a W3C Web Annotation",
            description = "The annotation as JSON-LD in the W3C Web Annotation Data Model "
                    + "(`application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"`): its targets are "
                    + "SpecificResources on the text's URL with a TextQuoteSelector and a TextPositionSelector whose "
                    + "offsets count Unicode code points (the JSON API counts UTF-16 units). Notes are `commenting`; "
                    + "marginalia `commenting` (circling and underlining `highlighting`) with a `describing` body "
                    + "for hand and position; supplied words and inline variants `editing`; mentions `identifying` "
                    + "with the agent's or place's URL as body; foreign terms and gaps `describing`; uncertain "
                    + "readings `editing`. `creator` is the translator or the hand where known. The ETag follows the "
                    + "document's fully embedded view; `If-None-Match` gives 304.")
    @APIResponse(responseCode = "200", description = "The annotation.", headers = {
            @Header(name = "Link", description = "`<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"`",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Allow", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Vary", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = LD_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A W3C Web Annotation (JSON-LD)."),
                    examples = @ExampleObject(name = "foreign term", value = EXAMPLE)),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @Extension(name = ConditionalReads.EXTENSION, value = "it follows the document's fully embedded view.")
    public Response annotation(@PathParam("annotation_id") UUID id, @Context UriInfo uri, @Context Request request) {
        AnnotationView found = annotations.get(id);
        DocumentView document = documents.get(found.documentId(), EnumSet.allOf(Embed.class));
        AnnotationView current = document.annotations().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElse(found);
        ObjectNode body = new WebAnnotations(BaseUrl.of(uri), document).document(current);
        return LdResponses.respond(request, LdResponses.tag(document, "a"), body, LDP + "Resource", false);
    }

}
