package org.fonds.resource;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.fonds.history.RevisionResource;
import org.fonds.http.Responses;
import org.fonds.http.ProblemResponses;

/**
 * One versioned resource at its own URL, of any type (learned from DSpace's DSpaceRestRepository and fcrepo: the
 * HTTP side once, the type's behaviour in its {@link VersionedService}): read with a conditional GET, replace,
 * delete, and its history at {@code revisions}. Served through a sub-resource locator of the type's own resource
 * class ({@code @Path("/{place_id}")}), so that each type keeps its own URL and path parameter; the spec documents
 * each type's operations with its own operationIds and typed bodies, written by {@link ItemOperations}.
 * A resource that takes merge patches is served by {@link PatchableItemResource}.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    protected final VersionedService<?, ?, ?> service;
    protected final UUID owner;
    protected final UUID id;

    /** Resource {@code id} of {@code service}'s type; {@code owner} is the document in the URL of a part, or null. */
    public ItemResource(VersionedService<?, ?, ?> service, UUID owner, UUID id) {
        this.service = service;
        this.owner = owner;
        this.id = id;
    }

    /** 200 with the ETag, or 304 when {@code If-None-Match} names it; the query is the type's to read (embed). */
    @GET
    public Response get(@Context Request request, @Context UriInfo uri) {
        return service.respond(owner, id, request, uri.getQueryParameters());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return tagged(service.replaceFromBody(owner, id, ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    public Response delete(@HeaderParam("If-Match") String ifMatch) {
        service.delete(owner, id, ifMatch);
        return Response.noContent().build();
    }

    @Path("revisions")
    public RevisionResource revisions() {
        return service.revisions(owner, id);
    }

    /** 201 Created: the new resource, its URL (the request's path + its id) in Location, its version in ETag. */
    public static Response created(UriInfo uri, VersionedView view) {
        return Responses.created(uri, view.id(), view.version(), view);
    }

    protected static Response tagged(VersionedView view) {
        return Responses.tagged(view, view.version());
    }
}
