package org.fonds.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.agent.AgentSearchResults;
import org.fonds.agent.AgentService;
import org.fonds.agent.AgentType;
import org.fonds.http.Paging;
import org.fonds.name.NameSearch;
import org.fonds.place.PlaceSearchResults;
import org.fonds.place.PlaceService;

/** Finding agents and places by any form of their names (the rules are NameSearch's). */
@Path("/search")
@Tag(name = "Name search", description = "Find agents and places by any variant of their names, across scripts and "
        + "spellings.")
public class NameSearchResource {

    private static final String Q = "A name, or part or a misspelling of one, in any script.";
    private static final String LIMIT = "The most hits to return.";

    @Inject
    AgentService agents;
    @Inject
    PlaceService places;

    @GET
    @Path("/agents")
    @Operation(operationId = "searchAgents", summary = "Find agents by name",
            description = "Agents with a name variant matching `q`, ignoring case, diacritics, apostrophes, hyphens "
                    + "and spaces (Vasil’yev, Vasil'yev and Vasilyev are one name; so are Pak Hon-yong and Pak Hon "
                    + "Yong), across scripts (Cyrillic is romanised: Штыков finds Shtykov) and tolerating misspellings "
                    + "(Shtikov finds Shtykov). Ranked: exact matches of a variant first, then variants with a word "
                    + "starting with the query, then similar ones, closer first. Each agent appears once, with the "
                    + "variant that matched best.")
    @APIResponse(responseCode = "200", description = "The agents found, best first (possibly none).")
    public AgentSearchResults agents(
            @Parameter(description = Q, required = true, example = "Vasil'yev", schema = @Schema(
                    type = SchemaType.STRING, minLength = 1, maxLength = NameSearch.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "Only agents of this type.") @QueryParam("type") AgentType type,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit) {
        return agents.search(q, type, limit);
    }

    @GET
    @Path("/places")
    @Operation(operationId = "searchPlaces", summary = "Find places by name",
            description = "Places with a name variant matching `q`, by the rules of GET /search/agents: case, "
                    + "diacritics, apostrophes, hyphens and spaces aside, Cyrillic romanised (Пхеньян finds the place "
                    + "Pyongyang through its Russian name), misspellings tolerated. Ranked exact, then prefix, then "
                    + "similar, closer first; each place once, with the variant that matched best.")
    @APIResponse(responseCode = "200", description = "The places found, best first (possibly none).")
    public PlaceSearchResults places(
            @Parameter(description = Q, required = true, example = "Pyongyang", schema = @Schema(
                    type = SchemaType.STRING, minLength = 1, maxLength = NameSearch.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit) {
        return places.search(q, limit);
    }
}
