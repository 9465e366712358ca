package org.fonds.citation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.fonds.http.ETags;

/** What the citation resources answer alike: the media types, a format's ETag, conditional GET, JSON text. */
final class Representations {

    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    static final String BIBTEX = "application/x-bibtex";
    static final String JSON_LD = "application/ld+json";
    static final String ETAG = "Version tag of this representation, for If-None-Match.";
    static final String IF_NONE_MATCH = "Answer 304 when this ETag is still current.";
    static final String NOT_MODIFIED = "Not modified: `If-None-Match` names the current version.";

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

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
