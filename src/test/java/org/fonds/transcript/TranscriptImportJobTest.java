package org.fonds.transcript;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fonds.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * A transcript through POST /imports, as an editor would send it: a dry run first, which shows every mark found and
 * writes nothing, then the import, which makes the document its report proposed.
 */
@QuarkusTest
class TranscriptImportJobTest {

    private static JsonPath importJob(String transcript, boolean dryRun) {
        String location = Api.malformed().contentType("text/plain; charset=utf-8").queryParam("dry_run", dryRun)
                .body(transcript.getBytes(StandardCharsets.UTF_8)).post("/imports").then().statusCode(202).extract()
                .header("Location");
        return org.fonds.testing.Jobs.finished(location).extract().jsonPath();
    }

    @Test
    void aDryRunShowsTheMarksAndWritesNothingThenTheImportWritesTheDocument() throws java.io.IOException {
        // the seed cable with a line of our own, so that its source id is new to this database
        String transcript = TranscriptSeedTest.resource("transcript/seed-cable.txt")
                + "\nI request urgent instructions on the ?second? point [illegible].\n";
        JsonPath dry = importJob(transcript, true);
        assertEquals("SUCCEEDED", dry.getString("state"), dry.prettify());
        assertEquals("TRANSCRIPT", dry.getString("format"));
        assertTrue(dry.getInt("reports[0].report.marks_found") >= 15, dry.prettify());
        List<String> kinds = dry.getList("reports[0].report.marks.kind");
        assertTrue(kinds.contains("UNCERTAIN_READING") && kinds.contains("GAP") && kinds.contains("FOREIGN_TERM")
                && kinds.contains("TRANSLATOR_NOTE"), kinds.toString());
        String path = dry.getString("paths[0]");
        api().get(path).then().statusCode(404); // rolled back

        JsonPath real = importJob(transcript, false);
        assertEquals("SUCCEEDED", real.getString("state"), real.prettify());
        assertEquals(1, real.getLong("written"));
        JsonPath document = api().queryParam("embed", "all").get(real.getString("paths[0]")).then().statusCode(200)
                .extract().jsonPath();
        assertTrue(document.getList("annotations.type").contains("UNCERTAIN_READING"));
        assertTrue(document.getString("texts[0].content").contains("one large subchaser"));

        JsonPath again = importJob(transcript, false);
        assertEquals(0, again.getLong("written"));
        assertEquals(1, again.getLong("skipped"));
    }
}
