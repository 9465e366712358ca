package org.fonds.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.access.Role;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;

/**
 * The history of one resource of any type (learned from fcrepo's one versions endpoint): its revisions, one of them,
 * restoring one, and purging the resource. Served at {@code .../{id}/revisions} of every versioned resource through a
 * sub-resource locator of the resource's own class (so that the path is routed with the resource's own paths), with
 * what differs per type as data in {@link ResourceType}; restoring and purging go through the type's
 * {@link Revisable} service. The spec documents each type's operations on its own path (listAgentRevisions, ...),
 * written by {@link RevisionOperations}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "The history of every resource: each create, update, delete and restore, with "
        + "who, when and the full state; restoring a revision; purging a resource for good.")
public class RevisionResource {

    private final RevisionService revisions;
    private final ResourceType type;
    private final UUID documentId;
    private final UUID id;

    /** The history of resource {@code id} of {@code type}; {@code documentId} is the document in the URL of a part. */
    public RevisionResource(RevisionService revisions, ResourceType type, UUID documentId, UUID id) {
        this.revisions = revisions;
        this.type = type;
        this.documentId = documentId;
        this.id = id;
    }

    @GET
    public Page<RevisionSummary> list(@BeanParam PageRequest page) {
        return revisions.list(type, documentId, id, page.cursor(), page.limit());
    }

    @GET
    @Path("/{version}")
    public Revision<Object> get(@PathParam("version") long version) {
        return revisions.get(type, documentId, id, version);
    }

    @RolesAllowed(Role.Names.EDITOR) // restoring may undo anyone's change (RevisionService checks it too)
    @POST
    @Path("/{version}/restore")
    public Response restore(@PathParam("version") long version, @HeaderParam("If-Match") String ifMatch) {
        Restored restored = revisions.restore(type, documentId, id, version, ifMatch);
        return Responses.tagged(restored.view(), restored.version());
    }

    @RolesAllowed(Role.Names.ADMIN) // the one write that cannot be undone
    @DELETE
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body
    public Response purge(@HeaderParam("If-Match") String ifMatch) {
        revisions.purge(type, documentId, id, ifMatch);
        return Response.noContent().build();
    }
}
