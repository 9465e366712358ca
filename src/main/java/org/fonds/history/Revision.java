package org.fonds.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One revision with the full state of the resource at that version: the body a GET of that version answered, in the
 * current representation of the resource's view (see {@link Revisable#representation()}). For a DELETE revision, the
 * state is the last state before the deletion.
 *
 * @param <T> the resource's response body (typed in the spec per resource; held as JSON at run time)
 */
public record Revision<T>(
        @Schema(required = true) ResourceType resourceType,
        @Schema(required = true) UUID resourceId,
        @Schema(description = "The document the resource belongs to, for texts, participants, links, media and "
                + "annotations.", nullable = true) UUID documentId,
        @Schema(required = true, examples = "3") long version,
        @Schema(required = true) RevisionAction action,
        @Schema(required = true, examples = "anonymous") String actor,
        @Schema(required = true) OffsetDateTime recordedAt,
        @Schema(description = "The resource's response body at this version.", required = true)
        @JsonSerialize(using = StateSerializer.class) T state) {

    /** Writes the state by its run-time type (stored JSON), not by the type parameter the spec is generated from. */
    static final class StateSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value instanceof JsonNode node) {
                gen.writeTree(node);
            } else {
                provider.defaultSerializeValue(value, gen);
            }
        }
    }
}
