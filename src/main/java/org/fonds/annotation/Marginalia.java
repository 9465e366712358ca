package org.fonds.annotation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mark or note by a hand on the page, outside the typed text: a comment in the margin, circled words, a line
 * drawn to some lines. Its own words may have uncertain readings and gaps. {@code reported_by_id} is stored in the
 * annotation's column (a foreign key), the rest in its body.
 */
@Schema(name = "Marginalia", description = "The MARGINALIA object. The target says which words the mark concerns "
        + "(a circling may target several spans) and, with `line_start`/`line_end` and `margin`, where it is.")
public record Marginalia(
        @Schema(required = true, examples = "COMMENT") @NotNull Kind kind,
        @Schema(nullable = true) @Valid Transcription transcription,
        @Schema(nullable = true, description = "Where on the page the mark is.", examples = "LEFT") Margin position,
        @Schema(nullable = true) @Valid Hand hand,
        @Schema(nullable = true, description = "What it is written with.", maxLength = 200, examples = "pencil")
        @Size(max = 200) String medium,
        @Schema(nullable = true, examples = "PARTLY_LEGIBLE") Legibility legibility,
        @Schema(description = "The mark runs off the reproduced page.", defaultValue = "false") boolean offPage,
        @Schema(nullable = true, description = "A line or arrow drawn from the mark to the text; the lines it points "
                + "to are the target's `line_start` and `line_end` (LINE and ARROW need them).", examples = "LINE")
        Connector connector,
        @Schema(nullable = true, description = "The note that reports this mark (an annotation of the same "
                + "document), e.g. the translator's note \"“one trawler” and “one large subchaser” are circled\".")
        UUID reportedById) {

    Marginalia withReportedById(UUID id) {
        return new Marginalia(kind, transcription, position, hand, medium, legibility, offPage, connector, id);
    }

    @Schema(name = "MarginaliaKind")
    public enum Kind {
        COMMENT,
        CIRCLING,
        UNDERLINING,
        CONNECTING_LINE,
        ARROW,
        STAMP,
        SIGNATURE_OR_INITIALS,
        STRIKE_THROUGH,
        OTHER
    }

    @Schema(name = "Legibility")
    public enum Legibility {
        LEGIBLE,
        PARTLY_LEGIBLE,
        ILLEGIBLE
    }

    @Schema(name = "Connector")
    public enum Connector {
        NONE,
        LINE,
        ARROW
    }

    /** The words of the mark as transcribed, with what in them is uncertain or missing. */
    @Schema(name = "MarginaliaTranscription", description = "The marginal words as transcribed. Offsets count UTF-16 "
            + "code units of `text`.")
    public record Transcription(
            @Schema(required = true, maxLength = 10000, examples = "…mark…that…; still…to give…")
            @NotNull @Size(max = 10000) String text,
            @Schema(nullable = true, description = "Uncertain readings inside `text`.")
            @Size(max = 100) List<@NotNull @Valid Uncertain> uncertain,
            @Schema(nullable = true, description = "Places in `text` where words are missing.")
            @Size(max = 100) List<@NotNull @Valid TranscriptionGap> gaps) {
    }

    /** An uncertain reading of {@code text[start, end)}. */
    @Schema(name = "TranscriptionUncertainty")
    public record Uncertain(
            @Schema(required = true, minimum = "0", examples = "0") @NotNull @Min(0) Integer start,
            @Schema(required = true, minimum = "1", examples = "8") @NotNull @Min(1) Integer end,
            @Schema(required = true, maxLength = 1000, examples = "estimate") @NotBlank @Size(max = 1000) String reading,
            @Schema(nullable = true, examples = "LOW") Certainty certainty) {
    }

    /** Words missing from the transcription just after offset {@code after}. */
    @Schema(name = "TranscriptionGap")
    public record TranscriptionGap(
            @Schema(required = true, minimum = "0", description = "Offset in `text` after which words are missing.",
                    examples = "0")
            @NotNull @Min(0) Integer after,
            @Schema(required = true, examples = "OFF_PAGE") @NotNull Gap.Reason reason,
            @Schema(nullable = true) @Valid Gap.Extent extent) {
    }

    /** Whose hand the mark is in, and how sure that attribution is. */
    @Schema(name = "Hand")
    public record Hand(
            @Schema(nullable = true, description = "The agent whose hand it is (id of /agents), when known.")
            UUID agentId,
            @Schema(nullable = true, description = "How sure the attribution is.", examples = "UNKNOWN")
            HandCertainty certainty,
            @Schema(nullable = true, maxLength = 2000, examples = "an unidentified reader") @Size(max = 2000)
            String description) {
    }

    @Schema(name = "HandCertainty")
    public enum HandCertainty {
        LOW,
        MEDIUM,
        HIGH,
        UNKNOWN
    }
}
