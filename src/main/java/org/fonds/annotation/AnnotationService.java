package org.fonds.annotation;

import static org.fonds.http.ProblemException.requireBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.access.Access;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.JsonProblems;
import org.fonds.http.MergePatch;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import org.fonds.resource.References;
import org.fonds.text.Text;
import org.fonds.text.TextChanged;
import org.fonds.text.TextService;

@ApplicationScoped
public class AnnotationService implements Revisable {

    private final AnnotationRepository annotations;
    private final TextService texts;
    private final References references;
    private final CursorCodec cursors;
    private final ObjectMapper json;
    private final Validator validator;
    private final Access access;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction

    public AnnotationService(AnnotationRepository annotations, TextService texts, References references,
            CursorCodec cursors, ObjectMapper json, Validator validator, Access access) {
        this.access = access;
        this.annotations = annotations;
        this.texts = texts;
        this.references = references;
        this.cursors = cursors;
        this.json = json;
        this.validator = validator;
    }

    @Transactional
    public AnnotationView create(UUID documentId, @Valid AnnotationInput input) {
        requireBody(input);
        access.requireWritable(documentId);
        Annotation a = new Annotation();
        a.documentId = documentId;
        a.createdAt = now();
        apply(a, input);
        annotations.persist(a);
        annotations.flush();
        return recorded(a, RevisionAction.CREATE);
    }

    public AnnotationView get(UUID id) {
        return AnnotationView.of(find(id));
    }

    public Page<AnnotationView> list(UUID documentId, AnnotationType type, UUID textId, String cursor, int limit) {
        access.requireVisible(documentId);
        String scope = String.join("|", "annotations", documentId.toString(), String.valueOf(type),
                String.valueOf(textId));
        List<Annotation> rows = annotations.page(documentId, type, textId, cursors.afterId(scope, cursor), limit + 1);
        return cursors.page(scope, rows, limit, a -> a.id, AnnotationView::of);
    }

    /** The views of annotations read elsewhere, with their targets (the one-statement embedding of a document). */
    public List<AnnotationView> views(List<Annotation> read) {
        return read.stream().map(AnnotationView::of).toList();
    }

    /** The annotations of several documents, with their targets, in a fixed number of queries (for embedding). */
    public List<AnnotationView> ofDocuments(java.util.Collection<UUID> documentIds) {
        return annotations.list("documentId in ?1 order by documentId, id", documentIds).stream()
                .map(AnnotationView::of).toList();
    }

