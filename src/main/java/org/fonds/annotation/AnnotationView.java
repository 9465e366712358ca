package org.fonds.annotation;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An annotation as the API returns it: one flat shape for every type. */
@Schema(name = "Annotation", description = "A note, mark or editorial observation anchored to words of a document's "
        + "text or to a part of the document (a note on its heading, dateline, source line or a signature), or a page "
        + "break. Only the type-specific object named after `type` is set; the others are null.")
public record AnnotationView(
        @Schema(required = true, examples = "0193a5b2-8d2e-7f10-8a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID documentId,
        @Schema(required = true, examples = "FOREIGN_TERM") AnnotationType type,
        @Schema(nullable = true, required = true, examples = "“one trawler” and “one large subchaser” are circled")
        String noteText,
        @Schema(required = true) List<TargetView> targets,
        @Schema(nullable = true, required = true) Footnote footnote,
        @Schema(nullable = true, required = true) ForeignTerm foreignTerm,
        @Schema(nullable = true, required = true) UncertainReading uncertainReading,
        @Schema(nullable = true, required = true) Gap gap,
        @Schema(nullable = true, required = true) Supplied supplied,
        @Schema(nullable = true, required = true) Mention mention,
        @Schema(nullable = true, required = true) Marginalia marginalia,
        @Schema(nullable = true, required = true) PageBreak pageBreak,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change, including when the server re-locates "
                + "the targets after an edit of the text; the ETag is this number quoted.", examples = "0")
        long version) implements VersionedView {

    static AnnotationView of(Annotation a) {
        AnnotationBody b = a.body;
        return new AnnotationView(a.id, a.documentId, a.type, b.text(),
                a.targets.stream().map(TargetView::of).toList(),
                b.footnote(), b.foreignTerm(), b.uncertainReading(), b.gap(), b.supplied(),
                b.mention() == null ? null : b.mention().withLinks(a.agentId, a.placeId, a.dateEdtf),
                b.marginalia() == null ? null : b.marginalia().withReportedById(a.reportedById), b.pageBreak(),
                a.createdAt, a.updatedAt, a.version);
    }
}
