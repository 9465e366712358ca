package org.fonds.annotation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Words missing from the text, e.g. "[[one word off the page]]". */
@Schema(name = "Gap", description = "The GAP object: why words are missing where the target points, and how many.")
public record Gap(
        @Schema(required = true, examples = "OFF_PAGE") @NotNull Reason reason,
        @Schema(nullable = true) @Valid Extent extent) {

    @Schema(name = "GapReason", description = "Why words are missing.")
    public enum Reason {
        OFF_PAGE,
        ILLEGIBLE,
        REDACTED,
        DAMAGED,
        OMITTED,
        OTHER
    }

    /** How much is missing: "one word", "two lines". */
    @Schema(name = "Extent", description = "How much is missing.")
    public record Extent(
            @Schema(required = true, examples = "1", minimum = "1") @NotNull @Min(1) @Max(1000000) Integer quantity,
            @Schema(required = true, examples = "WORDS") @NotNull Unit unit) {
    }

    @Schema(name = "ExtentUnit")
    public enum Unit {
        WORDS,
        CHARACTERS,
        LINES,
        PAGES
    }
}
