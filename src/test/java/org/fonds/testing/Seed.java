package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The sample archive's cable, loaded at start, and the agents and places it names, found through the API. */
public final class Seed {

    public static final String CABLE_TITLE =
            "Ciphered telegram from Shtykov to Vyshinsky on a meeting with Kim Il Sung";

    private Seed() {
    }

    public static String cable() {
        List<Map<String, Object>> items = api().queryParam("kind", "CABLE").queryParam("date_from", "1950-05-30")
                .queryParam("date_to", "1950-05-30").queryParam("limit", 100).get("/documents").then().statusCode(200)
                .extract().path("items");
        // the sample's (published): an import of the seed's transcript is a draft of the same title
        return items.stream().filter(d -> CABLE_TITLE.equals(d.get("title")) && "PUBLISHED".equals(d.get("visibility")))
                .map(d -> (String) d.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("the sample cable is not listed"));
    }

    /** The id of the agent that the cable's MENTION written {@code asWritten} refers to. */
    public static String mentionedAgent(String cable, String asWritten) {
        JsonPath mentions = api().queryParam("type", "MENTION").queryParam("limit", 100)
                .get("/documents/{d}/annotations", cable).then().statusCode(200).extract().jsonPath();
        return mentions.getString("items.find { it.mention.name_as_written == '" + asWritten + "' }.mention.agent_id");
    }

    /** The cable's sender, Terentii Shtykov. */
    public static String sender(String cable) {
        return api().queryParam("embed", "all").get("/documents/{d}", cable).then().statusCode(200).extract()
                .path("participants.find { it.role == 'SENDER' }.agent_id");
    }

    /** Where the cable was written: Pyongyang. */
    public static String placeOfOrigin(String cable) {
        return api().get("/documents/{d}", cable).then().statusCode(200).extract().path("place_of_origin_id");
    }
}
