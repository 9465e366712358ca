package org.fonds.text;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One paragraph of a text, addressable with its lines ("lines 3-5 of this paragraph"). */
@Schema(name = "Paragraph")
public record ParagraphView(
        @Schema(required = true) UUID textId,
        @Schema(required = true, examples = "4") int number,
        @Schema(required = true, examples = "0") int section,
        @Schema(nullable = true, required = true, examples = "Note:") String heading,
        @Schema(required = true) int start,
        @Schema(required = true) int end,
        @Schema(required = true) String text,
        @Schema(required = true) List<LineView> lines) {

    @Schema(name = "Line")
    public record LineView(
            @Schema(required = true, examples = "3") int number,
            @Schema(required = true) int start,
            @Schema(required = true) int end,
            @Schema(required = true) String text) {
    }

    static ParagraphView of(Text t, Paragraphs.Located p) {
        return new ParagraphView(t.id, p.number(), p.section(), p.heading(), p.start(), p.end(),
                t.content.substring(p.start(), p.end()),
                p.lines().stream().map(l -> new LineView(l.number(), l.start(), l.end(),
                        t.content.substring(l.start(), l.end()))).toList());
    }
}
