package org.fonds.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Strong ETags derived from a resource's version ({@code "3"}), conditional GET ({@code If-None-Match} → 304)
 * and the {@code If-Match} check of writes (→ 412 when stale).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The tag of a representation that embeds other resources: it changes when any of their versions does.
     * {@code parts} are the embedded resources' ids and versions.
     */
    public static EntityTag composite(long version, java.util.List<?> parts) {
        return new EntityTag(version + "-" + Integer.toHexString(parts.hashCode()));
    }

    /** A 304 response when the client's {@code If-None-Match} already names this tag. */
    public static Optional<Response> notModified(Request request, EntityTag tag) {
        Response.ResponseBuilder builder = request.evaluatePreconditions(tag);
        return Optional.ofNullable(builder).map(b -> b.tag(tag).build());
    }

    /**
     * Checks an {@code If-Match} header value against the current version: every write must name the version it is
     * based on, so a missing (or {@code *}) If-Match is a 428 and a stale or unparseable one a 412. No write can
     * silently overwrite a change its author has not seen.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "This write needs an If-Match header "
                    + "naming the ETag of the version it is based on (\"" + currentVersion + "\" is current): read "
                    + "the resource, then send its ETag.");
        }
        String current = "\"" + currentVersion + "\"";
        for (String tag : ifMatch.split(",")) {
            if (tag.strip().equals(current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match " + ifMatch.strip()
                + " does not match the current ETag " + current + ": the resource was changed since you read it.");
    }
}