    @Transactional
    public AnnotationView replace(UUID id, String ifMatch, @Valid AnnotationInput input) {
        requireBody(input);
        Annotation a = findWritable(id);
        ETags.checkIfMatch(ifMatch, a.version);
        apply(a, input);
        annotations.flush();
        return recorded(a, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public AnnotationView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Annotation a = findWritable(id);
        ETags.checkIfMatch(ifMatch, a.version);
        if (!patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A merge patch must be a JSON object.");
        }
        AnnotationInput merged;
        try {
            merged = json.treeToValue(MergePatch.apply(json.valueToTree(AnnotationInput.of(AnnotationView.of(a))),
                    patch), AnnotationInput.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        Set<ConstraintViolation<AnnotationInput>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        apply(a, merged);
        annotations.flush();
        return recorded(a, RevisionAction.UPDATE);
    }

    /**
     * Soft deletion: the annotation answers 410 and leaves every list, embed and search. Annotations that it
     * reports keep the reference, so that restoring it restores the relation.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Annotation a = findWritable(id);
        ETags.checkIfMatch(ifMatch, a.version);
        a.deletedAt = now();
        a.updatedAt = a.deletedAt;
        annotations.flush();
        recorded(a, RevisionAction.DELETE);
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.ANNOTATION;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        AnnotationInput input = revisions.valid(AnnotationInput.of(revisions.input(state, AnnotationView.class)));
        Annotation a = findDeletedOrNot(id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, a.version);
        }
        a.deletedAt = null;
        apply(a, input);
        annotations.flush();
        return new Restored(recorded(a, RevisionAction.RESTORE), a.version);
    }

    /** Removes the annotation; the annotations it reported lose the reference, as a change with its revision. */
    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Annotation a = findDeletedOrNot(id);
        ETags.checkIfMatch(ifMatch, a.version);
        List<Annotation> reported = annotations.list("reportedById", id);
        for (Annotation r : reported) {
            r.reportedById = null;
            r.updatedAt = now();
        }
        annotations.flush();
        reported.forEach(r -> recorded(r, RevisionAction.UPDATE));
        references.delete(a, "annotation", id);
    }

    private AnnotationView recorded(Annotation a, RevisionAction action) {
        AnnotationView view = AnnotationView.of(a);
        revisions.record(ResourceType.ANNOTATION, a.id, a.documentId, a.version, action, view);
        return view;
    }

    /**
     * Re-locates the targets anchored to a text whose content changed (fired inside the transaction that saves
     * the text). A target whose words are found elsewhere becomes RELOCATED; one whose words no longer occur
     * becomes ORPHANED and keeps its offsets and quote. Every annotation whose targets change gets a new version.
     */
    void relocate(@Observes TextChanged changed) {
        OffsetDateTime now = now();
        Anchors.Edit edit = Anchors.Edit.of(changed.oldContent(), changed.newContent());
        boolean any = false;
        for (AnnotationTarget t : annotations.targetsOf(changed.textId())) {
            boolean orphaned = t.status == AnchorStatus.ORPHANED;
            Anchors.Anchor before = t.anchor();
            Anchors.Anchor after = Anchors.relocate(before, !orphaned, edit);
            AnchorStatus status = after == null ? AnchorStatus.ORPHANED
                    : orphaned || after.start() != before.start() ? AnchorStatus.RELOCATED : t.status;
            if (after != null) {
                t.anchor(after);
            }
            if (status != t.status || !before.equals(t.anchor())) {
                t.status = status;
                t.annotation.updatedAt = now; // a change of the annotation: Hibernate increments its version
                any = true;
            }
        }
        if (any) {
            annotations.flush(); // a concurrent change of an annotation fails the text's write now, not at commit
            for (AnnotationTarget t : annotations.targetsOf(changed.textId())) {
                recorded(t.annotation, RevisionAction.UPDATE); // unchanged versions record nothing
            }
        }
    }

    /** The annotation, if the caller may see its document (404 otherwise, as if it did not exist); 410 when it or its document is deleted. */
    private Annotation find(UUID id) {
        Annotation a = findDeletedOrNot(id);
        if (a.deletedAt != null) {
            throw ProblemException.gone("annotation", id);
        }
        return a;
    }

    private Annotation findDeletedOrNot(UUID id) {
        Annotation a = annotations.findById(id);
        if (a == null) {
            references.requireFound(References.Table.ANNOTATION, id); // 410 when it or its document is deleted
            throw ProblemException.notFound("annotation", id);
        }
        return a;
    }

    /** The annotation, if the caller may change its document (see Access.requireWritable). */
    private Annotation findWritable(UUID id) {
        Annotation a = find(id);
        access.requireWritable(a.documentId);
        return a;
    }

    /** A target as it will be stored: where it points and its status. */
    private record Located(UUID textId, Anchors.Anchor anchor, AnchorStatus status) {
    }

    private void apply(Annotation a, AnnotationInput input) {
        Violations violations = new Violations();
        checkDetails(input, violations);
        List<Located> located = locate(a, input.targets(), violations);
        violations.throwIfAny();
        checkReferences(a, input);

        a.type = input.type();
        a.body = AnnotationBody.of(input);
        Mention mention = input.mention();
        a.agentId = mention == null ? null : mention.agentId();
        a.placeId = mention == null ? null : mention.placeId();
        a.dateEdtf = mention == null ? null : mention.date();
        EdtfDate date = a.dateEdtf == null ? null : Edtf.parse(a.dateEdtf);
        a.dateEarliest = date == null ? null : date.earliest();
        a.dateLatest = date == null ? null : date.latest();
        a.reportedById = input.marginalia() == null ? null : input.marginalia().reportedById();
        writeTargets(a, input.targets(), located);
        a.updatedAt = now();
    }

    /** The type-specific object of the type and no other; what each of them requires beyond its own fields. */
    private static void checkDetails(AnnotationInput input, Violations violations) {
        AnnotationType type = input.type();
        for (AnnotationType other : AnnotationType.values()) {
            if (other.detailsField() == null) {
                continue;
            }
            boolean given = input.details(other) != null;
            if (other == type && !given) {
                violations.add(other.detailsField(), "required when type is " + type);
            } else if (other != type && given) {
                violations.add(other.detailsField(), "only allowed when type is " + other + "; this annotation is a "
                        + type);
            }
        }
        if (type.isNote() && (input.noteText() == null || input.noteText().isBlank())) {
            violations.add("note_text", "required when type is " + type);
        }
        if (type == AnnotationType.MENTION && input.mention() != null && input.mention().linkCount() != 1) {
            violations.add("mention", "must link exactly one of agent_id, place_id and date");
        }
        if (type == AnnotationType.MARGINALIA && input.marginalia() != null) {
            checkMarginalia(input.marginalia(), input.targets(), violations);
        }
    }

    private static void checkMarginalia(Marginalia m, List<TargetInput> targets, Violations violations) {
        Marginalia.Transcription transcription = m.transcription();
        if (transcription != null) {
            int length = transcription.text().length();
            List<Marginalia.Uncertain> uncertain = orEmpty(transcription.uncertain());
            for (int i = 0; i < uncertain.size(); i++) {
                Marginalia.Uncertain u = uncertain.get(i);
                String field = "marginalia.transcription.uncertain[" + i + "]";
                if (u.end() <= u.start()) {
                    violations.add(field + ".end", "must be greater than start (" + u.start() + ")");
                } else if (u.end() > length) {
                    violations.add(field + ".end", "must be at most the length of the transcription (" + length + ")");
                }
            }
            List<Marginalia.TranscriptionGap> gaps = orEmpty(transcription.gaps());
            for (int i = 0; i < gaps.size(); i++) {
                if (gaps.get(i).after() > length) {
                    violations.add("marginalia.transcription.gaps[" + i + "].after",
                            "must be at most the length of the transcription (" + length + ")");
                }
            }
        }
        boolean drawn = m.connector() == Marginalia.Connector.LINE || m.connector() == Marginalia.Connector.ARROW;
        if (drawn && targets.stream().allMatch(t -> t.lineStart() == null)) {
            violations.add("marginalia.connector", "a " + m.connector() + " points at lines: give line_start (and "
                    + "line_end) on the target it points at");
        }
    }

    /**
     * Where each target will point. A target that repeats a stored one (same text, offsets and quote, as a merge
     * patch of other fields sends it back) keeps its anchor and status without being checked again, so that an
     * ORPHANED target does not block an edit; every other target is checked against its text's current content.
     */
    private List<Located> locate(Annotation a, List<TargetInput> inputs, Violations violations) {
        List<Located> stored = a.targets.stream()
                .map(t -> new Located(t.textId, t.anchor(), t.status)).toList();
        Map<UUID, Text> textsById = new HashMap<>();
        List<Located> located = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TargetInput t = inputs.get(i);
            String field = "targets[" + i + "]";
            if (t.lineEnd() != null && (t.lineStart() == null || t.lineEnd() < t.lineStart())) {
                violations.add(field + ".line_end", t.lineStart() == null ? "needs line_start"
                        : "must not be less than line_start (" + t.lineStart() + ")");
            }
            Located same = stored.stream().filter(s -> repeats(t, s)).findFirst().orElse(null);
            if (same != null) {
                located.add(same);
                continue;
            }
            Text text = textsById.computeIfAbsent(t.textId(), id -> {
                references.require(References.Table.TEXT, field + ".text_id", id);
                return texts.require(id);
            });
            if (!text.documentId.equals(a.documentId)) {
                // without that document's id: the caller may not be allowed to see it
                violations.add(field + ".text_id", "is a text of another document");
                located.add(null);
                continue;
            }
            Anchors.Anchor anchor = Anchors.resolve(text.content, t, field, violations);
            located.add(anchor == null ? null : new Located(t.textId(), anchor, AnchorStatus.ANCHORED));
        }
        return located;
    }

    private static boolean repeats(TargetInput t, Located s) {
        Anchors.Anchor anchor = s.anchor();
        return t.textId().equals(s.textId()) && t.occurrence() == null && t.start() != null
                && t.start() == anchor.start() && t.end() != null && t.end() == anchor.end()
                && t.exact().equals(anchor.exact())
                && (t.prefix() == null || t.prefix().equals(anchor.prefix()))
                && (t.suffix() == null || t.suffix().equals(anchor.suffix()));
    }

    private void checkReferences(Annotation a, AnnotationInput input) {
        Mention mention = input.mention();
        if (mention != null) {
            references.require(References.Table.AGENT, "mention.agent_id", mention.agentId());
            references.require(References.Table.PLACE, "mention.place_id", mention.placeId());
        }
        Marginalia marginalia = input.marginalia();
        if (marginalia == null) {
            return;
        }
        if (marginalia.hand() != null) {
            references.require(References.Table.AGENT, "marginalia.hand.agent_id", marginalia.hand().agentId());
        }
        UUID reporterId = marginalia.reportedById();
        if (reporterId != null) {
            String field = "marginalia.reported_by_id";
            if (reporterId.equals(a.id)) {
                throw ProblemException.invalidField(field, "an annotation cannot report itself");
            }
            Annotation reporter = annotations.findById(reporterId);
            if (reporter == null || reporter.deletedAt != null) {
                throw ProblemException.invalidField(field, "no annotation has the id " + reporterId);
            }
            if (!reporter.documentId.equals(a.documentId)) {
                throw ProblemException.invalidField(field, "is an annotation of another document");
            }
        }
    }

    /** Updates the target rows in place by position, adds the new ones and removes the surplus. */
    private static void writeTargets(Annotation a, List<TargetInput> inputs, List<Located> located) {
        for (int i = 0; i < inputs.size(); i++) {
            AnnotationTarget target;
            if (i < a.targets.size()) {
                target = a.targets.get(i);
            } else {
                target = new AnnotationTarget();
                target.annotation = a;
                target.position = i;
                a.targets.add(target);
            }
            TargetInput in = inputs.get(i);
            Located where = located.get(i);
            target.textId = where.textId();
            target.anchor(where.anchor());
            target.status = where.status();
            target.page = in.page();
            target.lineStart = in.lineStart();
            target.lineEnd = in.lineEnd();
            target.margin = in.margin();
            target.region = in.region();
        }
        while (a.targets.size() > inputs.size()) {
            a.targets.remove(a.targets.size() - 1);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
