package org.fonds.iiif;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.List;
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
import org.fonds.collection.CollectionService;
import org.fonds.collection.CollectionView;

/** A collection as a IIIF Collection of its documents' manifests; a hidden document is absent from it. */
@Path("/collections/{collection_id}/iiif-collection")
@Tag(name = "IIIF")
public class IiifCollectionResource {

    private static final int BATCH = 500;

    @Inject
    CollectionService collections;

    @Inject
    ManifestReferences references;

    @GET
    @Produces({IiifResponses.LD_JSON, "application/json"})
    @Operation(operationId = "getIiifCollection", summary = "A collection as a IIIF Presentation 3 Collection",
            description = "The collection as a IIIF Collection whose `items` are the manifests of its documents "
                    + "that have one (`getIiifManifest`), in id order. The ETag is a digest of the response.")
    @APIResponse(responseCode = "200", description = "The IIIF Collection.",
            content = {@Content(mediaType = IiifResponses.LD_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A IIIF Presentation 3 Collection.")),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @Extension(name = ConditionalReads.EXTENSION, value = "a digest of the response.")
    public Response collection(@PathParam("collection_id") UUID collectionId, @Context UriInfo uri,
            @Context Request request) {
        CollectionView collection = collections.get(collectionId);
        String base = BaseUrl.of(uri);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@context", Manifests.CONTEXT);
        body.put("id", base + "collections/" + collectionId + "/iiif-collection");
        body.put("type", "Collection");
        body.set("label", Manifests.none(collection.title()));
        if (collection.description() != null) {
            body.set("summary", Manifests.none(collection.description()));
        }
        ObjectNode homepage = body.putArray("homepage").addObject();
        homepage.put("id", base + "collections/" + collectionId);
        homepage.put("type", "Text");
        homepage.set("label", Manifests.none(collection.title()));
        homepage.put("format", "application/json");
        var items = body.putArray("items");
        UUID after = new UUID(0, 0);
        List<ManifestReferences.Reference> page;
        do {
            page = references.page(collectionId, after, BATCH);
            for (ManifestReferences.Reference r : page) {
                ObjectNode item = items.addObject();
                item.put("id", Manifests.manifestUrl(base, r.id()));
                item.put("type", "Manifest");
                item.set("label", Manifests.none(r.title()));
                after = r.id();
            }
        } while (page.size() == BATCH);
        return IiifResponses.respond(request, IiifResponses.digest(body), body);
    }

}
