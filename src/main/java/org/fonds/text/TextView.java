package org.fonds.text;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text with its canonical content and where its paragraphs lie in it. */
@Schema(name = "Text")
public record TextView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID documentId,
        @Schema(required = true, examples = "TRANSLATION") TextRole role,
        @Schema(required = true, examples = "en") String language,
        @Schema(nullable = true, required = true) String translatorName,
        @Schema(nullable = true, required = true) UUID translatorAgentId,
        @Schema(required = true) List<Section> sections,
        @Schema(required = true, description = "Headings and paragraphs in order, separated by a blank line: the "
                + "string that annotation anchors' character offsets count in.") String content,
        @Schema(required = true, description = "Where each paragraph lies in `content`.")
        List<ParagraphSummary> paragraphs,
        @Schema(required = true, nullable = true, description = "SHA-256 (lowercase hex) of the text's canonical form "
                + "(role, language, translator, sections with their paragraphs and lines as stored, content, "
                + "document), recorded when it was last written; `POST .../fixity-check` re-verifies it.")
        String fixitySha256,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, examples = "0") long version) implements VersionedView {

    @Schema(name = "ParagraphSummary")
    public record ParagraphSummary(
            @Schema(required = true, description = "1-based number across the text.", examples = "3") int number,
            @Schema(required = true, description = "0-based index of the section.", examples = "0") int section,
            @Schema(required = true, description = "Offset of the first character in `content`.") int start,
            @Schema(required = true, description = "Offset just past the last character.") int end,
            @Schema(required = true, examples = "1") int lineCount) {
    }

    static TextView of(Text t) {
        Paragraphs.Layout layout = Paragraphs.layout(t.sections);
        return new TextView(t.id, t.documentId, t.role, t.language, t.translatorName, t.translatorAgentId,
                List.copyOf(t.sections), t.content, layout.paragraphs().stream()
                        .map(p -> new ParagraphSummary(p.number(), p.section(), p.start(), p.end(), p.lines().size()))
                        .toList(),
                t.fixitySha256, t.createdAt, t.updatedAt, t.version);
    }
}
