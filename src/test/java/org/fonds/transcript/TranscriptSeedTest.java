package org.fonds.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed cable's bracketed text (src/test/resources/transcript/seed-cable.txt: the cable as the seed's blog post
 * quotes it, without the post's own prose) parses to the structure of the hand-built sample cable
 * (src/main/resources/sample/sample-archive.json), mark for mark. On failure every difference is listed.
 *
 * <p>What is compared, and what is not (the sample archive holds things an editor chose by hand that no parser can
 * read from the transcript):
 * <ul>
 * <li>The text: every section's heading and paragraphs, exactly.
 * <li>Every annotation of the sample cable that comes from a mark (all but MENTION), the MENTION with a variant
 * written inline ("Pak Heon-yeong [Pak Hon Yong]"), and the MENTIONs in the address line ("To VYSHINSKY (for the
 * Politburo)."): type, each target's words (exact and occurrence, as the sample writes them), lines and margin, the
 * note's text, and the type's object; ids are compared by what they stand for (an agent by the name as written, the
 * note reporting a marginalia by that note's text).
 * <li>Not compared: the Cyrillic {@code script_form} of the foreign terms (not in the transcript), the other
 * MENTIONs (people, places and dates named in running text: named-entity recognition, not bracket conventions), the
 * document's metadata (title, summary, date, place, subjects, collections: not in the quoted text), and the
 * participants the transcript does not name in its headers (the sender Shtykov: the quoted cable has no signature;
 * Kim Il Sung as conversation participant; the generals and Pak as mentioned).
 * <li>Participants compared: those of the address line, RECIPIENT VYSHINSKY and VIA the Politburo.
 * </ul>
 */
class TranscriptSeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Proposal proposal;
    private static JsonNode sample;

    @BeforeAll
    static void parse() throws IOException {
        proposal = TranscriptParser.parse(resource("transcript/seed-cable.txt"));
        JsonNode archive = JSON.readTree(resource("sample/sample-archive.json"));
        for (JsonNode d : archive.path("documents")) {
            if ("cable".equals(d.path("key").asText())) {
                sample = d;
            }
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TranscriptSeedTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTextIsTheSampleCablesSectionForSection() {
        List<String> differences = new ArrayList<>();
        JsonNode expected = sample.path("texts").get(0).path("text").path("sections");
        JsonNode actual = proposal.entry().path("texts").get(0).path("text").path("sections");
        for (int s = 0; s < Math.max(expected.size(), actual.size()); s++) {
            JsonNode e = expected.path(s);
            JsonNode a = actual.path(s);
            if (!e.path("heading").equals(a.path("heading"))) {
                differences.add("section " + s + ": heading " + a.path("heading") + ", expected " + e.path("heading"));
            }
            for (int p = 0; p < Math.max(e.path("paragraphs").size(), a.path("paragraphs").size()); p++) {
                String ep = e.path("paragraphs").path(p).asText(null);
                String ap = a.path("paragraphs").path(p).asText(null);
                if (ep == null || ap == null || !ep.equals(ap)) {
                    differences.add("section " + s + " paragraph " + p + ":\n    got      " + ap + "\n    expected "
                            + ep);
                }
            }
        }
        assertTrue(differences.isEmpty(), "The text differs from the sample cable's:\n  "
                + String.join("\n  ", differences));
    }

    @Test
    void everyMarkIsTheSampleCablesAnnotation() {
        String sampleContent = content(sample.path("texts").get(0).path("text").path("sections"));
        assertEquals(sampleContent, proposal.content(), "the contents differ (see the text test)");
        int addressEnd = sampleContent.indexOf("\n\n");
        List<JsonNode> expected = new ArrayList<>();
        Map<String, String> sampleNotes = noteTexts(sample.path("annotations"));
        for (JsonNode a : sample.path("annotations")) {
            boolean mention = a.path("type").asText().equals("MENTION");
            boolean variant = a.path("mention").hasNonNull("variant_written_inline");
            boolean inAddress = mention && start(sampleContent, a.path("targets").get(0)) < addressEnd;
            if (!mention || variant || inAddress) {
                expected.add(canonical(a, sampleNotes));
            }
        }
        Map<String, String> ourNotes = noteTexts(proposal.entry().path("annotations"));
        List<JsonNode> actual = new ArrayList<>();
        for (JsonNode a : proposal.entry().path("annotations")) {
            actual.add(canonical(a, ourNotes));
        }
        assertEquals(15, expected.size(), "the sample cable's marks: 3 terms, 3 notes with their 3 marginalia, "
                + "3 supplied, the inline variant, the 2 mentions of the address line");
        List<String> differences = differences(expected, actual);
        assertTrue(differences.isEmpty(), differences.size() + " difference(s) from the sample cable's annotations:\n  "
                + String.join("\n  ", differences));
    }

    @Test
    void theAddressLinesParticipantsAreTheSampleCables() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode p : sample.path("participants")) {
            String role = p.path("role").asText();
            if (role.equals("RECIPIENT") || role.equals("VIA")) {
                expected.add(role + " " + p.path("name_as_written").asText());
            }
        }
        Set<String> actual = new TreeSet<>();
        for (JsonNode p : proposal.entry().path("participants")) {
            actual.add(p.path("role").asText() + " " + p.path("name_as_written").asText());
        }
        assertEquals(expected, actual);
    }

    @Test
    void nothingIsLeftUnclassifiedAndTheTextHasNoBrackets() {
        assertEquals(List.of(), proposal.unclassified());
        assertTrue(!proposal.content().contains("[") && !proposal.content().contains("?estimate?"),
                proposal.content());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The text's content as Fonds lays it out (text.Paragraphs): headings and paragraphs joined by blank lines. */
    static String content(JsonNode sections) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode s : sections) {
            if (s.hasNonNull("heading")) {
                blocks.add(s.get("heading").asText());
            }
            s.path("paragraphs").forEach(p -> blocks.add(p.asText()));
        }
        return String.join("\n\n", blocks);
    }

    private static int start(String content, JsonNode target) {
        String exact = target.path("exact").asText();
        int occurrence = target.path("occurrence").asInt(1);
        int at = -1;
        for (int n = 0; n < occurrence; n++) {
            at = content.indexOf(exact, at + 1);
        }
        return at;
    }

    private static Map<String, String> noteTexts(JsonNode annotations) {
        Map<String, String> notes = new HashMap<>();
        for (JsonNode a : annotations) {
            if (a.has("key")) {
                notes.put("@" + a.get("key").asText(), a.path("note_text").asText());
            }
        }
        return notes;
    }

    /** What is compared of an annotation: ids replaced by what they stand for, script forms left out. */
    private static JsonNode canonical(JsonNode a, Map<String, String> notes) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("type", a.path("type").asText());
        ArrayNode targets = c.putArray("targets");
        for (JsonNode t : a.path("targets")) {
            ObjectNode target = targets.addObject().put("exact", t.path("exact").asText())
                    .put("occurrence", t.path("occurrence").asInt(1));
            for (String f : List.of("line_start", "line_end", "margin")) {
                if (t.hasNonNull(f)) {
                    target.set(f, t.get(f));
                }
            }
        }
        if (a.hasNonNull("note_text")) {
            c.set("note_text", a.get("note_text"));
        }
        for (String field : List.of("foreign_term", "gap", "supplied", "uncertain_reading", "mention", "marginalia")) {
            if (a.hasNonNull(field)) {
                ObjectNode details = a.get(field).deepCopy();
                details.remove("script_form");
                details.remove("agent_id");
                if (details.has("reported_by_id")) {
                    details.put("reported_by_id", "the note \"" + notes.get(details.get("reported_by_id").asText())
                            + "\"");
                }
                c.set(field, details);
            }
        }
        return c;
    }

    /** Missing, extra and different annotations, matched by type and targets. */
    static List<String> differences(List<JsonNode> expected, List<JsonNode> actual) {
        List<JsonNode> missing = new ArrayList<>(expected);
        List<JsonNode> extra = new ArrayList<>();
        for (JsonNode a : actual) {
            if (!missing.remove(a)) {
                extra.add(a);
            }
        }
        List<String> differences = new ArrayList<>();
        Map<String, JsonNode> extraByAnchor = new LinkedHashMap<>();
        for (JsonNode e : extra) {
            extraByAnchor.putIfAbsent(e.get("type").asText() + " " + e.get("targets"), e);
        }
        for (JsonNode m : missing) {
            JsonNode same = extraByAnchor.remove(m.get("type").asText() + " " + m.get("targets"));
            if (same != null) {
                extra.remove(same);
                differences.add("different " + m.get("type").asText() + " at " + words(m) + ": got " + same
                        + "\n    expected " + m);
            } else {
                differences.add("missing " + m);
            }
        }
        for (JsonNode e : extra) {
            differences.add("extra " + e);
        }
        return differences;
    }

    private static String words(JsonNode a) {
        List<String> words = new ArrayList<>();
        a.get("targets").forEach(t -> {
            String exact = t.get("exact").asText();
            words.add("\"" + (exact.length() > 40 ? exact.substring(0, 40) + "…" : exact) + "\"");
        });
        return String.join(", ", words);
    }
}
