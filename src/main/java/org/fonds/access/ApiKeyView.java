package org.fonds.access;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "An API key as stored: never its secret, which only its creation returns.")
public record ApiKeyView(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "nightly-import") String name,
        @Schema(required = true, examples = "CONTRIBUTOR") Role role,
        @Schema(required = true, description = "The first characters of the secret.", examples = "fonds_x7Kp2q")
        String prefix,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true, description = "Who created it.", examples = "user:admin") String createdBy,
        @Schema(nullable = true, required = true, description = "When it was revoked; null while it is valid.")
        OffsetDateTime revokedAt,
        @Schema(nullable = true, required = true, examples = "user:admin") String revokedBy,
        @Schema(required = true, examples = "0") long version) {

    static ApiKeyView of(ApiKey k) {
        return new ApiKeyView(k.id, k.name, k.role, k.prefix, k.createdAt, k.createdBy, k.revokedAt, k.revokedBy,
                k.version);
    }
}
