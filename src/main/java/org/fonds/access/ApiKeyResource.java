package org.fonds.access;

import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.ConditionalReads;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.http.Paging;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.fonds.http.ProblemResponses;
import org.fonds.http.ProblemResponsesFilter;
import org.fonds.http.Responses;

/** Administrators create, list and revoke API keys. Every operation here needs the ADMIN role. */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@SecurityRequirement(name = ProblemResponsesFilter.BEARER)
@SecurityRequirement(name = ProblemResponsesFilter.API_KEY)
@Tag(name = "API keys", description = "Long-lived credentials for scripts (`X-API-Key`), managed by administrators.")
public class ApiKeyResource {

    @Inject
    ApiKeyService service;

    @GET
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Every API key, revoked ones included, in creation order; never their secrets. ADMIN only.")
    @APIResponse(responseCode = "200", description = "A page of API keys.")
    public Page<ApiKeyView> list(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @BeanParam PageRequest page) {
        return service.list(page.cursor(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Creates a key with a role and answers with its secret, this once: only its SHA-256 is "
                    + "stored. Scripts send it as `X-API-Key: <secret>`. ADMIN only.")
    @APIResponse(responseCode = "201", description = "Created; the body holds the secret.",
            headers = {@Header(name = "Location", description = "URL of the new key.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new key.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyCreated.class)))
    @APIResponse(responseCode = "409", description = "A valid key already has this name.")
    public Response create(ApiKeyInput input, @Context UriInfo uri) {
        ApiKeyCreated created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{api_key_id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key",
            description = "The key's name, role, prefix and state; never its secret. ADMIN only.")
    @APIResponse(responseCode = "200", description = "The API key.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @Extension(name = ConditionalReads.EXTENSION, value = "the key's version.")
    public Response get(@PathParam("api_key_id") UUID id, @Context Request request) {
        ApiKeyView view = service.get(id);
        return Responses.conditional(request, view.version(), view);
    }

    @DELETE
    @Path("/{api_key_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Revokes the key at once: requests that send it get 401 from now on. The record stays, "
                    + "with who revoked it and when. ADMIN only.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response revoke(@PathParam("api_key_id") UUID id,
            @Parameter(description = "The ETag the revocation is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.revoke(id, ifMatch);
        return Response.noContent().build();
    }
}
