package org.fonds.webannotation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import org.fonds.http.Page;
import org.fonds.http.PageRequest;

/**
 * A document's annotations as a W3C annotation container (an AnnotationCollection) paged into AnnotationPages by
 * keyset, read through the same services as the JSON API.
 */
@Tag(name = "Web Annotation")
@Path("/documents/{document_id}/web-annotations")
public class DocumentWebAnnotationResource {

    private static final String FOLLOWS = "it follows the document's fully embedded view.";

    @Inject
    AnnotationService annotations;

    @Inject
    DocumentService documents;

    @GET
    @Produces({WebAnnotationResource.LD_JSON, "application/json"})
    @Operation(operationId = "getWebAnnotationCollection", summary = "A document's annotations as a W3C container",
            description = "The annotation container of the document (an LDP BasicContainer and an "
                    + "AnnotationCollection): its label, the number of annotations (`total`) and the URL of its first "
                    + "AnnotationPage (`first`); follow each page's `next`. Headers as the W3C Web Annotation "
                    + "Protocol asks: ETag, Allow, `Link: <http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"`, "
                    + "Vary: Accept.")
    @APIResponse(responseCode = "200", description = "The container.", headers = {
            @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Allow", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Vary", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = WebAnnotationResource.LD_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A W3C AnnotationCollection (JSON-LD)."),
                    examples = @ExampleObject(name = "container", value = "{\"@context\": "
                            + "\"http://www.w3.org/ns/anno.jsonld\", \"id\": \"https://fonds.example.org/documents/"
                            + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b/web-annotations\", \"type\": [\"BasicContainer\", "
                            + "\"AnnotationCollection\"], \"label\": \"Annotations of Ciphered telegram from Shtykov "
                            + "to Vyshinsky\", \"total\": 31, \"first\": \"https://fonds.example.org/documents/"
                            + "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b/web-annotations/pages\"}")),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    public Response collection(@PathParam("document_id") UUID documentId, @Context UriInfo uri,
            @Context Request request) {
        DocumentView document = documents.get(documentId, EnumSet.allOf(Embed.class));
        String base = BaseUrl.of(uri);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@context", WebAnnotations.CONTEXT);
        body.put("id", WebAnnotations.collectionUrl(base, documentId));
        body.set("type", WebAnnotations.strings(java.util.List.of("BasicContainer", "AnnotationCollection")));
        body.put("label", "Annotations of " + document.title());
        body.put("total", document.annotations().size());
        body.put("modified", WebAnnotations.timestamp(document.updatedAt()));
        if (!document.annotations().isEmpty()) {
            body.put("first", WebAnnotations.collectionUrl(base, documentId) + "/pages");
        }
        return LdResponses.respond(request, LdResponses.tag(document, "c"), body, LdResponses.LDP + "BasicContainer",
                true);
    }

    @GET
    @Path("/pages")
    @Produces({WebAnnotationResource.LD_JSON, "application/json"})
    @Operation(operationId = "getWebAnnotationPage", summary = "A page of a document's W3C annotations",
            description = "One AnnotationPage of the document's annotation container, in creation order, by keyset: "
                    + "`next` is the URL of the next page (absent on the last). Each item is an annotation as "
                    + "`getWebAnnotation` serves it, without its own `@context`.")
    @APIResponse(responseCode = "200", description = "The page.", headers = {
            @Header(name = "Allow", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Vary", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = WebAnnotationResource.LD_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A W3C AnnotationPage (JSON-LD).")),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @Extension(name = ConditionalReads.EXTENSION, value = FOLLOWS)
    public Response page(@PathParam("document_id") UUID documentId, @BeanParam PageRequest paging,
            @Context UriInfo uri, @Context Request request) {
        Page<AnnotationView> page = annotations.list(documentId, null, null, paging.cursor(), paging.limit());
        DocumentView document = documents.get(documentId, EnumSet.allOf(Embed.class));
        String base = BaseUrl.of(uri);
        WebAnnotations mapper = new WebAnnotations(base, document);
        String collection = WebAnnotations.collectionUrl(base, documentId);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@context", WebAnnotations.CONTEXT);
        body.put("id", uri.getRequestUri().toString());
        body.put("type", "AnnotationPage");
        ObjectNode partOf = body.putObject("partOf");
        partOf.put("id", collection);
        partOf.put("label", "Annotations of " + document.title());
        partOf.put("total", document.annotations().size());
        if (page.next() != null) {
            body.put("next", uri.getAbsolutePathBuilder().queryParam("limit", page.limit())
                    .queryParam("cursor", page.next()).build().toString());
        }
        var items = body.putArray("items");
        page.items().forEach(a -> items.add(mapper.annotation(a)));
        return LdResponses.respond(request, LdResponses.tag(document, "p"), body, null, false);
    }

}
