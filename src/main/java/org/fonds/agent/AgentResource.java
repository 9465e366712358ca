package org.fonds.agent;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.name.Identifier;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemsResource;

@Path("/agents")
@Tag(name = "Agents", description = "Persons, organisations, offices and groups, with every variant of their names.")
public class AgentResource extends ItemsResource<AgentService, AgentInput> {

    @GET
    public Page<AgentSummary> list(
            @Parameter(description = "Only agents of this type.") @QueryParam("type") AgentType type,
            @Parameter(description = "Only agents with a name variant containing this text, ignoring case.",
                    example = "Shtykov") @QueryParam("name") @Size(max = 500) String name,
            @Parameter(description = "Only agents with this identifier, as scheme:value (the scheme in any case).",
                    example = "wikidata:Q5816") @QueryParam("identifier") @Size(max = 300) String identifier,
            @BeanParam PageRequest page) {
        return service.list(new AgentFilter(type, name,
                identifier == null ? null : Identifier.fromParameter("identifier", identifier)),
                page.cursor(), page.limit());
    }
}
