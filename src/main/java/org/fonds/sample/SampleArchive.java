package org.fonds.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.access.Caller;
import org.jboss.logging.Logger;

/**
 * Loads the sample archive (src/main/resources/sample/sample-archive.json) on first start, through the same
 * services API clients use, in one transaction, exactly once per database (recorded in import_batch).
 *
 * <p>The file holds request bodies of the API. A string {@code "@key"} stands for the id of the resource declared
 * earlier in the file with {@code "key": "key"}; text targets may give {@code exact} and {@code occurrence}
 * instead of offsets.
 */
@ApplicationScoped
public class SampleArchive {

    static final String RESOURCE = "sample/sample-archive.json";
    private static final Logger LOG = Logger.getLogger(SampleArchive.class);

    private final ObjectMapper json;
    private final SampleWriters writers;
    private final boolean enabled;

    public SampleArchive(ObjectMapper json, SampleWriters writers,
            @ConfigProperty(name = "fonds.sample.load", defaultValue = "true") boolean enabled) {
        this.json = json;
        this.writers = writers;
        this.enabled = enabled;
    }

    /** In a request context: Hibernate resolves which database a session uses in one (db.ReadRouting: the primary). */
    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            Caller.asSystem(this::load);
        }
    }

    /** Loads the sample archive unless this database already has it; true when it was loaded now. */
    public boolean load() {
        JsonNode sample = read();
        String name = sample.path("name").asText();
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = Panache.getEntityManager()
                    .createNativeQuery("INSERT INTO import_batch (name) VALUES (:name) ON CONFLICT DO NOTHING")
                    .setParameter("name", name)
                    .executeUpdate();
            if (claimed == 0) {
                LOG.debugf("Sample archive %s already loaded", name);
                return false;
            }
            new Run(sample).all();
            LOG.infof("Loaded the sample archive %s", name);
            return true;
        });
    }

    private JsonNode read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One load: the keys declared so far and their ids. */
    private final class Run {

        private final JsonNode sample;
        private final Map<String, UUID> ids = new HashMap<>();

        Run(JsonNode sample) {
            this.sample = sample;
        }

        void all() {
            each(sample.path("agents"), writers::agent);
            each(sample.path("places"), writers::place);
            each(sample.path("subjects"), writers::subject);
            each(sample.path("collections"), writers::collection);
            for (JsonNode entry : sample.path("documents")) {
                UUID document = create(entry.path("key").asText(null), entry.path("document"), writers::document);
                each(entry.path("texts"), body -> writers.text(document, body));
                each(entry.path("participants"), body -> writers.participant(document, body));
                each(entry.path("links"), body -> writers.link(document, body));
                each(entry.path("media"), body -> writers.media(document, body));
                each(entry.path("annotations"), body -> writers.annotation(document, body));
            }
        }

        /** Entries are either bodies with an optional "key", or {"key": ..., "<anything>": body} wrappers. */
        private void each(JsonNode entries, Function<JsonNode, UUID> writer) {
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
                if (ids.putIfAbsent(key, id) != null) {
                    throw new IllegalStateException("The sample archive declares the key '" + key + "' twice");
                }
            }
            return id;
        }

        private JsonNode resolve(JsonNode node) {
            if (node.isTextual() && node.asText().startsWith("@")) {
                String key = node.asText().substring(1);
                UUID id = ids.get(key);
                if (id == null) {
                    throw new IllegalStateException("The sample archive refers to '@" + key + "' before declaring it");
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
