package org.fonds.participant;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.DocumentPartsResource;

@Path("/documents/{document_id}/participants")
@Tag(name = "Participants", description = "Senders, recipients, copy recipients, conversation participants: an "
        + "agent's role in a document, with the name as written.")
public class ParticipantResource extends DocumentPartsResource<ParticipantService, ParticipantInput> {

    @GET
    public Page<ParticipantView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Only participants in this role.") @QueryParam("role") ParticipantRole role,
            @BeanParam PageRequest page) {
        return service.list(documentId, role, page.cursor(), page.limit());
    }
}
