package org.fonds.http;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the paging parameters of every list the same way, where the operation says nothing else of them:
 * {@code limit} ({@link Paging}'s bounds and default) and {@code cursor} (the {@code next} of the previous page); and
 * the {@code Link} header of every page.
 */
public class PagingParameters implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "limit", "Page size.",
            "cursor", "The `next` cursor of the previous page.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(PagingParameters::document);
                if (op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY
                        && ("cursor".equals(p.getName()) || "offset".equals(p.getName())))) {
                    linked(op);
                }
            }
        }));
    }

    /** A page's 200 carries {@code Link} ({@link PageLinks}). */
    private static void linked(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok != null && (ok.getHeaders() == null || !ok.getHeaders().containsKey("Link"))) {
            ok.addHeader("Link", OasModels.stringHeader("The next page (`rel=\"next\"`) and, where there is one, the "
                    + "previous (`rel=\"prev\"`), as RFC 8288 links: the URLs of the body's `next_url` and `prev_url`."));
        }
    }

    private static void document(Parameter parameter) {
        String description = DESCRIPTIONS.get(parameter.getName());
        if (parameter.getIn() != Parameter.In.QUERY || description == null || parameter.getDescription() != null) {
            return;
        }
        parameter.setDescription(description);
        if ("limit".equals(parameter.getName())) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                    .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Paging.MAX_LIMIT))
                    .defaultValue(Paging.DEFAULT_LIMIT));
        } else if (parameter.getSchema() == null) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
    }
}
