package org.fonds.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The pieces of the spec that the filters writing operations by type ({@code ItemOperations},
 * {@code RevisionOperations}) build the same way.
 */
public final class OasModels {

    public static final String JSON = "application/json";

    private OasModels() {
    }

    /** An operation with its id, summary, description and one tag. */
    public static Operation operation(String id, String summary, String description, String tag) {
        return OASFactory.createOperation().summary(summary).description(description).operationId(id)
                .tags(new ArrayList<>(List.of(tag)));
    }

    /** A required path parameter holding a resource's id. */
    public static Parameter pathId(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().ref("UUID"));
    }

    /** A header parameter (If-Match, If-None-Match) with a string value. */
    public static Parameter header(String name, String description) {
        return OASFactory.createParameter().description(description).name(name).in(Parameter.In.HEADER)
                .schema(string());
    }

    /** A string-valued response header. */
    public static Header stringHeader(String description) {
        return OASFactory.createHeader().description(description).schema(string());
    }

    public static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    /** Content of {@code mediaType} whose schema is the component {@code schema}. */
    public static Content content(String mediaType, String schema) {
        return OASFactory.createContent().addMediaType(mediaType,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema)));
    }

    public static Content json(String schema) {
        return content(JSON, schema);
    }
}
