package org.fonds.document;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.UUID;
import org.fonds.annotation.AnnotationService;
import org.fonds.annotation.AnnotationView;
import org.fonds.link.LinkView;
import org.fonds.media.MediaView;
import org.fonds.participant.ParticipantView;
import org.fonds.text.TextView;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.link.LinkService;
import org.fonds.media.MediaService;
import org.fonds.participant.ParticipantService;
import io.quarkus.security.ForbiddenException;
import java.time.LocalDate;
import org.fonds.access.Access;
import org.fonds.access.Role;
import org.fonds.access.Visibility;
import org.fonds.history.ResourceType;
import org.fonds.history.RevisionAction;
import org.fonds.text.TextService;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.QueryChecks;
import org.fonds.resource.References;
import org.fonds.resource.VersionedService;

/**
 * Documents: written through {@link VersionedService}, with their visibility rules (only editors publish, embargo or
 * restrict; contributors create and edit drafts) and read with their embedded parts in one statement.
 */
@ApplicationScoped
public class DocumentService extends VersionedService<Document, DocumentInput, DocumentView> {

    private final DocumentRepository documents;
    private final TextService texts;
    private final ParticipantService participants;
    private final LinkService links;
    private final MediaService media;
    private final AnnotationService annotations;
    private final DocumentReader reader;
    private final DocumentRows rows;
    private final DocumentCache cache;
    private final org.fonds.db.ChangeEpoch epochs;
    private final org.fonds.db.EpochCache<ListKey, Page<DocumentSummary>> lists;

    /** What a page of the document list depends on besides the data (which the change epoch stands for). */
    private record ListKey(DocumentFilter filter, String cursor, int limit) {
    }

