package org.fonds.transcript;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.fonds.access.Caller;
import org.fonds.bulk.ImportUnits;
import org.junit.jupiter.api.Test;

/**
 * The transcript format's write path, through the services, read back through HTTP: the seed cable's transcript
 * becomes a document with the sample cable's text and marks, its agents the sample archive's own (found by name);
 * names nobody has yet become new agents; the headers become the document's fields and participants. The import
 * job behind {@code POST /imports} is stood in for by {@link Units}, which runs each unit's write in a transaction
 * of its own, as the job does.
 */
@QuarkusTest
class TranscriptFormatTest {

    @Inject
    TranscriptFormat format;

    /** The import job's part: collects the units and problems, writes each unit in a new transaction. */
    static final class Units implements ImportUnits {
        final List<JsonNode> reports = new ArrayList<>();
        final List<String> sourceIds = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final boolean dryRun;

        Units(boolean dryRun) {
            this.dryRun = dryRun;
        }

        @Override
        public void unit(long line, String sourceId, JsonNode report, Supplier<String> write) {
            reports.add(report);
            sourceIds.add(sourceId);
            if (!dryRun) {
                written.add(Caller.asSystem(() -> QuarkusTransaction.requiringNew().call(write::get)));
            }
        }

        @Override
        public void problem(long line, String detail) {
            problems.add(line + ": " + detail);
        }
    }

    private Units read(String transcript, boolean dryRun) throws IOException {
        Units units = new Units(dryRun);
        format.read(new ByteArrayInputStream(transcript.getBytes(StandardCharsets.UTF_8)), units);
        return units;
    }

