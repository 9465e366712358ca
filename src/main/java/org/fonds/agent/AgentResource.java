package org.fonds.agent;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.name.Identifier;
import org.fonds.http.MergePatch;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.access.Role;
import org.fonds.history.RevisionResource;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "Persons, organisations, offices and groups, with every variant of their names.")
public class AgentResource {

    private final AgentService service;

    public AgentResource(AgentService service) {
        this.service = service;
    }

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
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(new AgentFilter(type, name,
                identifier == null ? null : Identifier.fromParameter("identifier", identifier)),
                cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAgent", summary = "Create an agent",
            description = "Creates an agent from its writable fields. The preferred name and the days of `existence` "
                    + "are derived. Answers 201 with the agent, its URL in `Location` and its version in `ETag`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new agent.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new agent.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    public Response create(AgentInput input, @Context UriInfo uri) {
        AgentView created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{agent_id}")
    @Operation(operationId = "getAgent", summary = "Get an agent",
            description = "The agent with every name variant, office and identifier. Send a previously received "
                    + "`ETag` in `If-None-Match` to get 304 when it has not changed.")
    @APIResponse(responseCode = "200", description = "The agent.",
            headers = @Header(name = "ETag", description = "Version tag, for If-None-Match and If-Match.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the current version.")
    public Response get(@PathParam("agent_id") UUID id, @Context Request request,
            @Parameter(description = "Answer 304 when this ETag is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        AgentView view = service.get(id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{agent_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceAgent", summary = "Replace an agent",
            description = "Replaces every writable field, the list of names included. Send the ETag you read in "
                    + "`If-Match` to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "The updated agent.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    public Response replace(@PathParam("agent_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, AgentInput input) {
        AgentView view = service.replace(id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{agent_id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAgent", summary = "Change some fields of an agent",
            description = "A JSON Merge Patch (RFC 7396): the fields given replace the stored ones, `null` clears "
                    + "a field; an array, such as `names`, is replaced as a whole. The result is validated like a PUT "
                    + "body.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = AgentPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated agent.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    public Response patch(@PathParam("agent_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        AgentView view = service.patch(id, ifMatch, patch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{agent_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    @Operation(operationId = "deleteAgent", summary = "Delete an agent",
            description = "Deletes the agent and its names. An agent that documents (as participant or annotation) "
                    + "or other agents' offices still refer to is not deleted (409). Send the ETag you read in "
                    + "`If-Match` so that an agent changed since is not deleted unseen (412).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "Documents or other agents still refer to the agent.")
    public Response delete(@PathParam("agent_id") UUID id,
            @Parameter(description = "The ETag the deletion is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{agent_id}/revisions")
    public RevisionResource revisions(@PathParam("agent_id") UUID id) {
        return service.revisions(null, id);
    }
}
