package org.fonds.history;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.fonds.http.OasModels;

/**
 * Documents {@link RevisionResource} as what it serves: for each {@link ResourceType}, its own four operations on its
 * own paths ({@code listAgentRevisions}, {@code getAgentRevision}, {@code restoreAgentRevision}, {@code purgeAgent}),
 * each revision typed with the view of its resource ({@code RevisionAgentView}: a {@link Revision} whose state is an
 * {@code Agent}), in place of the untyped operations the annotation scanner found through the sub-resource locators.
 * Runs before the problem responses are added, which then treat these operations like any other.
 */
public class RevisionOperations implements OASFilter {

    private static final String TAG = "Revisions";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Schema revision = removeTemplate(openAPI);
        for (ResourceType type : ResourceType.values()) {
            String base = type.pathTemplate() + "/revisions";
            paths.addPathItem(base, OASFactory.createPathItem().DELETE(purge(type)).GET(list(type)));
            paths.addPathItem(base + "/{version}", OASFactory.createPathItem().GET(get(type)));
            paths.addPathItem(base + "/{version}/restore", OASFactory.createPathItem().POST(restore(type)));
            if (revision != null) {
                openAPI.getComponents().addSchema(type.revisionSchema(), typed(revision, type));
            }
        }
        // in the order the scanner writes everything else: by path, by schema name
        paths.setPathItems(new TreeMap<>(paths.getPathItems()));
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().setSchemas(new TreeMap<>(openAPI.getComponents().getSchemas()));
        }
    }

    /**
     * Removes the untyped revision schema the scanner derived from {@link RevisionResource} (whose operations at each
     * type's paths are replaced); answers that schema, the model of every typed one.
     */
    private static Schema removeTemplate(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return null;
        }
        Schema revision = components.getSchemas().get("RevisionObject");
        components.removeSchema("RevisionObject");
        return revision;
    }

    /** A copy of the generic revision schema whose {@code state} is the view of {@code type}. */
    private static Schema typed(Schema revision, ResourceType type) {
        Schema typed = OASFactory.createSchema();
        revision.getAll().forEach(typed::set);
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(revision.getProperties());
        Schema state = properties.get("state");
        properties.put("state", OASFactory.createSchema().description(state.getDescription())
                .addType(Schema.SchemaType.OBJECT).ref(type.viewSchema()));
        typed.setProperties(properties);
        return typed;
    }

    private static Operation list(ResourceType type) {
        return operation(type, "list" + type.operationNoun() + "Revisions",
                "List the revisions of " + type.labelWithArticle(),
                "Every create, update, delete and restore of the " + type.label() + ", oldest first, a page at a "
                        + "time: the version it created, the action, who and when. Read one for its full state. "
                        + "Deleted " + type.plural() + " keep their revisions (so that they can be restored).")
                // described by PagingParameters, as every list's
                .addParameter(OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY))
                .addParameter(OASFactory.createParameter().name("limit").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("A page of revisions, oldest first.")
                        .content(OasModels.json("PageRevisionSummary"))));
    }

    private static Operation get(ResourceType type) {
        return operation(type, "get" + type.operationNoun() + "Revision", "Get a revision of " + type.labelWithArticle(),
                "The revision that created `version` of the " + type.label() + ", with the " + type.label()
                        + "'s full state at that version (the body a GET answered then; for a DELETE, the last state "
                        + "before the deletion).")
                .addParameter(version())
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The revision.").content(OasModels.json(type.revisionSchema()))));
    }

    private static Operation restore(ResourceType type) {
        return operation(type, "restore" + type.operationNoun() + "Revision",
                "Restore " + type.labelWithArticle() + " to a revision",
                "Makes the state of revision `version` the current state of the " + type.label() + ", as a new "
                        + "version (recorded as a RESTORE revision); a deleted " + type.label() + " is restored with "
                        + "it. The state is validated like a PUT body: what would now be invalid (e.g. a reference to "
                        + "something deleted since) is a 409 or 422 problem. Send the current ETag in `If-Match` to "
                        + "restore only if nobody changed the " + type.label() + " since you looked (412 when stale). "
                        + "Editors only.")
                .addParameter(version())
                .addParameter(OasModels.header("If-Match",
                        "The current ETag, to restore only if it is still current (412 when stale)."))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The restored " + type.label() + ".")
                                .addHeader("ETag", OasModels.stringHeader("The new version tag."))
                                .content(OasModels.json(type.viewSchema())))
                        .addAPIResponse("409", response("The revision's state can no longer be applied."))
                        .addAPIResponse("412", response("`If-Match` does not name the current version.")));
    }

    private static Operation purge(ResourceType type) {
        String belongings = type == ResourceType.DOCUMENT ? " and everything that belongs to it (texts, participants, "
                + "links, media, annotations and their revisions)" : "";
        return operation(type, "purge" + type.operationNoun(), "Purge " + type.labelWithArticle() + " for good",
                "Removes the " + type.label() + ", deleted or not, with all its revisions" + belongings + ". This "
                        + "cannot be undone; a plain DELETE of the " + type.label() + " is a soft deletion that can. "
                        + "409 while other records still refer to it. Send its current ETag in `If-Match`. "
                        + "Administrators only.")
                .addParameter(OasModels.header("If-Match", "The current ETag of the " + type.label() + " (deleted or not); 412 when stale."))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description("Purged."))
                        .addAPIResponse("409", response("Other records still refer to the " + type.label() + ".")));
    }

    /** An operation with the path parameters of {@code type}'s path. */
    private static Operation operation(ResourceType type, String id, String summary, String description) {
        Operation operation = OasModels.operation(id, summary, description, TAG);
        if (type.isDocumentPart()) {
            operation.addParameter(OasModels.pathId(ResourceType.DOCUMENT.pathParameter()));
        }
        return operation.addParameter(OasModels.pathId(type.pathParameter()));
    }

    private static Parameter version() {
        return OASFactory.createParameter().description("The version (an ETag without its quotes).").name("version")
                .in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64"));
    }

    /** An error response; the problem body is added with the others ({@code ProblemResponsesFilter}). */
    private static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description);
    }
}
