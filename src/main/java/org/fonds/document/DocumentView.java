package org.fonds.document;

import org.fonds.resource.VersionedView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.annotation.AnnotationView;
import org.fonds.edtf.DateRange;
import org.fonds.link.LinkView;
import org.fonds.media.MediaView;
import org.fonds.participant.ParticipantView;
import org.fonds.access.Visibility;
import org.fonds.text.TextView;

/** A document as GET /documents/{document_id} returns it; sub-resources are embedded on request. */
@Schema(name = "Document", description = "A primary-source document.")
public record DocumentView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(nullable = true, required = true, description = "The kind as the document names itself.",
                examples = "Ciphered telegram") String kindAsWritten,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true) String summary,
        @Schema(required = true, examples = "[\"408-410\"]") List<String> referenceNumbers,
        @Schema(nullable = true, required = true, examples = "Strictly Secret") String classification,
        @Schema(nullable = true, required = true, examples = "FLASH") String handling,
        @Schema(required = true, examples = "[\"ru\"]") List<String> languages,
        @Schema(nullable = true, required = true, description = "The document's date in EDTF.", examples = "1950-05-30")
        String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(nullable = true, required = true, description = "Date and time of dispatch in EDTF.")
        String dispatched,
        @Schema(nullable = true, required = true) UUID placeOfOriginId,
        @Schema(nullable = true, required = true) SourceCitation source,
        @Schema(nullable = true, required = true) String rights,
        @Schema(required = true) List<Credit> credits,
        @Schema(required = true) Set<UUID> subjectIds,
        @Schema(required = true) Set<UUID> collectionIds,
        @Schema(required = true, description = "Who may see the document.", examples = "PUBLISHED")
        Visibility visibility,
        @Schema(nullable = true, required = true, description = "The day an EMBARGOED document becomes public.")
        LocalDate embargoUntil,
        @Schema(required = true, description = "When this record was created in Fonds (not the document's date).")
        OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "0") long version,
        @Schema(description = "The texts, when `embed` names texts.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TextView> texts,
        @Schema(description = "The participants, when `embed` names participants.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ParticipantView> participants,
        @Schema(description = "The links, when `embed` names links.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LinkView> links,
        @Schema(description = "The links of other documents to this one, when `embed` names links: read-only, each "
                + "is a link of the document in its `document_id` (an enclosure's ENCLOSURE_OF shows here on its "
                + "covering document). Written and exported with the linking document, never with this one.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LinkView> linkedFrom,
        @Schema(description = "The media items, when `embed` names media.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MediaView> media,
        @Schema(description = "The annotations with their targets, when `embed` names annotations.")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AnnotationView> annotations) implements VersionedView {

    static DocumentView of(Document d) {
        return new DocumentView(d.id, d.kind, d.kindAsWritten, d.title, d.summary, List.copyOf(d.referenceNumbers), d.classification,
                d.handling, List.copyOf(d.languages), d.dateEdtf, DateRange.of(d.dateEdtf), d.dispatchedEdtf,
                d.placeOfOriginId, d.source, d.rights, List.copyOf(d.credits), sorted(d.subjectIds),
                sorted(d.collectionIds), d.visibility, d.embargoUntil, d.createdAt, d.updatedAt, d.version, null, null, null, null, null, null);
    }

    /** In id order, whatever order the set was read in: the representation (and the NDJSON export) is stable. */
    private static Set<UUID> sorted(Set<UUID> ids) {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(ids));
    }

    /** The ETag: the document's version, combined with the versions of what is embedded. */
    @Override
    public jakarta.ws.rs.core.EntityTag etag() {
        if (texts == null && participants == null && links == null && media == null && annotations == null) {
            return org.fonds.http.ETags.of(version);
        }
        java.util.List<Object> parts = new java.util.ArrayList<>();
        java.util.stream.Stream.of(texts, participants, links, linkedFrom, media, annotations).forEach(list -> {
            if (list != null) {
                parts.add(list.size());
            }
        });
        if (texts != null) {
            texts.forEach(t -> parts.add(t.id() + ":" + t.version()));
        }
        if (participants != null) {
            participants.forEach(p -> parts.add(p.id() + ":" + p.version()));
        }
        if (links != null) {
            links.forEach(l -> parts.add(l.id() + ":" + l.version()));
        }
        if (linkedFrom != null) {
            linkedFrom.forEach(l -> parts.add("from " + l.id() + ":" + l.version()));
        }
        if (media != null) {
            media.forEach(m -> parts.add(m.id() + ":" + m.version()));
        }
        if (annotations != null) {
            annotations.forEach(a -> parts.add(a.id() + ":" + a.version()));
        }
        return org.fonds.http.ETags.composite(version, parts);
    }

    DocumentView embedding(List<TextView> texts, List<ParticipantView> participants, List<LinkView> links,
            List<LinkView> linkedFrom, List<MediaView> media, List<AnnotationView> annotations) {
        return new DocumentView(id, kind, kindAsWritten, title, summary, referenceNumbers, classification, handling, languages, date,
                dateRange, dispatched, placeOfOriginId, source, rights, credits, subjectIds, collectionIds, visibility,
                embargoUntil, createdAt, updatedAt, version, texts, participants, links, linkedFrom, media, annotations);
    }
}
