package org.fonds.annotation;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an annotation points, with whether it still points at its words. */
@Schema(name = "AnnotationTarget", description = "Where an annotation points: W3C Web Annotation "
        + "TextPositionSelector (`start`, `end`) and TextQuoteSelector (`exact`, `prefix`, `suffix`) into the "
        + "`content` of a text, and where on the physical page. When the text is edited, the server re-locates "
        + "the quoted words (`status`).")
public record TargetView(
        @Schema(required = true) UUID textId,
        @Schema(required = true, description = "Offset of the first character, in UTF-16 code units.",
                examples = "741") int start,
        @Schema(required = true, description = "Offset just past the last character.", examples = "752") int end,
        @Schema(required = true, examples = "nastuplenie") String exact,
        @Schema(required = true, examples = "ion in principle for an attack [") String prefix,
        @Schema(required = true, examples = "]. The chief of the general staf") String suffix,
        @Schema(nullable = true, required = true, examples = "2") Integer page,
        @Schema(nullable = true, required = true, examples = "3") Integer lineStart,
        @Schema(nullable = true, required = true, examples = "5") Integer lineEnd,
        @Schema(nullable = true, required = true, examples = "LEFT") Margin margin,
        @Schema(nullable = true, required = true, examples = "pct:0,20,12,30") String region,
        @Schema(required = true, description = "ANCHORED: at the offsets given. RELOCATED: the text was edited and "
                + "the words were found elsewhere. ORPHANED: the words no longer occur; offsets and quote are those "
                + "of the last content they were found in.", examples = "ANCHORED") AnchorStatus status) {

    static TargetView of(AnnotationTarget t) {
        return new TargetView(t.textId, t.startOffset, t.endOffset, t.exact, t.prefix, t.suffix, t.page, t.lineStart,
                t.lineEnd, t.margin, t.region, t.status);
    }
}
