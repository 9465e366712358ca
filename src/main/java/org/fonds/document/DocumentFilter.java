package org.fonds.document;

import java.time.LocalDate;
import java.util.UUID;
import org.fonds.participant.ParticipantRole;

/** The filters of GET /documents; they combine with AND. */
public record DocumentFilter(DocumentKind kind, String language, LocalDate dateFrom, LocalDate dateTo,
        UUID subjectId, UUID collectionId, UUID participantId, ParticipantRole role, UUID placeId) {

    /** Identifies the listing a cursor belongs to. */
    public String scope() {
        return String.join("|", "documents", String.valueOf(kind), String.valueOf(language), String.valueOf(dateFrom),
                String.valueOf(dateTo), String.valueOf(subjectId), String.valueOf(collectionId),
                String.valueOf(participantId), String.valueOf(role))
                // added later: the listings without it keep the scope (and so the cursors) they had
                + (placeId == null ? "" : "|place=" + placeId);
    }
}
