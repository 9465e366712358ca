package org.fonds.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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

/**
 * Writes resources from request bodies of the API, through the services that API clients reach, and returns their
 * ids: the sample archive (src/main/resources/sample/sample-archive.json) and the imports that propose a document in
 * the same shape (org.fonds.transcript) use it. Bodies may refer to resources written earlier with {@code "@key"}
 * (see {@link Keys}); text targets may give {@code exact} and {@code occurrence} instead of offsets (the annotation
 * service finds them). Runs in the caller's transaction.
 */
@ApplicationScoped
public class BodyWriters {

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

    BodyWriters(ObjectMapper json, AgentService agents, PlaceService places, SubjectService subjects,
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

    public UUID agent(JsonNode body) {
        return agents.create(read(body, AgentInput.class)).id();
    }

    public UUID place(JsonNode body) {
        return places.create(read(body, PlaceInput.class)).id();
    }

    public UUID subject(JsonNode body) {
        return subjects.create(read(body, SubjectInput.class)).id();
    }

    public UUID collection(JsonNode body) {
        return collections.create(read(body, CollectionInput.class)).id();
    }

    public UUID document(JsonNode body) {
        return documents.create(read(body, DocumentInput.class)).id();
    }

    public UUID text(UUID document, JsonNode body) {
        return texts.create(document, read(body, TextInput.class)).id();
    }

    public UUID participant(UUID document, JsonNode body) {
        return participants.create(document, read(body, ParticipantInput.class)).id();
    }

    public UUID link(UUID document, JsonNode body) {
        return links.create(document, read(body, LinkInput.class)).id();
    }

    public UUID media(UUID document, JsonNode body) {
        return media.create(document, read(body, MediaInput.class)).id();
    }

    public UUID annotation(UUID document, JsonNode body) {
        return annotations.create(document, read(body, AnnotationInput.class)).id();
    }

    private <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }

    /** A run of writes in which bodies refer to what was written before them as {@code "@key"}. */
    public Keys keys() {
        return new Keys();
    }

    /** The keys declared so far in one run, and their ids. */
    public final class Keys {

        private final Map<String, UUID> ids = new HashMap<>();

        private Keys() {
        }

        /** Declares a key for a resource written otherwise (an agent found by name). */
        public void put(String key, UUID id) {
            if (ids.putIfAbsent(key, id) != null) {
                throw new IllegalStateException("The key '" + key + "' is declared twice");
            }
        }

        /**
         * Writes one entry of {@code documents} in the sample archive's shape: {@code document}, then its
         * {@code texts}, {@code participants}, {@code links}, {@code media} and {@code annotations}; answers the
         * document's id, declared under the entry's {@code key} when it has one.
         */
        public UUID document(JsonNode entry) {
            UUID document = create(entry.path("key").asText(null), entry.path("document"), BodyWriters.this::document);
            each(entry.path("texts"), body -> text(document, body));
            each(entry.path("participants"), body -> participant(document, body));
            each(entry.path("links"), body -> link(document, body));
            each(entry.path("media"), body -> media(document, body));
            each(entry.path("annotations"), body -> annotation(document, body));
            return document;
        }

        /** Entries are either bodies with an optional "key", or {"key": ..., "<anything>": body} wrappers. */
        public void each(JsonNode entries, Function<JsonNode, UUID> writer) {
            for (JsonNode entry : entries) {
                JsonNode body = entry;
                if (entry.size() == 2 && entry.has("key")) {
                    Iterator<String> names = entry.fieldNames();
                    String field = names.next();
                    JsonNode wrapped = entry.get(field.equals("key") ? names.next() : field);
                    body = wrapped.isObject() ? wrapped : entry;
                }
                create(entry.path("key").asText(null), body, writer);
            }
        }

        private UUID create(String key, JsonNode body, Function<JsonNode, UUID> writer) {
            ObjectNode resolved = (ObjectNode) resolve(body.deepCopy());
            resolved.remove("key");
            UUID id = writer.apply(resolved);
            if (key != null) {
                put(key, id);
            }
            return id;
        }

        private JsonNode resolve(JsonNode node) {
            if (node.isTextual() && node.asText().startsWith("@")) {
                String key = node.asText().substring(1);
                UUID id = ids.get(key);
                if (id == null) {
                    throw new IllegalStateException("'@" + key + "' is referred to before it is declared");
                }
                return TextNode.valueOf(id.toString());
            }
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                object.fieldNames().forEachRemaining(f -> object.set(f, resolve(object.get(f))));
            } else if (node.isArray()) {
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, resolve(array.get(i)));
                }
            }
            return node;
        }
    }
}
