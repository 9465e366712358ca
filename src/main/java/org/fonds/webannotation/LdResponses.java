package org.fonds.webannotation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.fonds.document.DocumentView;
import org.fonds.http.ETags;

/** The responses of the W3C Web Annotation Protocol: JSON-LD with its media type, ETag, Allow, Link and Vary. */
final class LdResponses {

    static final String LDP = "http://www.w3.org/ns/ldp#";

    private LdResponses() {
    }


    /** The document's fully embedded ETag, marked with the format and the kind of resource. */
    static EntityTag tag(DocumentView document, String kind) {
        return new EntityTag("w3c" + kind + "-" + document.etag().getValue());
    }

    static Response respond(Request request, EntityTag tag, ObjectNode body, String type, boolean container) {
        Response.ResponseBuilder builder = ETags.notModified(request, tag).map(Response::fromResponse)
                .orElseGet(() -> Response.ok(body).type(WebAnnotations.MEDIA_TYPE).tag(tag));
        builder.header("Allow", "GET, HEAD, OPTIONS").header("Vary", "Accept");
        String constrained = "<http://www.w3.org/TR/annotation-protocol/>; rel=\"" + LDP + "constrainedBy\"";
        if (type != null) {
            // one Link header, its values separated by commas (RFC 8288)
            builder.header("Link", "<" + type + ">; rel=\"type\"" + (container ? ", " + constrained : ""));
        }
        return builder.build();
    }
}
