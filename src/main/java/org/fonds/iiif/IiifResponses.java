package org.fonds.iiif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fonds.http.ETags;

/** The responses of the IIIF resources: JSON-LD with the IIIF profile, an ETag, 304 on If-None-Match. */
final class IiifResponses {

    static final String LD_JSON = "application/ld+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IiifResponses() {
    }


    static EntityTag digest(ObjectNode body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return new EntityTag("iiif-" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response respond(Request request, EntityTag tag, ObjectNode body) {
        return ETags.notModified(request, tag).orElseGet(() -> Response.ok(body).type(Manifests.MEDIA_TYPE)
                .tag(tag).header("Vary", "Accept").build());
    }
}
