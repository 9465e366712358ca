package org.fonds.citation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fonds.http.ETags;

/** What the citation resources answer alike: the media types, a format's ETag, conditional GET, JSON text. */
final class Representations {

    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    static final String BIBTEX = "application/x-bibtex";
    static final String JSON_LD = "application/ld+json";
    /** What a format's ETag follows, for the spec ({@code ConditionalReads}). */
    static final String FOLLOWS = "it changes with the document, its parts, the agents and place it names, and the "
            + "format.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Representations() {
    }

    /** The document's tag with the format folded in, so that each format has its own. */
    static EntityTag tag(CitedDocument cited, String format) {
        return new EntityTag(cited.tag().getValue() + "-" + Integer.toHexString(format.hashCode()));
    }

    /** 304 when If-None-Match names the tag; else 200 with the body, computed only then. */
    static Response conditional(Request request, EntityTag tag, String type, Supplier<Object> body) {
        return ETags.notModified(request, tag).orElseGet(() -> Response.ok(body.get(), type).tag(tag).build());
    }

    /** The document {@code cited} in {@code format} as {@link #conditional} answers it. */
    static Response answer(Request request, CitedDocument cited, String format, String type,
            Function<CitedDocument, Object> body) {
        return conditional(request, tag(cited, format), type, () -> body.apply(cited));
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
