package org.fonds.search;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.annotation.AnnotationType;

/** One field of a document that matched the query, with the matching words highlighted. */
@Schema(name = "SearchMatch", description = "Where the query matched, with a snippet in which the matching words are "
        + "enclosed in « and ».")
public record SearchMatch(
        @Schema(required = true, examples = "TEXT") MatchField field,
        @Schema(nullable = true, required = true, description = "The matching text (field TEXT).") UUID textId,
        @Schema(nullable = true, required = true, description = "The language of the matching text (field TEXT).",
                examples = "en") String language,
        @Schema(nullable = true, required = true, description = "The matching annotation (field ANNOTATION).")
        UUID annotationId,
        @Schema(nullable = true, required = true, description = "Its type (field ANNOTATION).",
                examples = "TRANSLATOR_NOTE") AnnotationType annotationType,
        @Schema(required = true, examples = "the navy is somewhat behind … not received one «trawler»")
        String snippet) {
}
