package org.fonds.tei;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.access.Caller;
import org.fonds.bulk.ImportUnits;
import org.fonds.testing.Seed;
import org.junit.jupiter.api.Test;

/**
 * The TEI import reads what the TEI export writes: the seed cable exported, imported as a new document (its ids
 * renamed, so that it does not meet the original) and exported again gives the same TEI, element for element and
 * character for character once the ids are named back.
 */
@QuarkusTest
class TeiImportTest {

    /** The ids a TEI file of Fonds names its document's own resources by (not the agents and places it points at). */
    private static final Pattern OWN_ID = Pattern.compile(
            "(?:doc-|text-|a-|media-|documents/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @Inject
    TeiFormat format;

    /** The units of a file, each written at once in a transaction of its own as the import job does. */
    private final class Units implements ImportUnits {
        final List<String> written = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public void unit(long line, String sourceId, JsonNode report, Supplier<String> write) {
            written.add(Caller.asSystem(() -> QuarkusTransaction.requiringNew().call(write::get)));
        }

        @Override
        public void problem(long line, String detail) {
            problems.add(line + ": " + detail);
        }
    }

    @ActivateRequestContext
    Units importing(String xml) throws IOException {
        Units units = new Units();
        format.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), units);
        return units;
    }

    private static String tei(String documentId) {
        return api().accept(TeiWriter.MEDIA_TYPE).get("/documents/{d}/tei", documentId).then().statusCode(200)
                .extract().asString();
    }

    /** Each own id replaced by the id {@code rename} gives it, every occurrence. */
    private static String rename(String xml, Map<String, String> ids) {
        Matcher m = OWN_ID.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = m.group().substring(0, m.group().length() - 36);
            m.appendReplacement(out, prefix + ids.getOrDefault(m.group(1), m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A fresh id for each own id of the file, in the same order as the old ones (annotations are written in the order
     * of their ids): the old id's time-ordered first part, a random rest.
     */
    private static Map<String, String> freshIds(String xml) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Matcher m = OWN_ID.matcher(xml);
        while (m.find()) {
            renamed.computeIfAbsent(m.group(1), old -> old.substring(0, 24) + UUID.randomUUID().toString().substring(24));
        }
        return renamed;
    }

    @Test
    void theSeedCableComesBackAsItWent() throws IOException {
        String cable = Seed.cable();
        String original = tei(cable);
        Map<String, String> renamed = freshIds(original);
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((old, fresh) -> back.put(fresh, old));
        assertTrue(renamed.size() > 10, "the cable names its document, texts and annotations: " + renamed.size());

        Units units = importing(rename(original, renamed));
        assertEquals(List.of(), units.problems);
        String copy = renamed.get(cable);
        assertEquals(List.of("/documents/" + copy), units.written);

        assertSameText(original, rename(tei(copy), back));
    }

    /** Equal, or a failure that shows where they part (the files are long). */
    private static void assertSameText(String expected, String actual) {
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        if (at < Math.max(expected.length(), actual.length())) {
            int from = Math.max(0, at - 300);
            assertEquals(expected.substring(from, Math.min(expected.length(), at + 300)),
                    actual.substring(from, Math.min(actual.length(), at + 300)), "the TEI differs at character " + at);
        }
    }

    @Test
    void aTeiElementOffTheMappingIsReportedWithItsLineAndTheNextOneStillComes() throws IOException {
        String cable = Seed.cable();
        String original = tei(cable);
        String body = original.substring(original.indexOf("<TEI"));
        String good = rename(body, freshIds(body));
        String corpus = "<?xml version=\"1.0\"?>\n<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                + "<TEI><teiHeader><fileDesc><titleStmt><title>No id</title></titleStmt></fileDesc></teiHeader></TEI>\n"
                + good.replace(" xmlns=\"http://www.tei-c.org/ns/1.0\"", "") + "\n</teiCorpus>";
        Units units = importing(corpus);
        assertEquals(1, units.problems.size(), units.problems.toString());
        assertTrue(units.problems.get(0).startsWith("3: "), units.problems.get(0));
        assertEquals(1, units.written.size());
        api().get(units.written.get(0)).then().statusCode(200);
    }
}
