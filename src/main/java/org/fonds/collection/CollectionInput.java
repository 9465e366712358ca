package org.fonds.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a collection: the body of POST and PUT. */
@Schema(name = "CollectionInput", description = "The writable fields of a collection.")
public record CollectionInput(
        @Schema(required = true, maxLength = 500, examples = "Korean War Origins, 1945-1950")
        @NotBlank @Size(max = 500) String title,
        @Schema(nullable = true, maxLength = 10000,
                examples = "Soviet, Chinese and Korean documents on the origins of the Korean War.")
        @Size(max = 10000) String description) {
}
