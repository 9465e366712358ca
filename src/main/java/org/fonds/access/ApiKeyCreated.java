package org.fonds.access;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyCreated", description = "A new API key with its secret. The secret is shown this once: Fonds "
        + "stores only its SHA-256. Send it as `X-API-Key: <secret>`.")
public record ApiKeyCreated(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "nightly-import") String name,
        @Schema(required = true, examples = "CONTRIBUTOR") Role role,
        @Schema(required = true, examples = "fonds_x7Kp2q") String prefix,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true, examples = "user:admin") String createdBy,
        @Schema(required = true, examples = "0") long version,
        @Schema(required = true, description = "The key itself; store it now, it cannot be read again.",
                examples = "fonds_x7Kp2qL0wz3nR8cYtV5bJ1mHfE6sGdA9uKiPoTlQeWrX") String secret) {

    static ApiKeyCreated of(ApiKey k, String secret) {
        return new ApiKeyCreated(k.id, k.name, k.role, k.prefix, k.createdAt, k.createdBy, k.version, secret);
    }
}
