package org.fonds.annotation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an annotation points, as a client writes it. Checked and resolved by {@link Anchors#resolve}. */
@Schema(name = "AnnotationTargetInput", description = "Where an annotation points: W3C Web Annotation selectors into "
        + "the `content` of a text of the same document, or a `part` of the document itself (a note on the heading, "
        + "the dateline, the source line or a signature: give `part`, and for a signature optionally "
        + "`participant_id`, and no `text_id`, offsets or quote). For a span of a text, either give `start`, `end` and `exact` "
        + "(TextPositionSelector and TextQuoteSelector), or only `exact` and, when the words occur more than once, "
        + "`occurrence` and/or `prefix`/`suffix`: the server finds the offsets. `prefix` and `suffix` are derived "
        + "from the content when omitted, and must match it when given. `page`, `line_start`, `line_end`, `margin` "
        + "and `region` say where on the physical page.")
public record TargetInput(
        @Schema(nullable = true, description = "The text (of the same document) whose content the offsets count in; "
                + "required unless `part` is given.")
        UUID textId,
        @Schema(nullable = true, minimum = "0", description = "Offset of the first character in the text's content, "
                + "in UTF-16 code units (as JavaScript counts). Give it with `end`, or neither.", examples = "741")
        @Min(0) Integer start,
        @Schema(nullable = true, minimum = "1", description = "Offset just past the last character.", examples = "752")
        @Min(1) Integer end,
        @Schema(nullable = true, minLength = 1, maxLength = 10000, description = "The words pointed at, exactly as "
                + "in the content; required with `text_id`.", examples = "nastuplenie")
        @Size(min = 1, max = 10000) String exact,
        @Schema(nullable = true, maxLength = 200, description = "Context just before `exact` (about 32 characters).",
                examples = "ion in principle for an attack [")
        @Size(max = 200) String prefix,
        @Schema(nullable = true, maxLength = 200, description = "Context just after `exact` (about 32 characters).",
                examples = "]. The chief of the general staf")
        @Size(max = 200) String suffix,
        @Schema(nullable = true, minimum = "1", defaultValue = "1", description = "Without `start` and `end`: which "
                + "occurrence of `exact` (1-based), counting only those that agree with `prefix` and `suffix` when "
                + "given.", examples = "1")
        @Min(1) @Max(1000000) Integer occurrence,
        @Schema(nullable = true, minimum = "1", description = "Page of the original.", examples = "2")
        @Min(1) Integer page,
        @Schema(nullable = true, minimum = "1", description = "First line on the page, as the source counts them.",
                examples = "3")
        @Min(1) Integer lineStart,
        @Schema(nullable = true, minimum = "1", description = "Last line on the page; needs `line_start`.",
                examples = "5")
        @Min(1) Integer lineEnd,
        @Schema(nullable = true, description = "Where on the page, relative to the typed text.", examples = "LEFT")
        Margin margin,
        @Schema(nullable = true, description = "Region of the page image, IIIF style: `x,y,w,h` in pixels or "
                + "`pct:x,y,w,h` in percent.", examples = "pct:0,20,12,30", pattern = Anchors.REGION)
        @Pattern(regexp = Anchors.REGION) String region,
        @Schema(nullable = true, description = "A part of the document instead of words of a text: HEADING, "
                + "DATELINE, SOURCE (the source line) or SIGNATURE.", examples = "HEADING")
        DocumentPartName part,
        @Schema(nullable = true, description = "Only with `part` SIGNATURE: the signatory (a participant of the same "
                + "document) whose signature the note concerns.")
        UUID participantId) {

    /** Whether the target names a part of the document rather than words of a text. */
    boolean isPart() {
        return part != null;
    }
}
