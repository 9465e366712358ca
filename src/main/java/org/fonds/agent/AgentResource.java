package org.fonds.agent;

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
import org.fonds.name.Identifier;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemResource;
import org.fonds.resource.PatchableItemResource;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "Persons, organisations, offices and groups, with every variant of their names.")
public class AgentResource {

    @Inject
    AgentService service;

    @GET
    @Operation(operationId = "listAgents", summary = "List agents",
            description = "Agents in creation order, a page at a time. Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "A page of agents.")
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AgentInput input, @Context UriInfo uri) {
        return ItemResource.created(uri, service.create(input));
    }

    /** One agent at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{agent_id}")
    public PatchableItemResource item(@PathParam("agent_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
