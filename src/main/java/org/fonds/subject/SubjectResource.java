package org.fonds.subject;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemResource;
import org.fonds.resource.PatchableItemResource;

@Path("/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "Topics documents are about, possibly headings of a controlled vocabulary.")
public class SubjectResource {

    @Inject
    SubjectService service;

    @GET
    @Operation(operationId = "listSubjects", summary = "List subjects",
            description = "Subjects in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of subjects.")
    public Page<SubjectSummary> list(
            @Parameter(description = "Only subjects whose label contains this text, ignoring case.",
                    example = "Korean War") @QueryParam("label") @Size(max = 500) String label,
            @BeanParam PageRequest page) {
        return service.list(new SubjectFilter(label), page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SubjectInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(input));
    }

    /** One subject at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{subject_id}")
    public PatchableItemResource item(@PathParam("subject_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
