package org.fonds.document;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.participant.ParticipantRole;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.ItemsResource;

@Path("/documents")
@Tag(name = "Documents", description = "Cables, letters, memoranda, records of conversation and other primary sources.")
public class DocumentResource extends ItemsResource<DocumentService, DocumentInput> {

    @GET
    public Page<DocumentSummary> list(
            @Parameter(description = "Only documents of this kind.") @QueryParam("kind") DocumentKind kind,
            @Parameter(description = "Only documents with this original language (BCP 47 tag, exact match).",
                    example = "ru") @QueryParam("language") String language,
            @Parameter(description = "Only documents whose date can fall on or after this day.", example = "1950-05-01")
            @QueryParam("date_from") LocalDate dateFrom,
            @Parameter(description = "Only documents whose date can fall on or before this day.", example = "1950-06-30")
            @QueryParam("date_to") LocalDate dateTo,
            @Parameter(description = "Only documents with this subject.") @QueryParam("subject_id") UUID subjectId,
            @Parameter(description = "Only documents in this collection.") @QueryParam("collection_id") UUID collectionId,
            @Parameter(description = "Only documents in which this agent takes part (in `role`, when given).")
            @QueryParam("participant_id") UUID participantId,
            @Parameter(description = "Only documents with a participant in this role (of `participant_id`, when given).")
            @QueryParam("role") ParticipantRole role,
            @Parameter(description = "Only documents written at this place (`place_of_origin_id`).")
            @QueryParam("place_id") UUID placeId,
            @BeanParam PageRequest page) {
        return service.list(new DocumentFilter(kind, language, dateFrom, dateTo, subjectId, collectionId, participantId,
                role, placeId), page.cursor(), page.limit());
    }
}
