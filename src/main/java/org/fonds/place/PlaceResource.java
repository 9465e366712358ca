package org.fonds.place;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemsResource;

@Path("/places")
@Tag(name = "Places", description = "Places with every variant of their names and their coordinates.")
public class PlaceResource extends ItemsResource<PlaceService, PlaceInput> {

    @GET
    public Page<PlaceSummary> list(
            @Parameter(description = "Only places with a name variant containing this text, ignoring case.",
                    example = "Pyongyang") @QueryParam("name") @Size(max = 500) String name,
            @BeanParam PageRequest page) {
        return service.list(new PlaceFilter(name), page.cursor(), page.limit());
    }
}
