package org.fonds.citation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.fonds.edtf.Edtf;
import org.fonds.document.DocumentView;
import org.fonds.document.SourceCitation;

/**
 * A document as one BibTeX entry, for biblatex (UTF-8, its {@code date} field takes EDTF levels 0 and 1 as Fonds
 * stores them) and still readable by BibTeX (year and month where the date has them). Archival documents are
 * {@code @unpublished}, photographs and articles {@code @misc}. Values are escaped for LaTeX; titles are braced so
 * that no style changes their case; names a person's forms split are "Family, Given", the others braced whole
 * ({@code {Kim Il Sung}}, {@code {Politburo of ...}}) so that BibTeX does not take their last word for a surname.
 */
final class BibTex {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private BibTex() {
    }

    static String entry(CitedDocument cited) {
        DocumentView d = cited.document();
        String type = switch (d.kind()) {
            case PHOTOGRAPH, ARTICLE, OTHER -> "misc";
            default -> "unpublished";
        };
        StringBuilder b = new StringBuilder("@").append(type).append('{').append(key(cited)).append(",\n");
        field(b, "author", names(cited.authors()));
        field(b, "title", "{" + escape(d.title()) + "}");
        field(b, "date", d.date());
        if (d.date() != null) {
            Matcher m = Edtf.PLAIN_DATE.matcher(d.date());
            if (m.matches()) {
                field(b, "year", m.group(1));
                if (m.group(2) != null) {
                    b.append("  month = ").append(MONTHS[Integer.parseInt(m.group(2)) - 1]).append(",\n");
                }
            }
        }
        field(b, "type", escape(cited.genre()));
        field(b, "translator", names(cited.translators()));
        field(b, "editor", names(cited.editors()));
        field(b, "recipient", names(cited.recipients()));
        if (cited.place() != null) {
            field(b, "location", escape(cited.place().name()));
        }
        field(b, "number", escape(String.join(", ", d.referenceNumbers())));
        SourceCitation s = d.source();
        String archive = s == null ? null : String.join(", ", java.util.stream.Stream.of(s.repository(),
                s.collection(), cited.archiveLocation()).map(CitedDocument::blankToNull)
                .filter(java.util.Objects::nonNull).toList());
        field(b, "howpublished", archive == null || archive.isEmpty() ? null : escape(archive));
        field(b, "note", s == null || s.url() == null ? null : "Original: \\url{" + s.url().strip() + "}");
        field(b, "language", d.languages().isEmpty() ? null : d.languages().get(0));
        field(b, "abstract", escape(d.summary()));
        field(b, "url", cited.url().toString());
        b.setLength(b.length() - 2); // the last ",\n"
        return b.append("\n}\n").toString();
    }

    /** "shtykov1950" and the first block of the id: readable and unique in Fonds. */
    static String key(CitedDocument cited) {
        DocumentView d = cited.document();
        String who = cited.authors().isEmpty() ? "fonds" : cited.authors().get(0).family() != null
                ? cited.authors().get(0).family() : cited.authors().get(0).literal();
        String ascii = Normalizer.normalize(who, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT);
        String year = d.dateRange() == null || d.dateRange().earliest() == null ? ""
                : Integer.toString(d.dateRange().earliest().getYear());
        return (ascii.isEmpty() ? "fonds" : ascii) + year + "-" + d.id().toString().substring(0, 8);
    }

    private static String names(List<CitedName> names) {
        if (names.isEmpty()) {
            return null;
        }
        return String.join(" and ", names.stream().map(n -> n.literal() != null ? "{" + escape(n.literal()) + "}"
                : escape(n.family()) + ", " + escape(n.given())).toList());
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /** LaTeX's special characters escaped; braces balanced by escaping them all. */
    static String escape(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> s.append('\\').append(c);
                case '~' -> s.append("\\textasciitilde{}");
                case '^' -> s.append("\\textasciicircum{}");
                case '\n', '\r' -> s.append(' ');
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
