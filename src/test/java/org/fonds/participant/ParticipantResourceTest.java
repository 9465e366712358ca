package org.fonds.participant;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.testing.Agents;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantResourceTest {

    private static Map<String, Object> participant(String agent, String role, String asWritten) {
        Map<String, Object> body = new HashMap<>();
        body.put("agent_id", agent);
        body.put("role", role);
        body.put("name_as_written", asWritten);
        return body;
    }

    private static String add(String document, Map<String, Object> body) {
        return api().contentType(ContentType.JSON).body(body).post("/documents/{d}/participants", document).then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void senderRecipientAndForInDocumentOrderWithTheNamesAsWritten() {
        String cable = Documents.cable().create();
        String shtykov = Agents.shtykov().create();
        String vyshinsky = Agents.person("Andrei Vyshinsky").create();
        String politburo = Agents.organisation("Politburo").create();
        String pyongyang = Places.pyongyang().create();

        Map<String, Object> sender = participant(shtykov, "SENDER", "Shtykov");
        sender.put("office", "Soviet ambassador to the DPRK");
        sender.put("place_id", pyongyang);
        sender.put("date", "1950-05-30");
        String s = add(cable, sender);
        String r = add(cable, participant(vyshinsky, "RECIPIENT", "VYSHINSKY"));
        String v = add(cable, participant(politburo, "VIA", "the Politburo"));

        api().get("/documents/{d}/participants", cable).then().statusCode(200)
                .body("items.id", equalTo(List.of(s, r, v)))
                .body("items.position", equalTo(List.of(0, 1, 2)))
                .body("items.name_as_written", equalTo(List.of("Shtykov", "VYSHINSKY", "the Politburo")));
        api().queryParam("role", "VIA").get("/documents/{d}/participants", cable).then()
                .body("items.agent_id", equalTo(List.of(politburo)));
        api().get("/documents/{d}/participants/{p}", cable, s).then().statusCode(200)
                .body("office", equalTo("Soviet ambassador to the DPRK"))
                .body("place_id", equalTo(pyongyang))
                .body("date_range.earliest", equalTo("1950-05-30"));
    }

    @Test
    void aCopyListPagesInItsOrder() {
        String memo = Documents.of("MEMORANDUM").create();
        String first = null;
        for (int copy = 1; copy <= 5; copy++) {
            Map<String, Object> body = participant(Agents.person("Recipient " + copy).create(), "COPY_RECIPIENT", null);
            body.put("copy_number", Integer.toString(copy));
            body.put("position", 10 - copy); // listed in reverse: position orders, not creation
            String id = add(memo, body);
            if (copy == 5) {
                first = id;
            }
        }
        Response page = api().queryParam("limit", 2).get("/documents/{d}/participants", memo).then().statusCode(200)
                .body("items.copy_number", equalTo(List.of("5", "4"))).extract().response();
        assertThatFirst(page, first);
        String next = page.path("next");
        api().queryParam("limit", 2).queryParam("cursor", next).get("/documents/{d}/participants", memo).then()
                .body("items.copy_number", equalTo(List.of("3", "2")));
    }

    private static void assertThatFirst(Response page, String id) {
        org.junit.jupiter.api.Assertions.assertEquals(id, page.path("items[0].id"));
    }

    @Test
    void documentsAreFoundByParticipantAndRole() {
        String agent = Agents.person("Kim Il Sung " + UUID.randomUUID()).create();
        String asSender = Documents.cable().create();
        String asMentioned = Documents.of("REPORT").create();
        add(asSender, participant(agent, "SENDER", null));
        add(asMentioned, participant(agent, "MENTIONED", null));

        api().queryParam("participant_id", agent).get("/documents").then().statusCode(200)
                .body("items.id", equalTo(List.of(asSender, asMentioned)));
        api().queryParam("participant_id", agent).queryParam("role", "SENDER").get("/documents").then()
                .body("items.id", equalTo(List.of(asSender)));
        api().queryParam("participant_id", agent).queryParam("role", "RECIPIENT").get("/documents").then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void unknownAgentsAndPlacesAre422AndStaleWritesAre412() {
        String doc = Documents.cable().create();
        api().contentType(ContentType.JSON)
                .body(participant("0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b", "SENDER", null))
                .post("/documents/{d}/participants", doc).then().statusCode(422)
                .body("errors[0].field", equalTo("agent_id"));
        malformed().contentType(ContentType.JSON).body(Map.of("role", "SENDER"))
                .post("/documents/{d}/participants", doc).then().statusCode(422)
                .body("errors[0].field", equalTo("agent_id"));

        String agent = Agents.person("Generals Vasil'yev").create();
        Response created = api().contentType(ContentType.JSON).body(participant(agent, "MENTIONED", "Vasil'yev"))
                .post("/documents/{d}/participants", doc).then().statusCode(201).extract().response();
        String id = created.path("id");
        api().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(participant(agent, "CONVERSATION_PARTICIPANT", "Vasil'yev"))
                .put("/documents/{d}/participants/{p}", doc, id).then().statusCode(200)
                .body("role", equalTo("CONVERSATION_PARTICIPANT"))
                .body("position", equalTo(0));
        api().header("If-Match", created.header("ETag")).delete("/documents/{d}/participants/{p}", doc, id).then()
                .statusCode(412);
    }
}
