package org.fonds.annotation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the body of PATCH /annotations/{annotation_id}: any subset of the writable fields, null clears. */
@Schema(name = "AnnotationPatch", description = "A JSON Merge Patch of an annotation: any subset of AnnotationInput's "
        + "fields; null clears an optional field, objects merge field by field, and `targets` (an array) is replaced "
        + "as a whole. Targets left as they are keep their status; new or changed ones are checked against the text. "
        + "The result is validated like an AnnotationInput.")
public record AnnotationPatch(
        AnnotationType type,
        @Schema(nullable = true, maxLength = 20000) String noteText,
        List<TargetInput> targets,
        @Schema(nullable = true) Footnote footnote,
        @Schema(nullable = true) ForeignTerm foreignTerm,
        @Schema(nullable = true) UncertainReading uncertainReading,
        @Schema(nullable = true) Gap gap,
        @Schema(nullable = true) Supplied supplied,
        @Schema(nullable = true) Mention mention,
        @Schema(nullable = true) Marginalia marginalia) {
}
