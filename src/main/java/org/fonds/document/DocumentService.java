package org.fonds.document;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fonds.annotation.AnnotationService;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.link.LinkService;
import org.fonds.media.MediaService;
import org.fonds.participant.ParticipantService;
import io.quarkus.security.ForbiddenException;
import java.time.LocalDate;
import org.fonds.access.Access;
import org.fonds.http.CursorCodec;
import org.fonds.access.Role;
import org.fonds.access.Visibility;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;
import org.fonds.text.TextService;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.resource.References;
import org.fonds.shared.Timestamps;

import static org.fonds.http.ProblemException.requireBody;

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
    private final Access access;
    private final DocumentReader reader;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction

    public DocumentService(DocumentRepository documents, CursorCodec cursors, MergePatcher patcher,
            References references, TextService texts, ParticipantService participants, LinkService links,
            MediaService media, AnnotationService annotations, Access access, DocumentReader reader) {
        this.access = access;
        this.reader = reader;
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
        access.require(Role.CONTRIBUTOR);
        Document d = new Document();
        OffsetDateTime now = Timestamps.now();
        d.createdAt = now;
        visibility(d, input.visibility() == null ? Visibility.DRAFT : input.visibility(), input.embargoUntil());
        apply(d, input, now);
        documents.persist(d);
        documents.flush();
        return recorded(d, RevisionAction.CREATE);
    }

    public DocumentView get(UUID id) {
        return DocumentView.of(find(id));
    }

    /**
     * The document with the sub-resources named in {@code embeds}: one statement, whatever their number
     * ({@link DocumentReader}), mapped by each feature's own view.
     */
    public DocumentView get(UUID id, Set<Embed> embeds) {
        if (embeds.isEmpty()) {
            return get(id);
        }
        DocumentReader.Read read = reader.read(id, embeds).orElseGet(() -> {
            find(id); // 404 when unknown or invisible, 410 when deleted
            throw ProblemException.notFound("document", id);
        });
        return DocumentView.of(read.document).embedding(
                read.texts == null ? null : texts.views(read.texts),
                read.participants == null ? null : participants.views(read.participants),
                read.links == null ? null : links.views(read.links),
                read.media == null ? null : media.views(read.media),
                read.annotations == null ? null : annotations.views(read.annotations));
    }

    @Transactional
    public DocumentView replace(UUID id, String ifMatch, @Valid DocumentInput input) {
        requireBody(input);
        Document d = findWritable(id);
        ETags.checkIfMatch(ifMatch, d.version);
        visibility(d, input.visibility() == null ? d.visibility : input.visibility(),
                input.visibility() == null && input.embargoUntil() == null ? d.embargoUntil : input.embargoUntil());
        apply(d, input, Timestamps.now());
        documents.flush();
        return recorded(d, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public DocumentView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Document d = findWritable(id);
        ETags.checkIfMatch(ifMatch, d.version);
        DocumentInput merged = patcher.apply(toInput(d), patch, DocumentInput.class);
        Visibility visibility = merged.visibility() == null ? d.visibility : merged.visibility();
        // another visibility than EMBARGOED, and no embargo date in the patch: the old date goes with the embargo
        boolean dropEmbargo = visibility != Visibility.EMBARGOED && !patch.has("embargo_until");
        visibility(d, visibility, dropEmbargo ? null : merged.embargoUntil());
        apply(d, merged, Timestamps.now());
        documents.flush();
        return recorded(d, RevisionAction.UPDATE);
    }

    /**
     * Soft deletion: the document answers 410 and leaves every list, search and count, and so do all its parts and
     * annotations (which keep their own state, so that restoring the document brings them back as they were).
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        access.require(Role.EDITOR);
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
        DocumentInput input = revisions.valid(revisions.input(state, DocumentInput.class));
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

    /** The document, if the caller may see it: 404 otherwise, so that its existence does not leak. */
    private Document find(UUID id) {
        Document d = documents.findVisible(id);
        if (d == null) {
            access.requireVisible(id); // 410 when the document is deleted
            throw ProblemException.notFound("document", id);
        }
        if (d.deletedAt != null) {
            throw ProblemException.gone("document", id);
        }
        return d;
    }

    /** The document, if the caller may change it (404, 401 or 403 otherwise: see Access.requireWritable). */
    private Document findWritable(UUID id) {
        access.requireWritable(id);
        return find(id);
    }

    /**
     * Sets who may see the document: anything but DRAFT, or a change of it, needs an editor; an embargo needs its
     * day, and only an embargo has one.
     */
    private void visibility(Document d, Visibility visibility, LocalDate embargoUntil) {
        boolean changed = visibility != d.visibility || !java.util.Objects.equals(embargoUntil, d.embargoUntil);
        if (changed && (visibility != Visibility.DRAFT || d.id != null) && !access.role().atLeast(Role.EDITOR)) {
            throw new ForbiddenException("Only editors may publish, embargo or restrict a document, or change its "
                    + "visibility; contributors create and edit DRAFT documents.");
        }
        if (visibility == Visibility.EMBARGOED && embargoUntil == null) {
            throw ProblemException.invalidField("embargo_until", "required when visibility is EMBARGOED");
        }
        if (visibility != Visibility.EMBARGOED && embargoUntil != null) {
            throw ProblemException.invalidField("embargo_until", "only allowed when visibility is EMBARGOED");
        }
        d.visibility = visibility;
        d.embargoUntil = embargoUntil;
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
                d.subjectIds, d.collectionIds, d.visibility, d.embargoUntil);
    }
}
