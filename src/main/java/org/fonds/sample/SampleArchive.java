package org.fonds.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private final BodyWriters writers;
    private final boolean enabled;

    public SampleArchive(ObjectMapper json, BodyWriters writers,
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
        private final BodyWriters.Keys keys = writers.keys();

        Run(JsonNode sample) {
            this.sample = sample;
        }

        void all() {
            keys.each(sample.path("agents"), writers::agent);
            keys.each(sample.path("places"), writers::place);
            keys.each(sample.path("subjects"), writers::subject);
            keys.each(sample.path("collections"), writers::collection);
            for (JsonNode entry : sample.path("documents")) {
                keys.document(entry);
            }
        }
    }
}
