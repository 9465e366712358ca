package org.fonds.place;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Paging;
import org.fonds.name.NameSearch;

/** Finding places by any form of their names. */
@Path("/search/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Name search")
public class PlaceSearchResource {

    private final PlaceService service;

    public PlaceSearchResource(PlaceService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "searchPlaces", summary = "Find places by name",
            description = "Places with a name variant matching `q`, by the rules of GET /search/agents: case, "
                    + "diacritics, apostrophes, hyphens and spaces aside, Cyrillic romanised (Пхеньян finds the place "
                    + "Pyongyang through its Russian name), misspellings tolerated. Ranked exact, then prefix, then "
                    + "similar, closer first; each place once, with the variant that matched best.")
    @APIResponse(responseCode = "200", description = "The places found, best first (possibly none).")
    public PlaceSearchResults search(
            @Parameter(description = "A name, or part or a misspelling of one, in any script.", required = true,
                    example = "Pyongyang", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                            maxLength = NameSearch.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "The most hits to return.", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit) {
        return service.search(q, limit);
    }
}
