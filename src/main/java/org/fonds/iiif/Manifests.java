package org.fonds.iiif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.annotation.AnnotationType;
import org.fonds.annotation.AnnotationView;
import org.fonds.annotation.Marginalia;
import org.fonds.annotation.TargetView;
import org.fonds.document.Credit;
import org.fonds.document.DocumentView;
import org.fonds.document.Pages;
import org.fonds.document.SourceCitation;
import org.fonds.media.MediaView;
import org.fonds.text.TextView;

/**
 * Maps a document with its media, texts and annotations to a IIIF Presentation 3 Manifest: a Canvas per page image
 * (image media with an http(s) URL, by page number), the image as its {@code painting} annotation, the texts
 * (transcription, translation) as {@code supplementing} annotations with the text as a TextualBody, and marginalia
 * as {@code commenting} annotations on the canvas of their target's page, on the target's region where it has one.
 *
 * <p>Fonds does not store image dimensions, so every Canvas is a nominal coordinate space of {@link #WIDTH} x
 * {@link #HEIGHT} (an A4 page's proportions); a viewer scales the image into it, and a target's {@code pct:} region
 * becomes the matching canvas rectangle. A text is divided into pages by its page breaks of the original (PAGE_BREAK
 * annotations without an edition): the n-th page's words supplement the n-th canvas, which takes the page's printed
 * number as its label; a text without page breaks supplements the first canvas whole.
 */
final class Manifests {

    static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";
    static final String MEDIA_TYPE = "application/ld+json; profile=\"" + CONTEXT + "\"";
    static final int WIDTH = 1000;
    static final int HEIGHT = 1414;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PERCENT = Pattern.compile(
            "pct:(\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?),(\\d+(?:\\.\\d+)?)");
    /** The rights URIs IIIF accepts in {@code rights}; any other rights statement goes in {@code requiredStatement}. */
    private static final Pattern RIGHTS_URI = Pattern.compile(
            "http://(creativecommons\\.org/(licenses|publicdomain)|rightsstatements\\.org/vocab)/\\S*");

    private Manifests() {
    }

    static String manifestUrl(String base, UUID documentId) {
        return base + "documents/" + documentId + "/iiif-manifest";
    }

    /** The page images of a document: image media with an http(s) URL (IIIF ids must be http URIs), by page. */
    static List<MediaView> pages(List<MediaView> media) {
        return media.stream()
                .filter(m -> m.mediaType().toLowerCase(Locale.ROOT).startsWith("image/"))
                .filter(m -> m.url().startsWith("http://") || m.url().startsWith("https://"))
                .sorted(Comparator.comparing((MediaView m) -> m.pageNumber() == null ? Integer.MAX_VALUE
                        : m.pageNumber()).thenComparing(MediaView::id))
                .toList();
    }

