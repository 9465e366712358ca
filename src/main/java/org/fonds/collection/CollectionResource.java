package org.fonds.collection;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemsResource;

@Path("/collections")
@Tag(name = "Collections", description = "Curated sets of documents, such as an archive's thematic collections.")
public class CollectionResource extends ItemsResource<CollectionService, CollectionInput> {

    @GET
    public Page<CollectionSummary> list(
            @BeanParam PageRequest page) {
        return service.list(page.cursor(), page.limit());
    }
}