    private static JsonPath whole(String path) {
        return api().queryParam("embed", "all").get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSeedCableBecomesTheSampleCableWithTheSampleArchivesAgents() throws IOException {
        String seed = TranscriptSeedTest.resource("transcript/seed-cable.txt");
        Units dry = read(seed, true);
        assertEquals(List.of(), dry.problems);
        JsonNode report = dry.reports.get(0);
        assertEquals(0, report.get("unclassified_count").asInt());
        assertTrue(report.get("marks_found").asInt() >= 14, report.toPrettyString());
        Map<String, String> actions = new java.util.TreeMap<>();
        report.get("agents").forEach(a -> actions.put(a.get("name").asText(), a.get("action").asText()));
        assertEquals(Map.of("VYSHINSKY", "USE_EXISTING", "the Politburo", "USE_EXISTING", "Pak Heon-yeong",
                "USE_EXISTING"), actions, "the sample archive's agents are found by the names the cable writes");
        JsonNode attack = null;
        for (JsonNode m : report.get("marks")) {
            if (m.get("written").asText().equals("[nastuplenie]")) {
                attack = m;
            }
        }
        assertNotNull(attack, "the dry run reports the term");
        assertEquals("FOREIGN_TERM", attack.get("kind").asText());
        assertEquals("attack", attack.at("/anchors/0/exact").asText());
        assertEquals(5, attack.at("/span/line").asInt());

        Units units = read(seed, false);
        assertEquals(dry.sourceIds, units.sourceIds, "the same file, the same source id");
        String path = units.written.get(0);
        assertTrue(path.startsWith("/documents/"), path);
        JsonPath doc = whole(path);
        JsonPath sample = whole("/documents/" + sampleCable());

        assertEquals(sample.getList("texts[0].sections"), doc.getList("texts[0].sections"));
        assertEquals(sample.getString("texts[0].content"), doc.getString("texts[0].content"));
        assertEquals(Set.of("RECIPIENT VYSHINSKY", "VIA the Politburo"), participants(doc));
        assertEquals(sample.getString("participants.find { it.role == 'RECIPIENT' }.agent_id"),
                doc.getString("participants.find { it.role == 'RECIPIENT' }.agent_id"));
        assertEquals(sample.getString("annotations.find { it.mention?.variant_written_inline }.mention.agent_id"),
                doc.getString("annotations.find { it.mention?.variant_written_inline }.mention.agent_id"));

        // every non-mention annotation of the sample cable is there, at the same offsets
        Set<String> expected = anchored(sample, false);
        Set<String> actual = anchored(doc, false);
        assertEquals(expected, actual);
        assertEquals(15, doc.getList("annotations").size());
        assertEquals(List.of(3), doc.getList("annotations.findAll { it.type == 'MARGINALIA' && it.marginalia.kind == "
                + "'COMMENT' && it.marginalia.position == 'LEFT' }.targets[0].line_start.flatten()"));
        assertEquals(doc.getString("annotations.find { it.note_text?.startsWith('“one trawler”') }.id"),
                doc.getString("annotations.find { it.marginalia?.kind == 'CIRCLING' }.marginalia.reported_by_id"));
        assertEquals("DRAFT", doc.getString("visibility"));
        assertEquals(List.of("ru"), doc.getList("languages"));
    }

    @Test
    void headersBecomeFieldsAndParticipantsAndUnknownNamesBecomeAgents() throws IOException {
        String unique = Long.toString(System.nanoTime(), 36);
        String transcript = String.join("\n",
                "TOP SECRET",
                "Copy No. 2",
                "Ciphered telegram No. 408",
                "From: Zorinov" + unique,
                "To: Malikov" + unique,
                "Copies:",
                "1. Stalin",
                "2. Molotov",
                "12 June 1950, 14:30",
                "",
                "The ambassador reported that the Central Committee [tsentralnyi komitet] agreed. The ?second? group "
                        + "arrived with "
                        + "Zorinov" + unique + " [Zorinoff] on the [fourth] day [2 words illegible].",
                "",
                "[Editor's note: “second group” is underlined in red pencil]",
                "",
                "Please confirm [Xyz: see annex] receipt [sic].",
                "",
                "ZORINOV");
        Units dry = read(transcript, true);
        JsonNode report = dry.reports.get(0);
        List<String> created = new ArrayList<>();
        report.get("agents").forEach(a -> {
            if (a.get("action").asText().equals("CREATE")) {
                created.add(a.get("name").asText());
            }
        });
        assertTrue(created.containsAll(List.of("Zorinov" + unique, "Malikov" + unique)), created.toString());
        assertEquals("[Xyz: see annex]", report.at("/unclassified/0/written").asText());

        Units units = read(transcript, false);
        JsonPath doc = whole(units.written.get(0));
        assertEquals("CABLE", doc.getString("kind"));
        assertEquals("TOP SECRET", doc.getString("classification"));
        assertEquals("1950-06-12", doc.getString("date"));
        assertEquals(Set.of("SENDER Zorinov" + unique, "RECIPIENT Malikov" + unique, "COPY_RECIPIENT Stalin",
                "COPY_RECIPIENT Molotov", "SIGNATORY ZORINOV"), participants(doc));
        assertEquals("2", doc.getString("participants.find { it.name_as_written == 'Molotov' }.copy_number"));
        String sender = doc.getString("participants.find { it.role == 'SENDER' }.agent_id");
        api().get("/agents/{id}", sender).then().statusCode(200);
        assertEquals(sender, doc.getString("annotations.find { it.mention?.variant_written_inline == 'Zorinoff' }"
                + ".mention.agent_id"), "the variant's mention is the sender's agent");
        assertEquals("The ambassador reported that the Central Committee agreed. The second group arrived with "
                + "Zorinov" + unique + " on the fourth day [2 words illegible].", doc.getString("texts[0].sections[0]"
                + ".paragraphs[0]"));
        assertEquals("the Central Committee", doc.getString("annotations.find { it.type == 'FOREIGN_TERM' }"
                + ".targets[0].exact"));
        assertEquals(List.of("ILLEGIBLE"), doc.getList("annotations.findAll { it.type == 'GAP' }.gap.reason"));
        assertEquals("red pencil", doc.getString("annotations.find { it.type == 'MARGINALIA' }.marginalia.medium"));
        assertEquals(List.of("second group"), doc.getList("annotations.find { it.type == 'MARGINALIA' }"
                + ".targets.exact"));
        assertEquals("receipt", doc.getString("annotations.find { it.note_text?.startsWith('sic') }.targets[0].exact"));
    }

    @Test
    void theKindAsWrittenPageNumbersAndASuppliedSignatureAreKept() throws IOException {
        String unique = Long.toString(System.nanoTime(), 36);
        String transcript = String.join("\n",
                "SECRET",
                "Circular airgram No. 12",
                "From: Achesonq" + unique,
                "To: Embassy in Seoul",
                "",
                "Department concurs in your estimate [p. 968] of the situation along the parallel.",
                "",
                "[Page 969]",
                "",
                "Inform the Government orally [End of page 969] and report.",
                "",
                "[ACHESONQ" + unique.toUpperCase() + "]");
        Units dry = read(transcript, true);
        JsonNode report = dry.reports.get(0);
        List<String> kinds = new ArrayList<>();
        report.get("marks").forEach(m -> kinds.add(m.get("kind").asText()));
        assertEquals(3, kinds.stream().filter("PAGE_BREAK"::equals).count(), kinds.toString());
        assertEquals(0, report.get("unclassified_count").asInt(), report.get("unclassified").toString());

        JsonPath doc = whole(read(transcript, false).written.get(0));
        assertEquals("CABLE", doc.getString("kind"));
        assertEquals("Circular airgram", doc.getString("kind_as_written"));
        assertEquals(List.of("Department concurs in your estimate of the situation along the parallel.",
                "Inform the Government orally and report."), doc.getList("texts[0].sections[0].paragraphs[0..1]"));
        String pages = "annotations.findAll { it.type == 'PAGE_BREAK' }.sort { it.targets[0].start }";
        assertEquals(List.of("968", "969", "970"), doc.getList(pages + ".page_break.n"));
        assertEquals(List.of("of", "Inform", "and"), doc.getList(pages + ".collect { it.targets[0].exact }"));
        assertEquals(java.util.Arrays.asList(null, null, null), doc.getList(pages + ".page_break.edition"), "the original's pages");
        // the bracketed name alone at the end: the signature, which the editors supplied
        assertEquals(List.of(true), doc.getList("participants.findAll { it.role == 'SIGNATORY' }.supplied"));
        assertEquals(List.of(false), doc.getList("participants.findAll { it.role == 'SENDER' }.supplied"));
    }

    @Test
    void theSameTextGivesTheSameSourceIdWhateverItsLineEnds() throws IOException {
        String text = "Line one [his].\n\nLine two.";
        assertEquals(read(text, true).sourceIds, read(text.replace("\n", "\r\n") + "\n\n", true).sourceIds);
        assertTrue(!read(text, true).sourceIds.equals(read(text + " More.", true).sourceIds));
        assertEquals(List.of("1: The transcript is not UTF-8 text."), problems(new byte[] {(byte) 0xC3, 0x28}));
        assertEquals(List.of("1: The transcript has no text besides its headers."),
                read("From: Somebody\nTo: Somebody else", true).problems);
    }

    private List<String> problems(byte[] bytes) throws IOException {
        Units units = new Units(true);
        format.read(new ByteArrayInputStream(bytes), units);
        return units.problems;
    }

    private static Set<String> participants(JsonPath doc) {
        Set<String> found = new TreeSet<>();
        List<Map<String, Object>> participants = doc.getList("participants");
        participants.forEach(p -> found.add(p.get("role") + " " + p.get("name_as_written")));
        return found;
    }

    /** The annotations as type, offsets and words (mentions: only those with an inline variant). */
    private static Set<String> anchored(JsonPath doc, boolean mentions) {
        Set<String> found = new TreeSet<>();
        List<Map<String, Object>> annotations = doc.getList("annotations");
        for (Map<String, Object> a : annotations) {
            if (!mentions && a.get("type").equals("MENTION")) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) a.get("targets");
            List<String> spans = targets.stream().map(t -> t.get("start") + "-" + t.get("end")).toList();
            found.add(a.get("type") + " " + spans);
        }
        return found;
    }

    private static String sampleCable() {
        List<Map<String, Object>> items = api().queryParam("kind", "CABLE").queryParam("date_from", "1950-05-30")
                .queryParam("date_to", "1950-05-30").queryParam("limit", 100).get("/documents").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(d -> ((String) d.get("title")).startsWith("Ciphered telegram from Shtykov"))
                .map(d -> (String) d.get("id")).findFirst().orElseThrow();
    }
}
