package org.fonds.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.fonds.document.DocumentInput;
import org.fonds.document.DocumentService;
import org.fonds.link.LinkInput;
import org.fonds.link.LinkService;
import org.fonds.media.MediaInput;
import org.fonds.media.MediaService;
import org.fonds.participant.ParticipantInput;
import org.fonds.participant.ParticipantService;
import org.fonds.shared.JsonProblems;
import org.fonds.text.TextInput;
import org.fonds.text.TextService;

/** Writes one resource of the sample archive through the service that API clients reach, and returns its id. */
@ApplicationScoped
class SampleWriters {

    private final ObjectMapper json;
    private final DocumentService documents;
    private final TextService texts;
    private final ParticipantService participants;
    private final LinkService links;
    private final MediaService media;

    SampleWriters(ObjectMapper json, DocumentService documents, TextService texts, ParticipantService participants,
            LinkService links, MediaService media) {
        this.json = json;
        this.documents = documents;
        this.texts = texts;
        this.participants = participants;
        this.links = links;
        this.media = media;
    }

    UUID document(JsonNode body) {
        return documents.create(read(body, DocumentInput.class)).id();
    }

    UUID text(UUID document, JsonNode body) {
        return texts.create(document, read(body, TextInput.class)).id();
    }

    UUID participant(UUID document, JsonNode body) {
        return participants.create(document, read(body, ParticipantInput.class)).id();
    }

    UUID link(UUID document, JsonNode body) {
        return links.create(document, read(body, LinkInput.class)).id();
    }

    UUID media(UUID document, JsonNode body) {
        return media.create(document, read(body, MediaInput.class)).id();
    }

    private <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }
}
