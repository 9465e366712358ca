package org.fonds.search;

import java.time.LocalDate;
import java.util.UUID;
import org.fonds.document.DocumentKind;
import org.fonds.participant.ParticipantRole;

/** The query and filters of GET /search/documents; they combine with AND. A null member is no filter. */
public record SearchFilter(String q, DocumentKind kind, String language, UUID participantId, ParticipantRole role,
        LocalDate dateFrom, LocalDate dateTo, DateMatch dateMatch, UUID subjectId, UUID collectionId,
        String classification, Boolean hasTranslatorNotes, Boolean hasMarginalia) {
}
