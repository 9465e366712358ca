package org.fonds.http;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents conditional GET once for every read that answers an ETag (the JSON items through {@code ItemOperations},
 * the exports and the rest through {@code @Extension(name = ConditionalReads.EXTENSION, value = "what the tag
 * follows")} on the method): the {@code If-None-Match} parameter, the {@code ETag} header of the 200 and the 304. The
 * server side is {@link ETags#notModified}; this is its description, so no operation has to repeat it.
 */
public class ConditionalReads implements OASFilter {

    /** The extension that marks an operation as a conditional read; its value says what the ETag follows. */
    public static final String EXTENSION = "x-fonds-conditional";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Operation get = item.getGET();
            if (get == null) {
                continue;
            }
            // the scanner puts a method's @Extension on the operation and on the responses the method declares
            Object follows = take(get.getExtensions(), () -> get.removeExtension(EXTENSION));
            if (get.getResponses() != null && get.getResponses().getAPIResponses() != null) {
                for (APIResponse response : get.getResponses().getAPIResponses().values()) {
                    Object declared = take(response.getExtensions(), () -> response.removeExtension(EXTENSION));
                    follows = follows == null ? declared : follows;
                }
            }
            if (follows != null) {
                describe(get, "Version tag of this representation: " + follows);
            }
        }
    }

    private static Object take(Map<String, Object> extensions, Runnable remove) {
        Object value = extensions == null ? null : extensions.get(EXTENSION);
        if (value != null) {
            remove.run();
        }
        return value;
    }

    /** {@code If-None-Match} on {@code get}, the {@code ETag} header of its 200 described as {@code etag}, its 304. */
    public static Operation describe(Operation get, String etag) {
        get.addParameter(OasModels.header("If-None-Match", "Answer 304 when this ETag is still current."));
        APIResponse ok = get.getResponses().getAPIResponse("200");
        ok.addHeader("ETag", OasModels.stringHeader(etag));
        get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified: `If-None-Match` names the current version."));
        return get;
    }
}
