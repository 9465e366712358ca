package org.fonds.citation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.output.Bibliography;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.http.ProblemException;

/**
 * Formats a CSL-JSON item in a CSL style with citeproc-java and the official styles and locales (the jars
 * org.citationstyles:styles and :locales; dependent styles resolve to their parent).
 *
 * <p>citeproc-java renders the empty {@code editor} of a {@code <names variable="editor translator">} as a piece of
 * its own, so every style that prints translators gets a stray delimiter where an item has a translator and no
 * editor: Chicago "personal communication, , trans. Kathryn Weathersby" and "Vyshinsky. . Translated by", APA
 * "(; K. Weathersby, Trans.)", MLA "Cable. , Translated by". {@link #tidy} removes a delimiter that directly follows
 * another one, unless the item's own values contain that sequence (an ellipsis ". . ." in a title stays).
 */
final class Styles {

    /** Chicago Manual of Style 18th edition, notes and bibliography: the default. */
    static final String DEFAULT = "chicago-notes-bibliography";
    /** The style's id before the CSL repository renamed it for the 18th edition (2025). */
    private static final Map<String, String> RENAMED = Map.of("chicago-note-bibliography", DEFAULT);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A delimiter right after another one (after a closing quote too): ", , " ". . " "(; " ".” , " "&rdquo; . ". */
    private static final List<Pattern> STRAY = List.of(
            Pattern.compile("(?<=[.,;:](?:[”’]|&rdquo;|&rsquo;)?) [.,;](?= )"),
            Pattern.compile("(?<=\\()[,;] "));

    private static volatile Set<String> supported;

    private Styles() {
    }

    /** The formatted citation and bibliography entry. {@code bibliography} is null when the style prints none. */
    record Formatted(String citation, String bibliography) {
    }

    /** Every style id Fonds can format with (independent and dependent), sorted. */
    static Set<String> supported() {
        Set<String> s = supported;
        if (s == null) {
            try {
                s = java.util.Collections.unmodifiableSet(new TreeSet<>(CSL.getSupportedStyles()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            supported = s;
        }
        return s;
    }

    /** The id of a style Fonds has, or a 400 problem that says where the valid ones are listed. */
    static String require(String style) {
        String id = style == null || style.isBlank() ? DEFAULT : RENAMED.getOrDefault(style.strip(), style.strip());
        if (!ID.matcher(id).matches() || !supported().contains(id)) {
            throw ProblemException.invalidParameter("style", "'" + style + "' is not a CSL style Fonds has. "
                    + "GET /citation-styles lists the ids of the " + supported().size() + " styles it has (those of "
                    + "the Citation Style Language repository, https://github.com/citation-style-language/styles, "
                    + "searchable at https://www.zotero.org/styles), e.g. " + DEFAULT + ", apa, "
                    + "modern-language-association.");
        }
        return id;
    }

    /** The item in {@code style} (an id {@link #require} accepted), as {@code format}: text or html. */
    static Formatted format(ObjectNode item, String style, String format) {
        return format(item, style, format, null);
    }

    /** The same, citing the pages {@code locator} ("968-969") of the item when it is not null. */
    static Formatted format(ObjectNode item, String style, String format, String locator) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.convertValue(item, Map.class);
        CSLItemData data = CSLItemData.fromJson(map);
        String values = item.toString();
        try {
            CSL csl = new CSL(new ListItemDataProvider(data), style);
            csl.setOutputFormat(format);
            csl.registerCitationItems(data.getId());
            String citation = (locator == null ? csl.makeCitation(data.getId())
                    : csl.makeCitation(new de.undercouch.citeproc.csl.CSLCitation(
                            new de.undercouch.citeproc.csl.CSLCitationItemBuilder(data.getId()).locator(locator)
                                    .label(de.undercouch.citeproc.csl.CSLLabel.PAGE).build()))).get(0).getText();
            String bibliography = null;
            if (CSL.canFormatBibliographies(style)) {
                Bibliography b = csl.makeBibliography();
                bibliography = b.getEntries().length == 0 ? null : b.getEntries()[0];
            }
            return new Formatted(tidy(citation, values), bibliography == null ? null : tidy(bibliography, values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output without the stray delimiters citeproc-java leaves (see the class comment), trimmed. */
    static String tidy(String output, String values) {
        String s = output;
        for (Pattern stray : STRAY) {
            Matcher m = stray.matcher(s);
            if (m.find() && !stray.matcher(values).find()) {
                s = m.replaceAll("");
            }
        }
        return s.strip();
    }
}
