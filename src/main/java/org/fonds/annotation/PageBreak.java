package org.fonds.annotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the original or of a printed edition starts here ("p. 968 of FRUS 1949 vol. VII part 2"): the break
 * stands before the first character of the annotation's one target (the first words of the page), so that it is
 * re-located with them when the text is edited, like every anchor. TEI {@code <pb n="968" ed="frus1949v07p2"/>}.
 */
@Schema(name = "PageBreak", description = "The PAGE_BREAK object: a page of the original (no `edition`) or of a "
        + "printed edition starts at the first character of the target, which points at the page's first words.")
public record PageBreak(
        @Schema(required = true, maxLength = 50, description = "The page's number or label as printed.",
                examples = "968")
        @NotBlank @Size(max = 50) String n,
        @Schema(nullable = true, maxLength = 100, pattern = EDITION, description = "The edition whose page this is, "
                + "as a short sigil (TEI `pb/@ed`: letters, digits, `.`, `_`, `-`); null for the original document's "
                + "own pages.", examples = "frus1949v07p2")
        @Size(max = 100) @Pattern(regexp = EDITION) String edition,
        @Schema(nullable = true, maxLength = 1000, description = "The edition as cited; only with `edition`.",
                examples = "Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII, "
                        + "Part 2")
        @Size(max = 1000) String editionTitle) {

    /** An edition's sigil: usable as a TEI word and in an xml:id. */
    static final String EDITION = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
}
