package org.fonds.document;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fonds.annotation.AnnotationService;
import org.fonds.date.Edtf;
import org.fonds.date.EdtfDate;
import org.fonds.link.LinkService;
import org.fonds.media.MediaService;
import org.fonds.participant.ParticipantService;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.SoftDelete;
import org.fonds.text.TextService;
import org.fonds.shared.ETags;
import org.fonds.shared.MergePatcher;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.References;
import org.fonds.shared.Timestamps;

import static org.fonds.shared.ProblemException.requireBody;

@ApplicationScoped
public class DocumentService implements Revisable {

    private final DocumentRepository documents;
    private final CursorCodec cursors;
    private final MergePatcher patcher;
    private final References references;
    private final TextService texts;
    private final ParticipantService participants;
    private final LinkService links;
    private final MediaService media;
    private final AnnotationService annotations;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction

    @Inject
    Validator validator;

    public DocumentService(DocumentRepository documents, CursorCodec cursors, MergePatcher patcher,
            References references, TextService texts, ParticipantService participants, LinkService links,
            MediaService media, AnnotationService annotations) {
        this.annotations = annotations;
        this.texts = texts;
        this.participants = participants;
        this.links = links;
        this.media = media;
        this.references = references;
        this.documents = documents;
        this.cursors = cursors;
        this.patcher = patcher;
    }

    @Transactional
    public DocumentView create(@Valid DocumentInput input) {
        requireBody(input);
        Document d = new Document();
        OffsetDateTime now = Timestamps.now();
        d.createdAt = now;
        apply(d, input, now);
        documents.persist(d);
        documents.flush();
        return recorded(d, RevisionAction.CREATE);
    }

    public DocumentView get(UUID id) {
        return DocumentView.of(find(id));
    }

    /** The document with the sub-resources named in {@code embeds}: one query per kind, whatever their number. */
    public DocumentView get(UUID id, Set<Embed> embeds) {
        DocumentView view = get(id);
        if (embeds.isEmpty()) {
            return view;
        }
        List<UUID> ids = List.of(id);
        return view.embedding(
                embeds.contains(Embed.TEXTS) ? texts.ofDocuments(ids) : null,
                embeds.contains(Embed.PARTICIPANTS) ? participants.ofDocuments(ids) : null,
                embeds.contains(Embed.LINKS) ? links.ofDocuments(ids) : null,
                embeds.contains(Embed.MEDIA) ? media.ofDocuments(ids) : null,
                embeds.contains(Embed.ANNOTATIONS) ? annotations.ofDocuments(ids) : null);
    }

    @Transactional
    public DocumentView replace(UUID id, String ifMatch, @Valid DocumentInput input) {
        requireBody(input);
        Document d = find(id);
        ETags.checkIfMatch(ifMatch, d.version);
        apply(d, input, Timestamps.now());
        documents.flush();
        return recorded(d, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public DocumentView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Document d = find(id);
        ETags.checkIfMatch(ifMatch, d.version);
        apply(d, patcher.apply(toInput(d), patch, DocumentInput.class), Timestamps.now());
        documents.flush();
        return recorded(d, RevisionAction.UPDATE);
    }

    /**
     * Soft deletion: the document answers 410 and leaves every list, search and count, and so do all its parts and
     * annotations (which keep their own state, so that restoring the document brings them back as they were).
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Document d = find(id);
        ETags.checkIfMatch(ifMatch, d.version);
        OffsetDateTime now = Timestamps.now();
        d.deletedAt = now;
        d.updatedAt = now;
        documents.flush();
        recorded(d, RevisionAction.DELETE);
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.DOCUMENT;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        DocumentInput input = revisions.input(state, DocumentInput.class);
        Set<ConstraintViolation<DocumentInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Document d = documents.findById(id);
        if (d == null) {
            throw ProblemException.notFound("document", id);
        }
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, d.version);
        }
        d.deletedAt = null;
        apply(d, input, Timestamps.now());
        documents.flush();
        return new Restored(recorded(d, RevisionAction.RESTORE), d.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Document d = documents.findById(id);
        if (d == null) {
            throw ProblemException.notFound("document", id);
        }
        ETags.checkIfMatch(ifMatch, d.version);
        references.delete(d, "document", id); // its parts and annotations go with it (ON DELETE CASCADE)
    }

    private DocumentView recorded(Document d, RevisionAction action) {
        DocumentView view = DocumentView.of(d);
        revisions.record(ResourceType.DOCUMENT, d.id, null, d.version, action, view);
        return view;
    }

    public Page<DocumentSummary> list(DocumentFilter filter, String cursor, int limit) {
        if (filter.dateFrom() != null && filter.dateTo() != null && filter.dateFrom().isAfter(filter.dateTo())) {
            throw ProblemException.invalidParameter("date_from", "must not be after date_to");
        }
        UUID after = cursors.afterId(filter.scope(), cursor);
        return cursors.page(filter.scope(), documents.page(filter, after, limit + 1), limit, d -> d.id,
                DocumentSummary::of);
    }

    private Document find(UUID id) {
        Document d = documents.findById(id);
        if (d == null) {
            throw ProblemException.notFound("document", id);
        }
        if (d.deletedAt != null) {
            throw SoftDelete.gone("document", id);
        }
        return d;
    }

    private void apply(Document d, DocumentInput input, OffsetDateTime now) {
        references.require(References.Table.PLACE, "place_of_origin_id", input.placeOfOriginId());
        references.requireAll(References.Table.SUBJECT, "subject_ids", input.subjectIds());
        references.requireAll(References.Table.COLLECTION, "collection_ids", input.collectionIds());
        d.kind = input.kind();
        d.title = input.title().strip();
        d.summary = input.summary();
        d.referenceNumbers = orEmpty(input.referenceNumbers());
        d.classification = input.classification();
        d.handling = input.handling();
        d.languages = orEmpty(input.languages());
        d.dateEdtf = input.date();
        EdtfDate parsed = input.date() == null ? null : Edtf.parse(input.date());
        d.dateEarliest = parsed == null ? null : parsed.earliest();
        d.dateLatest = parsed == null ? null : parsed.latest();
        d.dispatchedEdtf = input.dispatched();
        d.placeOfOriginId = input.placeOfOriginId();
        d.source = input.source();
        d.rights = input.rights();
        d.credits = orEmpty(input.credits());
        d.subjectIds = input.subjectIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(input.subjectIds());
        d.collectionIds = input.collectionIds() == null ? new LinkedHashSet<>()
                : new LinkedHashSet<>(input.collectionIds());
        d.updatedAt = now;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    private static DocumentInput toInput(Document d) {
        return new DocumentInput(d.kind, d.title, d.summary, d.referenceNumbers, d.classification, d.handling,
                d.languages, d.dateEdtf, d.dispatchedEdtf, d.placeOfOriginId, d.source, d.rights, d.credits,
                d.subjectIds, d.collectionIds);
    }
}
