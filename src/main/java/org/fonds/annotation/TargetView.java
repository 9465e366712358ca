package org.fonds.annotation;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an annotation points, with whether it still points at its words. */
@Schema(name = "AnnotationTarget", description = "Where an annotation points: W3C Web Annotation "
        + "TextPositionSelector (`start`, `end`) and TextQuoteSelector (`exact`, `prefix`, `suffix`) into the "
        + "`content` of a text, or a `part` of the document (then those are null), and where on the physical page. "
        + "When the text is edited, the server re-locates the quoted words (`status`).")
public record TargetView(
        @Schema(nullable = true, required = true, description = "The text; null for a part of the document.")
        UUID textId,
        @Schema(nullable = true, required = true, description = "Offset of the first character, in UTF-16 code units.",
                examples = "741") Integer start,
        @Schema(nullable = true, required = true, description = "Offset just past the last character.",
                examples = "752") Integer end,
        @Schema(nullable = true, required = true, examples = "nastuplenie") String exact,
        @Schema(nullable = true, required = true, examples = "ion in principle for an attack [") String prefix,
        @Schema(nullable = true, required = true, examples = "]. The chief of the general staf") String suffix,
        @Schema(nullable = true, required = true, examples = "2") Integer page,
        @Schema(nullable = true, required = true, examples = "3") Integer lineStart,
        @Schema(nullable = true, required = true, examples = "5") Integer lineEnd,
        @Schema(nullable = true, required = true, examples = "LEFT") Margin margin,
        @Schema(nullable = true, required = true, examples = "pct:0,20,12,30") String region,
        @Schema(required = true, description = "ANCHORED: at the offsets given. RELOCATED: the text was edited and "
                + "the words were found elsewhere. ORPHANED: the words no longer occur; offsets and quote are those "
                + "of the last content they were found in. Always ANCHORED for a part.", examples = "ANCHORED")
        AnchorStatus status,
        @Schema(nullable = true, required = true, description = "The part of the document the annotation concerns "
                + "(HEADING, DATELINE, SOURCE, SIGNATURE); null for words of a text.", examples = "HEADING")
        DocumentPartName part,
        @Schema(nullable = true, required = true, description = "A SIGNATURE's signatory, when named.")
        UUID participantId) {

    static TargetView of(AnnotationTarget t) {
        return new TargetView(t.textId, t.startOffset, t.endOffset, t.exact, t.prefix, t.suffix, t.page, t.lineStart,
                t.lineEnd, t.margin, t.region, t.status, t.part, t.participantId);
    }
}
