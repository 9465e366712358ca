package org.fonds.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx response. */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "A URI reference identifying the kind of problem; stable.",
                examples = "/problems/not-found", required = true) String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Not found", required = true)
        String title,
        @Schema(description = "The HTTP status code.", examples = "404", required = true) int status,
        @Schema(description = "What went wrong in this occurrence.",
                examples = "No document has the id 0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b.") String detail,
        @Schema(description = "The request path of this occurrence.", examples = "/documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")
        String instance,
        @Schema(description = "One entry per offending field or parameter.") List<FieldError> errors) {

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "The field (JSON pointer-like dotted path) or parameter name.",
                    examples = "title", required = true) String field,
            @Schema(description = "What is wrong with it.", examples = "must not be blank", required = true)
            String message) {
    }
}
