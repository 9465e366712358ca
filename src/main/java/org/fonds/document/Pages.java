package org.fonds.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.fonds.annotation.AnnotationType;
import org.fonds.annotation.AnnotationView;
import org.fonds.annotation.PageBreak;
import org.fonds.annotation.TargetView;
import org.fonds.text.TextView;

/**
 * The pages of a document's texts, from its PAGE_BREAK annotations: a page of the original (no edition) or of a
 * printed edition starts at its break's first character and runs to the next break of the same edition in the same
 * text. What the citations (the pages a document or a passage is on) and the IIIF manifest (a page's words on its
 * canvas) read.
 */
public final class Pages {

    /** A page that starts in a text: at {@code offset}, numbered {@code n} as printed. */
    public record Start(UUID textId, int offset, String n, String edition, String editionTitle) {
    }

    /**
     * The pages a span covers: the page it starts on ({@code first}, null when it starts before the text's first
     * break of the edition: a page Fonds does not know) and the page it ends on ({@code last}).
     */
    public record Span(String edition, String editionTitle, String first, String last) {

        /** "968" or "968-970" (CSL's page range), or "-970" when the first page is not known. */
        public String range() {
            String from = first == null ? "" : first;
            return Objects.equals(first, last) ? from : from + "-" + last;
        }
    }

    private Pages() {
    }

    /** The page starts of {@code edition} (null: the original's) in {@code textId}, in the order of the text. */
    public static List<Start> starts(DocumentView d, UUID textId, String edition) {
        List<Start> starts = new ArrayList<>();
        for (AnnotationView a : d.annotations() == null ? List.<AnnotationView>of() : d.annotations()) {
            PageBreak b = a.pageBreak();
            if (a.type() != AnnotationType.PAGE_BREAK || b == null || !Objects.equals(b.edition(), edition)) {
                continue;
            }
            for (TargetView t : a.targets()) {
                if (textId.equals(t.textId()) && t.start() != null) {
                    starts.add(new Start(t.textId(), t.start(), b.n(), b.edition(), b.editionTitle()));
                }
            }
        }
        starts.sort(Comparator.comparingInt(Start::offset));
        return starts;
    }

    /** The printed editions whose pages the document's texts record, each with its title (when any break has it). */
    public static Map<String, String> editions(DocumentView d) {
        Map<String, String> editions = new LinkedHashMap<>();
        for (AnnotationView a : d.annotations() == null ? List.<AnnotationView>of() : d.annotations()) {
            PageBreak b = a.pageBreak();
            if (a.type() == AnnotationType.PAGE_BREAK && b != null && b.edition() != null) {
                editions.merge(b.edition(), b.editionTitle() == null ? "" : b.editionTitle(),
                        (old, title) -> old.isEmpty() ? title : old);
            }
        }
        return editions;
    }

    /**
     * The pages of {@code edition} (null: the original's) that the characters {@code start} to {@code end} of the text
     * are on; empty when the text records no page of it.
     */
    public static Optional<Span> span(DocumentView d, UUID textId, String edition, int start, int end) {
        List<Start> starts = starts(d, textId, edition);
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        Start first = null;
        Start last = null;
        for (Start s : starts) {
            if (s.offset() <= start) {
                first = s;
            }
            if (s.offset() < Math.max(end, start + 1)) {
                last = s;
            }
        }
        String title = starts.stream().map(Start::editionTitle).filter(Objects::nonNull).findFirst().orElse(null);
        return last == null ? Optional.empty()
                : Optional.of(new Span(edition, title, first == null ? null : first.n(), last.n()));
    }

    /**
     * The pages of a printed edition the whole document is on: those of its first edition, in the first text that
     * records them (the pages of a translation and of its original are not the same pages); empty when none.
     */
    public static Optional<Span> document(DocumentView d) {
        for (String edition : editions(d).keySet()) {
            for (TextView t : d.texts() == null ? List.<TextView>of() : d.texts()) {
                int end = t.content().length();
                // leading blanks before the first break do not put the text on an unknown page
                int start = t.content().length() - t.content().stripLeading().length();
                Optional<Span> span = span(d, t.id(), edition, start, end);
                if (span.isPresent()) {
                    return span;
                }
            }
        }
        return Optional.empty();
    }
}
