package org.fonds.citation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document cited in one CSL style. */
@Schema(name = "FormattedCitation", description = "A document cited in a CSL style, formatted by citeproc-java.")
public record FormattedCitation(
        @Schema(required = true, description = "The CSL style's id.", examples = "chicago-notes-bibliography")
        String style,
        @Schema(required = true, examples = "TEXT") CitationFormat format,
        @Schema(required = true, description = "The citation as the style writes it in the text: a footnote for "
                + "note styles, a parenthetical reference for author-date styles.",
                examples = "Terentii Shtykov, “Ciphered telegram from Shtykov to Vyshinsky,” Cable to Andrei "
                        + "Vyshinsky, trans. Kathryn Weathersby, May 30, 1950, Fond 45, Opis 1, Delo 346, Listy "
                        + "104-107, Archive of the President of the Russian Federation (APRF).")
        String citation,
        @Schema(nullable = true, required = true, description = "The entry of the style's bibliography; null when "
                + "the style has none or leaves this kind of source out of it (Chicago and APA cite a personal "
                + "communication without an archive only in the text).")
        String bibliography,
        @Schema(nullable = true, required = true, description = "When a passage was cited (`text_id`, `start`, "
                + "`end`): the pages it is on, as the citation names them (of the edition, else of the original); "
                + "null otherwise, or when the text records no page break before the passage.",
                examples = "968")
        String pages) {
}
