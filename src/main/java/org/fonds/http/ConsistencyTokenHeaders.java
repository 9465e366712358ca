package org.fonds.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.fonds.db.ConsistencyTokens;

/**
 * Documents read-your-writes ({@link ConsistencyTokenFilter}) once, in the components, and refers to it from every
 * operation: the 2xx responses of every write carry the header {@code Fonds-Consistency-Token}, and every read accepts
 * it back.
 */
public class ConsistencyTokenHeaders implements OASFilter {

    static final String NAME = "consistency_token";
    private static final String ABOUT = "Present only when this deployment serves reads from a replica of its "
            + "database, which may lag behind the primary by a moment.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema token = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(64);
        openAPI.getComponents()
                .addHeader(NAME, OASFactory.createHeader().schema(token)
                        .description("The position of this write in the database's history, opaque. Send it back "
                                + "in `" + ConsistencyTokens.HEADER + "` on the reads that must see this write. "
                                + ABOUT))
                .addParameter(NAME, OASFactory.createParameter().name(ConsistencyTokens.HEADER)
                        .in(Parameter.In.HEADER).required(false).schema(token)
                        .description("The `" + ConsistencyTokens.HEADER + "` of this client's last write: the read "
                                + "then sees that write (a replica that has not replayed it yet leaves the read to the "
                                + "primary). Without it, a read right after a write may not see it yet. A token this "
                                + "deployment did not issue is ignored. " + ABOUT));
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().forEach((method, operation) -> {
                if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD) {
                    operation.addParameter(OASFactory.createParameter().ref(NAME));
                } else if (method != PathItem.HttpMethod.OPTIONS) {
                    addResponseHeader(operation);
                }
            });
        }
    }

    private static void addResponseHeader(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getRef() == null) {
                response.addHeader(ConsistencyTokens.HEADER, OASFactory.createHeader().ref(NAME));
            }
        });
    }
}
