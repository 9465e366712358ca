package org.fonds.media;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MediaInput")
public record MediaInput(
        @Schema(required = true, description = "Where the file is served (http or https).",
                examples = "https://digitalarchive.wilsoncenter.org/document/115977/page-1.jpg")
        @NotBlank @Size(max = 2000) @Pattern(regexp = "(https?://|urn:[a-z0-9][a-z0-9-]{0,31}:)\\S+", message = "must be an http(s) URL or a URN")
        String url,
        @Schema(required = true, examples = "image/jpeg")
        @NotBlank @Size(max = 255) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a media type such as image/jpeg")
        String mediaType,
        @Schema(nullable = true, examples = "1") @Min(1) Integer pageNumber,
        @Schema(nullable = true, description = "SHA-256 of the file, lowercase hex.")
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hexadecimal digits") String sha256,
        @Schema(nullable = true, examples = "Terentii Shtykov leaving the first meeting of the Joint Soviet-American "
                + "Commission on Korea at Deoksu Palace in 1946.") @Size(max = 10000) String caption,
        @Schema(nullable = true, description = "Agents shown in the image.")
        @Size(max = 200) List<@NotNull UUID> depictedAgentIds) {
}
