package org.fonds.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Removes the {@code type} that SmallRye writes beside a {@code $ref} (a property annotated with {@code @Schema} whose
 * Java type is a component: an enum, {@code UUID}, {@code OffsetDateTime}, a record). Beside a reference it repeats
 * the referenced component's type and says nothing more, but client generators read a sibling of {@code $ref} as a
 * conflict (openapi-generator warns and drops it: "Type(s) cleared (set to null) given $ref is set"). A sibling type
 * that differs from the component's would be a real constraint: it is kept, and the generator test reports it.
 *
 * <p>And it renames the components SmallRye makes of {@code java.time}'s types, whose names are type names in the
 * languages clients are generated in (openapi-generator renames {@code LocalDate} and {@code OffsetDateTime} in Java,
 * with a warning): {@code Day} and {@code Timestamp}, every reference with them.
 */
public class SchemaReferences implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";
    private static final Map<String, String> RENAMED = Map.of("LocalDate", "Day", "OffsetDateTime", "Timestamp");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        RENAMED.forEach((from, to) -> {
            Schema schema = openAPI.getComponents().getSchemas().get(from);
            if (schema != null && !openAPI.getComponents().getSchemas().containsKey(to)) {
                openAPI.getComponents().removeSchema(from);
                openAPI.getComponents().addSchema(to, schema);
            }
        });
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        visit(components, components, seen);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> visit(p.getSchema(), components, seen));
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> visit(m.getSchema(), components, seen));
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().getMediaTypes().values().forEach(m -> visit(m.getSchema(), components, seen));
                        }
                        if (r.getHeaders() != null) {
                            r.getHeaders().values().forEach(h -> visit(h.getSchema(), components, seen));
                        }
                    });
                }
            }));
        }
    }

    /** Every schema below {@code node}: properties, items, compositions, whatever holds one. */
    private static void visit(Object node, Map<String, Schema> components, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Schema schema) {
            tidy(schema, components);
            for (Object value : new ArrayList<>(schema.getAll().values())) {
                visit(value, components, seen);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> visit(v, components, seen));
        } else if (node instanceof Collection<?> list) {
            list.forEach(v -> visit(v, components, seen));
        }
    }

    /** The renamed components' new names, and no type beside a reference that repeats the component's. */
    private static void tidy(Schema schema, Map<String, Schema> components) {
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(PREFIX) && RENAMED.containsKey(ref.substring(PREFIX.length()))) {
            ref = PREFIX + RENAMED.get(ref.substring(PREFIX.length()));
            schema.setRef(ref);
        }
        List<Schema.SchemaType> type = schema.getType();
        if (ref == null || type == null || !ref.startsWith(PREFIX)) {
            return;
        }
        Schema target = components.get(ref.substring(PREFIX.length()));
        if (target != null && type.equals(target.getType())) {
            schema.setType(null);
        }
    }
}
