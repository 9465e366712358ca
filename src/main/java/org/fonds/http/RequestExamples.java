package org.fonds.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

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
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<String> bodies = new TreeSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().stream()
                        .filter(m -> m.getExample() == null && m.getExamples() == null && m.getSchema() != null
                                && m.getSchema().getRef() != null && m.getSchema().getRef().startsWith(PREFIX))
                        .forEach(m -> bodies.add(m.getSchema().getRef().substring(PREFIX.length())));
            }
        }));
        // on the body's schema, not beside it on the media type: Swagger UI fills "Try it out" from either, and the
        // client generators warn about (and leave out) a media type's example of a model
        for (String name : bodies) {
            Schema schema = openAPI.getComponents().getSchemas().get(name);
            if (schema == null || schema.getExamples() != null && !schema.getExamples().isEmpty()) {
                continue;
            }
            try (InputStream in = RequestExamples.class.getResourceAsStream("request-examples/" + name + ".json")) {
                if (in != null) {
                    schema.setExamples(new ArrayList<>(List.of(JSON.readValue(in, Object.class))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("request-examples/" + name + ".json", e);
            }
        }
    }
}
