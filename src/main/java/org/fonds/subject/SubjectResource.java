package org.fonds.subject;

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

@Path("/subjects")
@Tag(name = "Subjects", description = "Topics documents are about, possibly headings of a controlled vocabulary.")
public class SubjectResource extends ItemsResource<SubjectService, SubjectInput> {

    @GET
    public Page<SubjectSummary> list(
            @Parameter(description = "Only subjects whose label contains this text, ignoring case.",
                    example = "Korean War") @QueryParam("label") @Size(max = 500) String label,
            @BeanParam PageRequest page) {
        return service.list(new SubjectFilter(label), page.cursor(), page.limit());
    }
}