    /**
     * {@code fonds.list-cache.max-entries}: pages of GET /documents kept per instance ({@link org.fonds.db.EpochCache},
     * never stale: every write of a document or a part bumps the change epoch); 0 turns it off.
     */
    public DocumentService(DocumentRepository documents, TextService texts, ParticipantService participants,
            LinkService links, MediaService media, AnnotationService annotations, DocumentReader reader,
            DocumentRows rows, DocumentCache cache, org.fonds.db.ChangeEpoch epochs,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "fonds.list-cache.max-entries")
            long listCacheEntries) {
        super(ResourceType.DOCUMENT, DocumentInput.class, documents, Document::new, DocumentView::of);
        this.reader = reader;
        this.rows = rows;
        this.cache = cache;
        this.epochs = epochs;
        this.lists = new org.fonds.db.EpochCache<>(listCacheEntries);
        this.annotations = annotations;
        this.texts = texts;
        this.participants = participants;
        this.links = links;
        this.media = media;
        this.documents = documents;
    }

    /**
     * Soft deletion, by editors only (a contributor may change a draft): the document answers 410 and leaves every
     * list, search and count, and so do all its parts and annotations, which keep their own state so that restoring
     * the document brings them back as they were.
     */
    @Override
    protected Role deleteRole() {
        return Role.EDITOR;
    }

    /** A GET of the document's URL: with the sub-resources its {@code embed} parameter names (400 when unknown). */
    @Override
    public DocumentView read(UUID owner, UUID id, MultivaluedMap<String, String> query) {
        return get(id, Embed.parse(query.getFirst("embed")));
    }

    /** A GET of the document's URL, from the cache of rendered documents ({@link DocumentCache}) when it may. */
    @Override
    public jakarta.ws.rs.core.Response respond(UUID owner, UUID id, jakarta.ws.rs.core.Request request,
            MultivaluedMap<String, String> query) {
        Set<Embed> embeds = Embed.parse(query.getFirst("embed"));
        return cache.respond(request, id, embeds, () -> get(id, embeds))
                .orElseGet(() -> super.respond(owner, id, request, query)); // 404 or 410
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
            find(null, id); // 404 when unknown or invisible, 410 when deleted
            throw ProblemException.notFound("document", id);
        });
        return DocumentView.of(read.document).embedding(
                read.texts == null ? null : texts.views(read.texts),
                read.participants == null ? null : participants.views(read.participants),
                read.links == null ? null : links.views(read.links),
                read.linkedFrom == null ? null : links.views(read.linkedFrom),
                read.media == null ? null : media.views(read.media),
                read.annotations == null ? null : annotations.views(read.annotations));
    }

    /**
     * The ids of the documents {@code filter} selects after {@code after} (in id order, at most {@code limit}) that
     * the caller sees: the NDJSON export's batches (org.fonds.bulk), read with {@link #embedded}.
     */
    public List<UUID> pageIds(DocumentFilter filter, UUID after, int limit) {
        return documents.pageIds(filter, after, limit);
    }

    /**
     * The documents with these ids that the caller sees, in id order, each with everything it embeds (as GET
     * /documents/{id}?embed=all): a statement per kind of part for them all ({@link DocumentRows}), mapped by the
     * same views as every read; not the one JSON statement per document of {@link #get(UUID, Set)}, whose building
     * and parsing cost the export more than half its CPU.
     */
    public List<DocumentView> embedded(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        DocumentRows.Batch read = rows.read(ids);
        Map<UUID, List<TextView>> t = byDocument(texts.views(read.texts()), TextView::documentId);
        Map<UUID, List<ParticipantView>> p = byDocument(participants.views(read.participants()),
                ParticipantView::documentId);
        Map<UUID, List<LinkView>> l = byDocument(links.views(read.links()), LinkView::documentId);
        Map<UUID, List<LinkView>> from = byDocument(links.views(read.linkedFrom()), LinkView::targetDocumentId);
        Map<UUID, List<MediaView>> m = byDocument(media.views(read.media()), MediaView::documentId);
        Map<UUID, List<AnnotationView>> a = byDocument(annotations.views(read.annotations()),
                AnnotationView::documentId);
        return read.documents().stream().map(d -> DocumentView.of(d).embedding(t.getOrDefault(d.id, List.of()),
                p.getOrDefault(d.id, List.of()), l.getOrDefault(d.id, List.of()), from.getOrDefault(d.id, List.of()),
                m.getOrDefault(d.id, List.of()), a.getOrDefault(d.id, List.of()))).toList();
    }

    /** The views by their document, each document's in the order read. */
    private static <V> Map<UUID, List<V>> byDocument(List<V> views, java.util.function.Function<V, UUID> document) {
        Map<UUID, List<V>> by = new java.util.HashMap<>();
        for (V v : views) {
            by.computeIfAbsent(document.apply(v), k -> new java.util.ArrayList<>()).add(v);
        }
        return by;
    }

    public Page<DocumentSummary> list(DocumentFilter filter, String cursor, int limit) {
        QueryChecks.requireOrdered("date_from", filter.dateFrom(), "date_to", filter.dateTo());
        QueryChecks.requireLanguageTag("language", filter.language());
        // the epoch first, then the page: an entry is never cached under an epoch later than what it shows
        return lists.get(epochs.current(), new ListKey(filter, cursor, limit), () -> page(filter.scope(), cursor,
                limit, (after, n) -> documents.page(filter, after, n), DocumentSummary::of));
    }

    /** The document list's cache, for tests: how many pages it answered. */
    public long listCacheHits() {
        return lists.hits();
    }

    /** Creating needs a contributor at least (who creates drafts). */
    @Override
    protected void checkWritable(UUID owner) {
        access.require(Role.CONTRIBUTOR);
    }

    /** The document, if the caller may change it (404, 401 or 403 otherwise: see Access.requireWritable). */
    @Override
    protected Document findWritable(UUID owner, UUID id) {
        access.requireWritable(id);
        return find(owner, id);
    }


    /**
     * The visibility is set on create (DRAFT unless given), changed by a replace or patch that names it (an omitted
     * one keeps the current one, with its embargo day), and kept by a restore.
     */
    @Override
    protected void apply(Document d, DocumentInput input, RevisionAction action) {
        if (action == RevisionAction.CREATE) {
            visibility(d, input.visibility() == null ? Visibility.DRAFT : input.visibility(), input.embargoUntil());
        } else if (action == RevisionAction.UPDATE) {
            visibility(d, input.visibility() == null ? d.visibility : input.visibility(),
                    input.visibility() == null && input.embargoUntil() == null ? d.embargoUntil : input.embargoUntil());
        }
        apply(d, input);
    }

    /** Another visibility than EMBARGOED, and no embargo date in the patch: the old date goes with the embargo. */
    @Override
    protected DocumentInput patched(Document d, DocumentInput merged, JsonNode patch) {
        Visibility visibility = merged.visibility() == null ? d.visibility : merged.visibility();
        return visibility != Visibility.EMBARGOED && !patch.has("embargo_until") ? merged.withoutEmbargo() : merged;
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

    @Override
    protected void apply(Document d, DocumentInput input) {
        references.require(References.Table.PLACE, "place_of_origin_id", input.placeOfOriginId());
        references.requireAll(References.Table.SUBJECT, "subject_ids", input.subjectIds());
        references.requireAll(References.Table.COLLECTION, "collection_ids", input.collectionIds());
        d.kind = input.kind();
        d.kindAsWritten = input.kindAsWritten() == null || input.kindAsWritten().isBlank() ? null
                : input.kindAsWritten().strip();
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
    }

    /** Representation 2 added {@code kind_as_written} (V18); a state stored before it had none. */
    @Override
    public int representation() {
        return 2;
    }

    @Override
    public JsonNode upgrade(int from, JsonNode state) {
        if (from != 1) {
            return super.upgrade(from, state);
        }
        com.fasterxml.jackson.databind.node.ObjectNode upgraded = state.deepCopy();
        upgraded.putNull("kind_as_written");
        return upgraded;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    @Override
    protected DocumentInput toInput(Document d) {
        return new DocumentInput(d.kind, d.kindAsWritten, d.title, d.summary, d.referenceNumbers, d.classification, d.handling,
                d.languages, d.dateEdtf, d.dispatchedEdtf, d.placeOfOriginId, d.source, d.rights, d.credits,
                d.subjectIds, d.collectionIds, d.visibility, d.embargoUntil);
    }
}
