package org.fonds.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The modules of the application's one ObjectMapper (every JSON response, the NDJSON export and import): Blackbird,
 * which reads and sets properties through generated lambdas instead of reflection. The same bytes are written; the
 * export writes them with less CPU (bench/RESULTS.md, session 16).
 */
@Singleton
public class JsonModules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
