package org.fonds.annotation;

/**
 * The jsonb {@code body} column: the type-specific details that are never filtered on. What is filtered or joined
 * on lives in columns instead and is kept null here: a mention's agent, place and date, and the marginalia's
 * {@code reported_by_id}.
 */
public record AnnotationBody(String text, Footnote footnote, ForeignTerm foreignTerm, UncertainReading uncertainReading,
        Gap gap, Supplied supplied, Mention mention, Marginalia marginalia, PageBreak pageBreak) {

    static AnnotationBody of(AnnotationInput in) {
        return new AnnotationBody(in.noteText(), in.footnote(), in.foreignTerm(), in.uncertainReading(), in.gap(),
                in.supplied(), in.mention() == null ? null : in.mention().withLinks(null, null, null),
                in.marginalia() == null ? null : in.marginalia().withReportedById(null), in.pageBreak());
    }
}
