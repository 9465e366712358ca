package org.fonds.citation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.document.DocumentKind;
import org.fonds.document.DocumentView;
import org.fonds.document.SourceCitation;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;

/**
 * A document as a CSL-JSON item (CSL 1.0.2 input schema), the one mapping every formatted style also reads.
 *
 * <p>Types: CSL has no {@code letter}; cables and letters are {@code personal_communication} (with the recipient, the
 * styles write "Cable to Andrei Vyshinsky"), photographs {@code graphic}, articles {@code article}, anything else an
 * archival {@code manuscript} ({@code document} for OTHER). The kind goes into {@code genre}.
 *
 * <p>A document printed in an edition whose pages its texts record (PAGE_BREAKs with an edition, as a FRUS volume's
 * import writes them) has the edition's title as {@code container-title} and the pages as {@code page} ("967-968").
 *
 * <p>Dates: CSL has no EDTF. A year, month or day becomes {@code date-parts}, an interval two of them; {@code ~},
 * {@code ?} and {@code %} set {@code circa} (CSL's only qualifier); unspecified digits keep what is specified
 * ({@code 1950-05-XX} is May 1950, {@code 195X} the years 1950 to 1959); a season (21-24) becomes CSL's
 * {@code season} 1-4; a date-time keeps its day. What date-parts cannot say (an open or unknown interval end) is a
 * {@code literal} ("1950–", "–1950"); the exact EDTF value stays in Fonds' own JSON.
 */
final class CslJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile(
            "(?<year>-?[0-9X]{4}|Y-?[0-9]+)(?:-(?<month>[0-9X]{2})(?:-(?<day>[0-9X]{2}))?)?(?:T.*)?");

    private CslJson() {
    }

    /** The CSL-JSON document: an array of one item (the CSL data schema's top level is an array). */
    static ArrayNode items(CitedDocument cited) {
        return JSON.arrayNode().add(item(cited));
    }

    static ObjectNode item(CitedDocument cited) {
        DocumentView d = cited.document();
        ObjectNode item = JSON.objectNode();
        item.put("id", d.id().toString());
        item.put("type", type(d.kind()));
        item.put("title", d.title());
        names(item, "author", cited.authors());
        names(item, "recipient", cited.recipients());
        names(item, "translator", cited.translators());
        names(item, "editor", cited.editors());
        if (d.date() != null) {
            item.set("issued", date(d.date()));
        }
        item.put("genre", cited.genre());
        if (!d.referenceNumbers().isEmpty()) {
            item.put("number", String.join(", ", d.referenceNumbers()));
        }
        SourceCitation s = d.source();
        if (s != null) {
            put(item, "archive", s.repository());
            put(item, "archive_collection", s.collection());
        }
        put(item, "archive_location", cited.archiveLocation());
        // printed in an edition (FRUS): the edition, and its pages the document is on when its first page is known
        org.fonds.document.Pages.document(d).ifPresent(pages -> {
            put(item, "container-title", pages.editionTitle());
            if (pages.first() != null) {
                item.put("page", pages.range());
            }
        });
        if (!d.languages().isEmpty()) {
            item.put("language", d.languages().get(0));
        }
        put(item, "abstract", d.summary());
        item.put("URL", cited.url().toString());
        return item;
    }

    static String type(DocumentKind kind) {
        return switch (kind) {
            case CABLE, LETTER -> "personal_communication";
            case PHOTOGRAPH -> "graphic";
            case ARTICLE -> "article";
            case OTHER -> "document";
            default -> "manuscript";
        };
    }

    private static void names(ObjectNode item, String variable, List<CitedName> names) {
        if (names.isEmpty()) {
            return;
        }
        ArrayNode array = item.putArray(variable);
        for (CitedName n : names) {
            ObjectNode name = array.addObject();
            if (n.literal() != null) {
                name.put("literal", n.literal());
            } else {
                name.put("family", n.family());
                name.put("given", n.given());
            }
        }
    }

    /** The CSL date of an EDTF value (see the class comment). */
    static ObjectNode date(String edtf) {
        EdtfDate parsed = Edtf.parse(edtf);
        ObjectNode date = JSON.objectNode();
        String plain = edtf.replaceAll("[?~%]", "");
        String[] ends = parsed.interval() ? plain.split("/", -1) : new String[] {plain};
        boolean open = false;
        for (String end : ends) {
            open |= end.isEmpty() || end.equals("..") || !DATE.matcher(end).matches();
        }
        if (open) {
            date.put("literal", literal(ends));
            return date;
        }
        ArrayNode parts = date.putArray("date-parts");
        Integer season = null;
        for (int i = 0; i < ends.length; i++) {
            Matcher m = DATE.matcher(ends[i]);
            m.matches();
            String year = m.group("year");
            String month = m.group("month");
            String day = m.group("day");
            ArrayNode p = parts.addArray();
            p.add(year(year, ends.length == 1 || i == 0));
            if (month != null && !month.contains("X")) {
                int number = Integer.parseInt(month);
                if (number > 12) {
                    season = ends.length == 1 ? number - 20 : null;
                } else {
                    p.add(number);
                    if (day != null && !day.contains("X")) {
                        p.add(Integer.parseInt(day));
                    }
                }
            }
            if (ends.length == 1 && year.contains("X") && !year.startsWith("Y")) {
                // 195X: every year it can be
                parts.addArray().add(year(year, false));
            }
        }
        if (season != null) {
            date.put("season", season);
        }
        if (parsed.approximate() || parsed.uncertain()) {
            date.put("circa", true);
        }
        return date;
    }

    /** The first (or last) year an EDTF year with unspecified digits can be: 195X is 1950 (1959). */
    private static int year(String year, boolean first) {
        String digits = year.startsWith("Y") ? year.substring(1) : year;
        return Integer.parseInt(digits.replace('X', first ? '0' : '9'));
    }

    /** An interval with an open or unknown end, readably: "1950–", "–1950". */
    private static String literal(String[] ends) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ends.length; i++) {
            if (i > 0) {
                s.append('–');
            }
            if (!ends[i].isEmpty() && !ends[i].equals("..")) {
                s.append(ends[i]);
            }
        }
        return s.toString();
    }

    private static void put(ObjectNode item, String key, String value) {
        String v = CitedDocument.blankToNull(value);
        if (v != null) {
            item.put(key, v);
        }
    }
}
