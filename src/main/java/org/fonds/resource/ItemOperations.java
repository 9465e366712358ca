package org.fonds.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.fonds.history.ResourceType;
import org.fonds.http.ConditionalReads;
import org.fonds.http.MergePatch;
import org.fonds.http.OasModels;

/**
 * Documents {@link ItemResource} as what it serves: for each {@link ResourceType}, the operations the scanner found at
 * its item path ({@code /places/{place_id}}) through the sub-resource locator, rewritten with the type's own
 * operationIds ({@code getPlace}, {@code replacePlace}, {@code patchPlace}, {@code deletePlace}), tag, typed bodies
 * ({@code PlaceInput}, {@code PlacePatch}, {@code Place}) and descriptions. What is said the same way of every type is
 * written here; what differs is prose in {@code item-operations.properties}. Runs before the revision operations and
 * the problem responses, which then treat these like any other.
 */
public class ItemOperations implements OASFilter {

    /** The path parameter of an item as {@link ItemsResource} and {@link DocumentPartsResource} declare it. */
    public static final String ID = "id";
    /** The item path below a type's collection path, as those classes declare it. */
    public static final String ITEM = "/{" + ID + "}";

    private final Properties texts = load();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (ResourceType type : ResourceType.values()) {
            named(openAPI.getPaths(), type);
            listed(openAPI.getPaths(), type);
            created(openAPI, type);
            PathItem item = openAPI.getPaths().getPathItem(type.pathTemplate());
            if (item == null) {
                continue;
            }
            item.setParameters(null); // the locator's path parameters: each operation declares its own
            if (item.getGET() != null) {
                item.setGET(get(type));
            }
            if (item.getPUT() != null) {
                item.setPUT(replace(type));
            }
            if (item.getPATCH() != null) {
                item.setPATCH(patch(type));
            }
            if (item.getDELETE() != null) {
                item.setDELETE(delete(type));
            }
        }
        // the scanner's model of the bodies ItemResource reads as trees, which the typed bodies above replace
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema("JsonNode");
            openAPI.getComponents().removeSchema("JsonNodeType");
        }
    }

    /**
     * The scanner's paths of the type's items ({@code /places/{id}}, {@code /places/{id}/revisions} and the rest, as
     * the resource classes declare them once for every type) under the type's own parameter name
     * ({@code /places/{place_id}}), which the operations written here and by the revision operations declare.
     */
    private static void named(Paths paths, ResourceType type) {
        String template = type.pathTemplate();
        String declared = collectionPath(type) + ITEM;
        for (String path : List.copyOf(paths.getPathItems().keySet())) {
            if (path.equals(declared) || path.startsWith(declared + "/")) {
                paths.addPathItem(template + path.substring(declared.length()), paths.getPathItem(path));
                paths.removePathItem(path);
            }
        }
    }

    /**
     * The list of the type's collection ({@code listPlaces}), as its resource class declares it: with the type's
     * operationId, summary and description, its query parameters and its page as the class documents them.
     */
    private void listed(Paths paths, ResourceType type) {
        PathItem collection = paths.getPathItem(collectionPath(type));
        if (collection == null || collection.getGET() == null || collection.getGET().getOperationId() != null) {
            return;
        }
        Operation scanned = collection.getGET();
        String segment = type.segment();
        String summary = type.isDocumentPart() ? "List a document's " + segment : "List " + type.plural();
        Operation list = OasModels.operation("list" + Character.toUpperCase(segment.charAt(0)) + segment.substring(1),
                summary, text(type, "list"), scanned.getTags().get(0))
                .parameters(scanned.getParameters()).responses(scanned.getResponses());
        list.getResponses().getAPIResponse("200").description("A page of " + type.plural() + ".");
        collection.setGET(list);
    }

    /**
     * The type's create operation ({@code createPlace}), wherever its resource class serves it (at the type's
     * collection path, or under another id where its class documents it): its id, summary and description where the
     * class gives none, and its 201 answering the new resource with its URL and its version.
     */
    private void created(OpenAPI openAPI, ResourceType type) {
        String id = "create" + type.operationNoun();
        String collection = collectionPath(type);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation post = item.getPOST();
            if (post == null || !(id.equals(post.getOperationId())
                    || path.equals(collection) && post.getOperationId() == null)) {
                return;
            }
            if (post.getOperationId() == null) {
                post.operationId(id).description(text(type, "create")).summary(texts.getProperty(
                        key(type) + ".create.summary", "Create " + type.labelWithArticle()));
            }
            post.responses(OASFactory.createAPIResponses().addAPIResponse("201", response("Created.")
                    .addHeader("Location", OasModels.stringHeader("URL of the new " + type.label() + "."))
                    .addHeader("ETag", OasModels.stringHeader("Version tag of the new " + type.label() + "."))
                    .content(OasModels.json(type.viewSchema()))));
            // a part's create, inherited from DocumentPartsResource, has its document's id from its class's path
            if (type.isDocumentPart() && (post.getParameters() == null || post.getParameters().stream()
                    .noneMatch(p -> p.getName().equals(ResourceType.DOCUMENT.pathParameter())))) {
                post.addParameter(OasModels.pathId(ResourceType.DOCUMENT.pathParameter()));
            }
            item.setPOST(null); // then again: after the list, which the type's own class declares
            item.setPOST(post);
        });
    }

    private Operation get(ResourceType type) {
        Operation get = operation(type, "get", "Get " + type.labelWithArticle(), text(type, "get"));
        String prefix = key(type) + ".get.parameter.";
        texts.stringPropertyNames().stream().filter(k -> k.startsWith(prefix) && !k.endsWith(".example")).sorted()
                .forEach(k -> get.addParameter(OASFactory.createParameter().name(k.substring(prefix.length()))
                        .in(Parameter.In.QUERY).description(texts.getProperty(k))
                        .example(texts.getProperty(k + ".example")).schema(OasModels.string())));
        APIResponse ok = response("The " + type.label() + ".").content(OasModels.json(type.viewSchema()));
        String headers = key(type) + ".get.header.";
        texts.stringPropertyNames().stream().filter(k -> k.startsWith(headers)).sorted()
                .forEach(k -> ok.addHeader(k.substring(headers.length()), OasModels.stringHeader(texts.getProperty(k))));
        get.responses(OASFactory.createAPIResponses().addAPIResponse("200", ok));
        return ConditionalReads.describe(get, "Version tag, for If-None-Match and If-Match.");
    }

    private Operation replace(ResourceType type) {
        return changed(operation(type, "replace", "Replace " + type.labelWithArticle(), text(type, "replace")),
                type, OasModels.JSON, type.operationNoun() + "Input");
    }

    private Operation patch(ResourceType type) {
        return changed(operation(type, "patch", "Change some fields of " + type.labelWithArticle(),
                text(type, "patch")), type, MergePatch.MEDIA_TYPE, type.operationNoun() + "Patch");
    }

    private Operation delete(ResourceType type) {
        APIResponses responses = OASFactory.createAPIResponses().addAPIResponse("204", response("Deleted."));
        String conflict = texts.getProperty(key(type) + ".delete.conflict");
        if (conflict != null) {
            responses.addAPIResponse("409", response(conflict));
        }
        String summary = texts.getProperty(key(type) + ".delete.summary", "Delete " + type.labelWithArticle());
        return operation(type, "delete", summary, text(type, "delete"))
                .addParameter(OasModels.header("If-Match", "The ETag the deletion is based on; 412 when stale."))
                .responses(responses);
    }

    /** A replace or a patch: the body of {@code schema}, If-Match, and the changed resource with its new ETag. */
    private static Operation changed(Operation operation, ResourceType type, String mediaType, String schema) {
        return operation.addParameter(OasModels.header("If-Match", "The ETag the change is based on; 412 when stale."))
                .requestBody(OASFactory.createRequestBody().required(true)
                        .content(OasModels.content(mediaType, schema)))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200",
                        view(type, "The updated " + type.label() + ".", "The new version tag.")));
    }

    /** An operation of {@code type} with its id ({@code verb} + noun), its tag and its path parameters. */
    private static Operation operation(ResourceType type, String verb, String summary, String description) {
        String tag = Character.toUpperCase(type.segment().charAt(0)) + type.segment().substring(1);
        Operation operation = OasModels.operation(verb + type.operationNoun(), summary, description, tag);
        if (type.isDocumentPart()) {
            operation.addParameter(OasModels.pathId(ResourceType.DOCUMENT.pathParameter()));
        }
        return operation.addParameter(OasModels.pathId(type.pathParameter()));
    }

    /** A 200 answering the type's view with its ETag. */
    private static APIResponse view(ResourceType type, String description, String etag) {
        return response(description).addHeader("ETag", OasModels.stringHeader(etag))
                .content(OasModels.json(type.viewSchema()));
    }

    /** A response; an error's problem body is added with the others ({@code ProblemResponsesFilter}). */
    private static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private String text(ResourceType type, String operation) {
        String text = texts.getProperty(key(type) + "." + operation);
        if (text == null) {
            throw new IllegalStateException("item-operations.properties has no " + key(type) + "." + operation);
        }
        return text;
    }

    /** The path of the type's collection ({@code /places}, {@code /documents/{document_id}/texts}). */
    private static String collectionPath(ResourceType type) {
        return type.pathTemplate().substring(0, type.pathTemplate().lastIndexOf('/'));
    }

    private static String key(ResourceType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ItemOperations.class.getResourceAsStream("item-operations.properties")) {
            if (in == null) {
                throw new IllegalStateException("item-operations.properties is missing");
            }
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
