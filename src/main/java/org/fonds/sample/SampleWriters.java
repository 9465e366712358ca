package org.fonds.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.fonds.agent.AgentInput;
import org.fonds.annotation.AnnotationInput;
import org.fonds.annotation.AnnotationService;
import org.fonds.agent.AgentService;
import org.fonds.collection.CollectionInput;
import org.fonds.collection.CollectionService;
import org.fonds.document.DocumentInput;
import org.fonds.document.DocumentService;
import org.fonds.link.LinkInput;
import org.fonds.link.LinkService;
import org.fonds.media.MediaInput;
import org.fonds.media.MediaService;
import org.fonds.participant.ParticipantInput;
import org.fonds.participant.ParticipantService;
import org.fonds.place.PlaceInput;
import org.fonds.place.PlaceService;
import org.fonds.http.JsonProblems;
import org.fonds.subject.SubjectInput;
import org.fonds.subject.SubjectService;
import org.fonds.text.TextInput;
import org.fonds.text.TextService;

/** Writes one resource of the sample archive through the service that API clients reach, and returns its id. */
@ApplicationScoped
class SampleWriters {

    private final ObjectMapper json;
    private final AgentService agents;
    private final PlaceService places;
    private final SubjectService subjects;
    private final CollectionService collections;
    private final DocumentService documents;
    private final TextService texts;
    private final ParticipantService participants;
    private final LinkService links;
    private final MediaService media;
    private final AnnotationService annotations;

    SampleWriters(ObjectMapper json, AgentService agents, PlaceService places, SubjectService subjects,
            CollectionService collections, DocumentService documents, TextService texts,
            ParticipantService participants, LinkService links, MediaService media, AnnotationService annotations) {
        this.annotations = annotations;
        this.json = json;
        this.agents = agents;
        this.places = places;
        this.subjects = subjects;
        this.collections = collections;
        this.documents = documents;
        this.texts = texts;
        this.participants = participants;
        this.links = links;
        this.media = media;
    }

    UUID agent(JsonNode body) {
        return agents.create(read(body, AgentInput.class)).id();
    }

    UUID place(JsonNode body) {
        return places.create(read(body, PlaceInput.class)).id();
    }

    UUID subject(JsonNode body) {
        return subjects.create(read(body, SubjectInput.class)).id();
    }

    UUID collection(JsonNode body) {
        return collections.create(read(body, CollectionInput.class)).id();
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

    UUID annotation(UUID document, JsonNode body) {
        return annotations.create(document, read(body, AnnotationInput.class)).id();
    }

    private <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }
}
