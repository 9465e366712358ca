package org.fonds.text;

import org.fonds.fixity.FixityChecked;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.Restored;
import org.fonds.history.ResourceType;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.resource.DocumentPartService;
import org.fonds.resource.References;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;

@ApplicationScoped
public class TextService extends DocumentPartService<Text, TextInput, TextView> implements FixityChecked {

    private final TextRepository texts;
    private final Event<TextChanged> changed;

    public TextService(TextRepository texts, Event<TextChanged> changed) {
        super(ResourceType.TEXT, TextInput.class, texts, Text::new, TextView::of);
        this.texts = texts;
        this.changed = changed;
    }

    /**
     * What a text's fixity digest covers: every stored field a reader sees except the timestamps and version, the
     * sections exactly as stored (headings, paragraphs, their lines separated by \n) and the derived content.
     */
    @Override
    protected Map<String, Object> fixityFields(Text t) {
        return canonicalFields(t);
    }

    /** {@link #fixityFields}, for code that writes texts without the service (the benchmark's bulk loader). */
    public static Map<String, Object> canonicalFields(Text t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("document_id", t.documentId.toString());
        fields.put("role", t.role.name());
        fields.put("language", t.language);
        fields.put("translator_name", t.translatorName);
        fields.put("translator_agent_id", t.translatorAgentId == null ? null : t.translatorAgentId.toString());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : t.sections) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("heading", s.heading());
            section.put("paragraphs", s.paragraphs());
            sections.add(section);
        }
        fields.put("sections", sections);
        fields.put("content", t.content);
        return fields;
    }

    public ParagraphView paragraph(UUID documentId, UUID textId, int number) {
        Text t = find(documentId, textId);
        List<Paragraphs.Located> paragraphs = Paragraphs.layout(t.sections).paragraphs();
        if (number < 1 || number > paragraphs.size()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The text " + textId + " has " + paragraphs.size()
                    + " paragraphs; there is no paragraph " + number + ".");
        }
        return ParagraphView.of(t, paragraphs.get(number - 1));
    }

    /** Replaces the text; what is anchored to it is re-located by the observers of {@link TextChanged}. */
    @Override
    @Transactional
    public TextView replace(UUID documentId, UUID textId, String ifMatch, TextInput input) {
        String before = texts.findByIdOptional(textId).map(t -> t.content).orElse(null);
        TextView view = super.replace(documentId, textId, ifMatch, input);
        if (before != null && !before.equals(view.content())) {
            changed.fire(new TextChanged(textId, before, view.content()));
        }
        return view;
    }

    /** Restores a revision; what is anchored to the text is re-located as after a PUT. */
    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID textId, String ifMatch, JsonNode state) {
        String before = texts.findByIdOptional(textId).map(t -> t.content).orElse(null);
        Restored restored = super.restore(documentId, textId, ifMatch, state);
        String after = ((TextView) restored.view()).content();
        if (before != null && !before.equals(after)) {
            changed.fire(new TextChanged(textId, before, after));
        }
        return restored;
    }

    /** Refused (409) while live annotations are anchored to the text: they would be left pointing at nothing. */
    @Override
    protected void beforeDelete(Text text) {
        refuseWhileAnchored(text.id, true);
    }

    /** Purging is refused (409) while any annotation, even a deleted one, is anchored to the text. */
    @Override
    @Transactional
    public void purge(UUID documentId, UUID textId, String ifMatch) {
        refuseWhileAnchored(textId, false);
        super.purge(documentId, textId, ifMatch);
    }

    private void refuseWhileAnchored(UUID textId, boolean liveOnly) {
        Number anchored = (Number) texts.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM annotation_target t JOIN annotation a ON a.id = t.annotation_id "
                        + "WHERE t.text_id = :text") // a purge also sees deleted annotations (history's narrow path)
                .setParameter("text", textId)
                .getSingleResult();
        if (anchored.longValue() > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "The text " + textId + " cannot be "
                    + (liveOnly ? "deleted" : "purged") + " while " + anchored + " annotation targets"
                    + (liveOnly ? "" : " (of live or deleted annotations)") + " are anchored to it. "
                    + (liveOnly ? "Delete or re-anchor those annotations first." : "Purge them first."));
        }
    }

    /** The live text for other features (annotations validate their anchors against its content). */
    public Text require(UUID textId) {
        return texts.findByIdOptional(textId).filter(t -> t.deletedAt == null)
                .orElseThrow(() -> ProblemException.notFound("text", textId));
    }

    @Override
    protected void apply(Text t, TextInput input) {
        references.require(References.Table.AGENT, "translator_agent_id", input.translatorAgentId());
        t.role = input.role();
        t.language = input.language();
        t.translatorName = input.translatorName();
        t.translatorAgentId = input.translatorAgentId();
        t.sections = new ArrayList<>(input.sections());
        t.content = Paragraphs.layout(t.sections).content();
    }

    @Override
    public int order() {
        return 1;
    }
}
