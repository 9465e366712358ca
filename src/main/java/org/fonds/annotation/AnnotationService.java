package org.fonds.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.edtf.Edtf;
import org.fonds.edtf.EdtfDate;
import org.fonds.history.ResourceType;
import org.fonds.history.RevisionAction;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.resource.References;
import org.fonds.resource.VersionedService;
import org.fonds.shared.Timestamps;
import org.fonds.text.Text;
import org.fonds.text.TextChanged;
import org.fonds.text.TextService;

/**
 * Annotations: written through {@link VersionedService}, anchored to the texts of their document. A deleted annotation
 * answers 410 and leaves every list, embed and search; annotations that it reports keep the reference, so that
 * restoring it restores the relation.
 */
@ApplicationScoped
public class AnnotationService extends VersionedService<Annotation, AnnotationInput, AnnotationView> {

    private final AnnotationRepository annotations;
    private final TextService texts;

    public AnnotationService(AnnotationRepository annotations, TextService texts) {
        super(ResourceType.ANNOTATION, AnnotationInput.class, annotations, Annotation::new, AnnotationView::of);
        this.annotations = annotations;
        this.texts = texts;
    }

    public Page<AnnotationView> list(UUID documentId, AnnotationType type, UUID textId, String cursor, int limit) {
        access.requireVisible(documentId);
        String scope = String.join("|", "annotations", documentId.toString(), String.valueOf(type),
                String.valueOf(textId));
        return page(scope, cursor, limit, (after, n) -> annotations.page(documentId, type, textId, after, n),
                AnnotationView::of);
    }

    /** The views of annotations read elsewhere, with their targets (the one-statement embedding of a document). */
    public List<AnnotationView> views(List<Annotation> read) {
        return read.stream().map(AnnotationView::of).toList();
    }

    /** A new annotation of the document in the URL of its POST. */
    @Override
    protected Annotation newEntity(UUID documentId) {
        Annotation a = super.newEntity(documentId);
        a.documentId = documentId;
        return a;
    }

    @Override
    protected AnnotationInput toInput(Annotation a) {
        return AnnotationInput.of(AnnotationView.of(a));
    }

    /** A revision's state is a view; its writable fields are the input. */
    @Override
    protected AnnotationInput restoredInput(JsonNode state) {
        return AnnotationInput.of(revisions.input(state, AnnotationView.class));
    }

    @Override
    protected UUID documentOf(Annotation a) {
        return a.documentId;
    }

    /** The annotation, if the caller may change its document (known once it is loaded). */
    @Override
    protected Annotation findWritable(UUID owner, UUID id) {
        Annotation a = find(owner, id);
        access.requireWritable(a.documentId);
        return a;
    }


    /** The annotations the purged one reported lose the reference, as a change with its revision. */
    @Override
    protected void beforePurge(Annotation a) {
        List<Annotation> reported = annotations.list("reportedById", a.id);
        for (Annotation r : reported) {
            r.reportedById = null;
            r.updatedAt = Timestamps.now();
        }
        annotations.flush();
        reported.forEach(r -> recorded(r, RevisionAction.UPDATE));
    }

    /**
     * Re-locates the targets anchored to a text whose content changed (fired inside the transaction that saves
     * the text). A target whose words are found elsewhere becomes RELOCATED; one whose words no longer occur
     * becomes ORPHANED and keeps its offsets and quote. Every annotation whose targets change gets a new version.
     */
    void relocate(@Observes TextChanged changed) {
        OffsetDateTime now = Timestamps.now();
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

    /** A target as it will be stored: where it points and its status. */
    private record Located(UUID textId, Anchors.Anchor anchor, AnchorStatus status) {
    }

    @Override
    protected void apply(Annotation a, AnnotationInput input) {
        Violations violations = new Violations();
        checkDetails(input, violations);
        List<Located> located = locate(a, input.type(), input.targets(), violations);
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
        if (type == AnnotationType.PAGE_BREAK) {
            if (input.targets().size() != 1) {
                violations.add("targets", "a PAGE_BREAK has one target: the first words of the page");
            }
            PageBreak pageBreak = input.pageBreak();
            if (pageBreak != null && pageBreak.editionTitle() != null && pageBreak.edition() == null) {
                violations.add("page_break.edition_title", "only with page_break.edition (the original has none)");
            }
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
    private List<Located> locate(Annotation a, AnnotationType type, List<TargetInput> inputs, Violations violations) {
        List<Located> stored = a.targets.stream().filter(t -> t.textId != null)
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
            if (t.isPart() || t.textId() == null) {
                located.add(part(a, type, t, field, violations));
                continue;
            }
            if (t.participantId() != null) {
                violations.add(field + ".participant_id", "only with part SIGNATURE");
            }
            if (t.exact() == null) {
                violations.add(field + ".exact", "required with text_id");
                located.add(null);
                continue;
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

    /**
     * A target on a part of the document: no text, offsets, quote or occurrence; a participant only for a SIGNATURE,
     * and one of the same document; only notes and marginalia concern parts (the other types describe words).
     */
    private Located part(Annotation a, AnnotationType type, TargetInput t, String field, Violations violations) {
        if (t.part() == null) {
            violations.add(field + ".text_id", "required unless part is given");
            return null;
        }
        int before = violations.size();
        if (type != null && !type.targetsParts()) {
            violations.add(field + ".part", "a " + type + " concerns words of a text; only notes and marginalia "
                    + "concern a part of the document");
        }
        for (String[] given : new String[][] {{"text_id", str(t.textId())}, {"start", str(t.start())},
                {"end", str(t.end())}, {"exact", t.exact()}, {"prefix", t.prefix()}, {"suffix", t.suffix()},
                {"occurrence", str(t.occurrence())}}) {
            if (given[1] != null) {
                violations.add(field + "." + given[0], "not allowed with part: a part of the document has no text "
                        + "to point into");
            }
        }
        if (t.participantId() != null) {
            if (t.part() != DocumentPartName.SIGNATURE) {
                violations.add(field + ".participant_id", "only with part SIGNATURE");
            } else {
                // the view participant leaves out deleted participants and those of documents the caller cannot see
                List<?> documentIds = annotations.getEntityManager()
                        .createNativeQuery("SELECT CAST(p.document_id AS text) FROM participant p WHERE p.id = :id")
                        .setParameter("id", t.participantId()).getResultList();
                if (documentIds.isEmpty()) {
                    violations.add(field + ".participant_id", "no participant has the id " + t.participantId());
                } else if (!a.documentId.toString().equals(documentIds.get(0))) {
                    violations.add(field + ".participant_id", "is a participant of another document");
                }
            }
        }
        return violations.size() > before ? null : new Located(null, null, AnchorStatus.ANCHORED);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
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
            target.part = in.isPart() ? in.part() : null;
            target.participantId = in.isPart() ? in.participantId() : null;
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

    /**
     * Representation 2 (V18): a target may name a part of the document ({@code part}, {@code participant_id}), and
     * the PAGE_BREAK type has its {@code page_break} object; a state stored before had neither.
     */
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
        upgraded.putNull("page_break");
        if (upgraded.get("targets") instanceof com.fasterxml.jackson.databind.node.ArrayNode targets) {
            targets.forEach(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t).putNull("part")
                    .putNull("participant_id"));
        }
        return upgraded;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
