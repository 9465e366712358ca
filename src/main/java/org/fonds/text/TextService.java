package org.fonds.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.References;

import static org.fonds.shared.ProblemException.requireBody;

@ApplicationScoped
public class TextService {

    private final TextRepository texts;
    private final References references;
    private final CursorCodec cursors;
    private final Event<TextChanged> changed;

    public TextService(TextRepository texts, References references, CursorCodec cursors, Event<TextChanged> changed) {
        this.texts = texts;
        this.references = references;
        this.cursors = cursors;
        this.changed = changed;
    }

    @Transactional
    public TextView create(UUID documentId, @Valid TextInput input) {
        requireBody(input);
        references.requireFound(References.Table.DOCUMENT, documentId);
        Text t = new Text();
        t.documentId = documentId;
        t.createdAt = now();
        apply(t, input);
        texts.persist(t);
        texts.flush();
        return TextView.of(t);
    }

    public TextView get(UUID documentId, UUID textId) {
        return TextView.of(find(documentId, textId));
    }

    public Page<TextView> list(UUID documentId, String cursor, int limit) {
        references.requireFound(References.Table.DOCUMENT, documentId);
        String scope = "texts|" + documentId;
        UUID after = cursors.afterId(scope, cursor);
        List<Text> rows = (after == null ? texts.find("documentId = ?1 order by id", documentId)
                : texts.find("documentId = ?1 and id > ?2 order by id", documentId, after)).page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, t -> List.of(t.id.toString()), TextView::of);
    }

    public ParagraphView paragraph(UUID documentId, UUID textId, int number) {
        Text t = find(documentId, textId);
        List<Paragraphs.Located> paragraphs = Paragraphs.layout(t.sections).paragraphs();
        if (number < 1 || number > paragraphs.size()) {
            throw new ProblemException(org.fonds.shared.ProblemType.NOT_FOUND, "The text " + textId + " has "
                    + paragraphs.size() + " paragraphs; there is no paragraph " + number + ".");
        }
        return ParagraphView.of(t, paragraphs.get(number - 1));
    }

    /** Replaces the text; what is anchored to it is re-located by the observers of {@link TextChanged}. */
    @Transactional
    public TextView replace(UUID documentId, UUID textId, String ifMatch, @Valid TextInput input) {
        requireBody(input);
        Text t = find(documentId, textId);
        ETags.checkIfMatch(ifMatch, t.version);
        String before = t.content;
        apply(t, input);
        texts.flush();
        if (!before.equals(t.content)) {
            changed.fire(new TextChanged(t.id, before, t.content));
        }
        return TextView.of(t);
    }

    @Transactional
    public void delete(UUID documentId, UUID textId, String ifMatch) {
        Text t = find(documentId, textId);
        ETags.checkIfMatch(ifMatch, t.version);
        texts.delete(t);
    }

    /** The text for other features (annotations validate their anchors against its content). */
    public Text require(UUID textId) {
        Text t = texts.findById(textId);
        if (t == null) {
            throw ProblemException.notFound("text", textId);
        }
        return t;
    }

    public List<TextView> ofDocuments(List<UUID> documentIds) {
        return texts.ofDocuments(documentIds).stream().map(TextView::of).toList();
    }

    private Text find(UUID documentId, UUID textId) {
        Text t = texts.findById(textId);
        if (t == null || !t.documentId.equals(documentId)) {
            throw ProblemException.notFound("text of document " + documentId, textId);
        }
        return t;
    }

    private void apply(Text t, TextInput input) {
        references.require(References.Table.AGENT, "translator_agent_id", input.translatorAgentId());
        t.role = input.role();
        t.language = input.language();
        t.translatorName = input.translatorName();
        t.translatorAgentId = input.translatorAgentId();
        t.sections = new ArrayList<>(input.sections());
        t.content = Paragraphs.layout(t.sections).content();
        t.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
