package org.fonds.annotation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an annotation: the body of POST and PUT. */
@Schema(name = "AnnotationInput", description = "The writable fields of an annotation. Give the one type-specific "
        + "object named after `type` (FOREIGN_TERM → `foreign_term`, GAP → `gap`, …; TRANSLATOR_NOTE and EDITOR_NOTE "
        + "have none); the others must be absent or null.")
public record AnnotationInput(
        @Schema(required = true, examples = "FOREIGN_TERM") @NotNull AnnotationType type,
        @Schema(nullable = true, maxLength = 20000, description = "The note's words; required for TRANSLATOR_NOTE, "
                + "EDITOR_NOTE and FOOTNOTE, an optional comment for the other types.",
                examples = "“one trawler” and “one large subchaser” are circled")
        @Size(max = 20000) String noteText,
        @Schema(required = true, description = "The words the annotation concerns (1 to 20 spans), or the parts of "
                + "the document a note concerns.")
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid TargetInput> targets,
        @Schema(nullable = true) @Valid Footnote footnote,
        @Schema(nullable = true) @Valid ForeignTerm foreignTerm,
        @Schema(nullable = true) @Valid UncertainReading uncertainReading,
        @Schema(nullable = true) @Valid Gap gap,
        @Schema(nullable = true) @Valid Supplied supplied,
        @Schema(nullable = true) @Valid Mention mention,
        @Schema(nullable = true) @Valid Marginalia marginalia,
        @Schema(nullable = true) @Valid PageBreak pageBreak) {

    /** The type-specific object given for {@code type}, whether or not it is the annotation's type. */
    Object details(AnnotationType type) {
        return switch (type) {
            case TRANSLATOR_NOTE, EDITOR_NOTE -> null;
            case FOOTNOTE -> footnote;
            case MARGINALIA -> marginalia;
            case FOREIGN_TERM -> foreignTerm;
            case UNCERTAIN_READING -> uncertainReading;
            case GAP -> gap;
            case SUPPLIED -> supplied;
            case MENTION -> mention;
            case PAGE_BREAK -> pageBreak;
        };
    }

    /** What a stored annotation reads as, for merge patches. */
    static AnnotationInput of(AnnotationView v) {
        return new AnnotationInput(v.type(), v.noteText(), v.targets().stream()
                .map(t -> new TargetInput(t.textId(), t.start(), t.end(), t.exact(), t.prefix(), t.suffix(), null,
                        t.page(), t.lineStart(), t.lineEnd(), t.margin(), t.region(), t.part(), t.participantId()))
                .toList(),
                v.footnote(), v.foreignTerm(), v.uncertainReading(), v.gap(), v.supplied(), v.mention(), v.marginalia(),
                v.pageBreak());
    }
}
