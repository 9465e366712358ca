package org.fonds.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * A whole, valid example on every JSON request body, so that Swagger UI's "Try it out" sends one that works (a real
 * cable, not a body of "string"s built from each property's example): for a body whose schema is the component
 * {@code X}, the JSON in {@code request-examples/X.json} beside this class, the same for every operation that takes
 * it (create, replace, patch). Ids in them stand for resources of the caller's archive. A test posts each one.
 */
public class RequestExamples implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(RequestExamples::example);
            }
        }));
    }

    private static void example(MediaType media) {
        if (media.getExample() != null || media.getExamples() != null || media.getSchema() == null
                || media.getSchema().getRef() == null || !media.getSchema().getRef().startsWith(PREFIX)) {
            return;
        }
        String name = media.getSchema().getRef().substring(PREFIX.length());
        try (InputStream in = RequestExamples.class.getResourceAsStream("request-examples/" + name + ".json")) {
            if (in != null) {
                media.setExample(JSON.readValue(in, Object.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("request-examples/" + name + ".json", e);
        }
    }
}
