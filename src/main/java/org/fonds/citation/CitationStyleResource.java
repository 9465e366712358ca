package org.fonds.citation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CSL styles a citation can be formatted in. */
@Path("/citation-styles")
@Tag(name = "Citations")
public class CitationStyleResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCitationStyles", summary = "List the CSL styles citations can be formatted in",
            description = "The ids of every CSL style Fonds bundles (the Citation Style Language repository's "
                    + "independent and dependent styles), sorted: the values of `style` in "
                    + "`GET /documents/{document_id}/citation`. The same for every caller; it changes only with a "
                    + "new release of Fonds.")
    @APIResponse(responseCode = "200", description = "The style ids.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CitationStyles.class)))
    public CitationStyles styles() {
        return new CitationStyles(Styles.DEFAULT, List.copyOf(Styles.supported()));
    }
}