    /** The manifest, or empty when the document has no page image. */
    static Optional<ObjectNode> manifest(String base, DocumentView d) {
        List<MediaView> pages = pages(d.media());
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        String id = manifestUrl(base, d.id());
        ObjectNode m = JSON.objectNode();
        m.put("@context", CONTEXT);
        m.put("id", id);
        m.put("type", "Manifest");
        m.set("label", none(d.title()));
        if (d.summary() != null) {
            m.set("summary", none(d.summary()));
        }
        ArrayNode metadata = m.putArray("metadata");
        entry(metadata, "Kind", d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (d.date() != null) {
            entry(metadata, "Date (EDTF)", d.date());
        }
        if (!d.referenceNumbers().isEmpty()) {
            entry(metadata, "Reference numbers", String.join(", ", d.referenceNumbers()));
        }
        if (d.classification() != null) {
            entry(metadata, "Classification", d.classification());
        }
        if (!d.languages().isEmpty()) {
            entry(metadata, "Languages", String.join(", ", d.languages()));
        }
        for (Credit c : d.credits()) {
            entry(metadata, c.role().name().charAt(0) + c.role().name().substring(1).toLowerCase(Locale.ROOT),
                    c.name());
        }
        SourceCitation source = d.source();
        if (source != null) {
            String citation = source.citation() != null ? source.citation() : String.join(", ",
                    java.util.stream.Stream.of(source.repository(), source.collection(), label("Fond", source.fond()),
                            label("Opis", source.opis()), label("Delo", source.delo()),
                            label("Papka", source.papka()), label("Listy", source.listy()))
                            .filter(java.util.Objects::nonNull).toList());
            if (!citation.isEmpty()) {
                entry(metadata, "Source", citation);
            }
        }
        if (d.dateRange() != null && d.dateRange().earliest() != null) {
            m.put("navDate", d.dateRange().earliest() + "T00:00:00Z");
        }
        if (d.rights() != null) {
            if (RIGHTS_URI.matcher(d.rights()).matches()) {
                m.put("rights", d.rights());
            } else {
                ObjectNode statement = m.putObject("requiredStatement");
                statement.set("label", en("Rights"));
                statement.set("value", none(d.rights()));
            }
        }
        ObjectNode homepage = m.putArray("homepage").addObject();
        homepage.put("id", base + "documents/" + d.id());
        homepage.put("type", "Text");
        homepage.set("label", none(d.title()));
        homepage.put("format", "application/json");
        ObjectNode tei = m.putArray("seeAlso").addObject();
        tei.put("id", base + "documents/" + d.id() + "/tei");
        tei.put("type", "Dataset");
        tei.set("label", en("TEI P5 edition"));
        tei.put("format", "application/tei+xml");
        tei.put("profile", "https://tei-c.org/ns/1.0");

        // each text's pages, and the page numbers the original prints, once for every canvas
        java.util.Map<TextView, List<int[]>> ranges = new java.util.LinkedHashMap<>();
        List<String> printed = List.of();
        for (TextView t : d.texts() == null ? List.<TextView>of() : d.texts()) {
            ranges.put(t, pageRanges(d, t));
            if (printed.isEmpty()) {
                printed = printedPages(d, t, ranges.get(t));
            }
        }
        ArrayNode items = m.putArray("items");
        for (int i = 0; i < pages.size(); i++) {
            items.add(canvas(base, d, pages, i, ranges, printed));
        }
        return Optional.of(m);
    }

    private static ObjectNode canvas(String base, DocumentView d, List<MediaView> pages, int index,
            java.util.Map<TextView, List<int[]>> ranges, List<String> printedPages) {
        MediaView media = pages.get(index);
        String canvasId = canvasUrl(base, d.id(), media);
        ObjectNode canvas = JSON.objectNode();
        canvas.put("id", canvasId);
        canvas.put("type", "Canvas");
        String printed = index < printedPages.size() ? printedPages.get(index) : null;
        canvas.set("label", none(printed != null ? "p. " + printed
                : media.pageNumber() == null ? "Image " + (index + 1) : "p. " + media.pageNumber()));
        if (media.caption() != null) {
            canvas.set("summary", none(media.caption()));
        }
        canvas.put("width", WIDTH);
        canvas.put("height", HEIGHT);
        ObjectNode paintingPage = canvas.putArray("items").addObject();
        paintingPage.put("id", canvasId + "/painting");
        paintingPage.put("type", "AnnotationPage");
        ObjectNode painting = paintingPage.putArray("items").addObject();
        painting.put("id", canvasId + "/painting/" + media.id());
        painting.put("type", "Annotation");
        painting.put("motivation", "painting");
        ObjectNode image = painting.putObject("body");
        image.put("id", media.url());
        image.put("type", "Image");
        image.put("format", media.mediaType());
        painting.put("target", canvasId);

        ArrayNode annotations = JSON.arrayNode();
        for (java.util.Map.Entry<TextView, List<int[]>> text : ranges.entrySet()) {
            TextView t = text.getKey();
            int[] range = onCanvas(text.getValue(), index, pages.size());
            if (range == null) {
                continue;
            }
            ObjectNode a = annotation(canvasId + "/text/" + t.id(), "supplementing", canvasId);
            ObjectNode body = a.putObject("body");
            body.put("type", "TextualBody");
            body.put("value", t.content().substring(range[0], range[1]).strip());
            body.put("format", "text/plain");
            body.put("language", t.language());
            annotations.add(a);
        }
        if (d.annotations() != null) {
            for (AnnotationView a : d.annotations()) {
                if (a.type() != AnnotationType.MARGINALIA) {
                    continue;
                }
                TargetView target = a.targets().stream().filter(t -> t.page() != null || t.region() != null)
                        .findFirst().orElse(a.targets().isEmpty() ? null : a.targets().get(0));
                boolean here = target != null && (target.page() == null ? index == 0
                        : target.page().equals(media.pageNumber()) || pages.size() == 1 && index == 0);
                if (!here) {
                    continue;
                }
                annotations.add(marginalia(canvasId, a, target));
            }
        }
        if (!annotations.isEmpty()) {
            ObjectNode page = canvas.putArray("annotations").addObject();
            page.put("id", canvasId + "/annotations");
            page.put("type", "AnnotationPage");
            page.set("items", annotations);
        }
        return canvas;
    }

    /**
     * A text's pages of the original, from its page breaks without an edition: the character ranges {from, to, index of
     * the break that starts it or -1}, in order; the words before the first break (when there are any) are a page of
     * their own. One range, the whole text, when it records no page break.
     */
    static List<int[]> pageRanges(DocumentView d, TextView t) {
        List<Pages.Start> starts = Pages.starts(d, t.id(), null);
        List<int[]> ranges = new java.util.ArrayList<>();
        String content = t.content();
        int from = 0;
        int breakIndex = -1;
        for (int i = 0; i < starts.size(); i++) {
            int at = Math.min(starts.get(i).offset(), content.length());
            if (!content.substring(from, at).isBlank()) {
                ranges.add(new int[] {from, at, breakIndex});
            }
            from = at;
            breakIndex = i;
        }
        ranges.add(new int[] {from, content.length(), breakIndex});
        return ranges;
    }

    /**
     * The characters of a text on canvas {@code index} of {@code canvases}: the index-th page's; the last canvas also
     * has the pages beyond the last image. Null when the text has no page there.
     */
    static int[] onCanvas(List<int[]> ranges, int index, int canvases) {
        if (index >= ranges.size()) {
            return null;
        }
        int to = index == canvases - 1 ? ranges.get(ranges.size() - 1)[1] : ranges.get(index)[1];
        return new int[] {ranges.get(index)[0], to};
    }

    /**
     * The page numbers the original prints on a text's pages, in order (null for the words before its first break);
     * empty when the text records no page break of the original.
     */
    private static List<String> printedPages(DocumentView d, TextView t, List<int[]> ranges) {
        List<Pages.Start> starts = Pages.starts(d, t.id(), null);
        if (starts.isEmpty()) {
            return List.of();
        }
        List<String> printed = new java.util.ArrayList<>();
        for (int[] range : ranges) {
            printed.add(range[2] >= 0 ? starts.get(range[2]).n() : null);
        }
        return printed;
    }

    private static ObjectNode marginalia(String canvasId, AnnotationView a, TargetView target) {
        String on = canvasId + region(target.region());
        ObjectNode annotation = annotation(canvasId + "/marginalia/" + a.id(), "commenting", on);
        Marginalia m = a.marginalia();
        ObjectNode body = annotation.putObject("body");
        body.put("type", "TextualBody");
        String kind = m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String where = m.position() == null ? "" : " (" + m.position().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")";
        body.put("value", m.transcription() != null ? m.transcription().text() : "Marginal " + kind + where);
        body.put("format", "text/plain");
        body.put("purpose", "commenting");
        return annotation;
    }

    /** A target's region as a canvas fragment: {@code pct:x,y,w,h} becomes the matching {@code #xywh=}. */
    static String region(String region) {
        if (region == null) {
            return "";
        }
        Matcher pct = PERCENT.matcher(region);
        if (!pct.matches()) {
            return "";
        }
        double x = Double.parseDouble(pct.group(1));
        double y = Double.parseDouble(pct.group(2));
        double w = Double.parseDouble(pct.group(3));
        double h = Double.parseDouble(pct.group(4));
        return "#xywh=" + Math.round(x * WIDTH / 100) + "," + Math.round(y * HEIGHT / 100) + ","
                + Math.round(w * WIDTH / 100) + "," + Math.round(h * HEIGHT / 100);
    }

    private static String canvasUrl(String base, UUID documentId, MediaView media) {
        return manifestUrl(base, documentId) + "/canvas/" + media.id();
    }

    private static ObjectNode annotation(String id, String motivation, String target) {
        ObjectNode a = JSON.objectNode();
        a.put("id", id);
        a.put("type", "Annotation");
        a.put("motivation", motivation);
        a.put("target", target);
        return a;
    }

    private static String label(String name, String value) {
        return value == null ? null : name + " " + value;
    }

    private static void entry(ArrayNode metadata, String label, String value) {
        ObjectNode e = metadata.addObject();
        e.set("label", en(label));
        e.set("value", none(value));
    }

    /** A IIIF language map with the value in English. */
    static ObjectNode en(String value) {
        return map("en", value);
    }

    /** A IIIF language map for a value whose language Fonds does not record. */
    static ObjectNode none(String value) {
        return map("none", value);
    }

    private static ObjectNode map(String language, String value) {
        ObjectNode map = JSON.objectNode();
        map.putArray(language).add(value);
        return map;
    }
}
