package org.fonds.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The official schemas of the exchange formats (TEI, CMIF, W3C Web Annotation, IIIF, OAI-PMH, CSL-JSON) and the
 * CloudNativePG CRDs, which conformance tests read where they are kept, beside the project ({@code ../shared/schemas};
 * its README says where each comes from), never from a copy in the project. {@code FONDS_SHARED_SCHEMAS} names
 * another folder. A test whose schema is missing is skipped with the path it looked for, or fails where the schemas
 * must be there ({@code FONDS_REQUIRE_SCHEMAS=true}, as {@code .ci/run} sets).
 */
public final class SharedSchemas {

    /** The folder of the schemas. */
    public static final Path ROOT = Path.of(System.getenv().getOrDefault("FONDS_SHARED_SCHEMAS",
            Path.of("..", "shared", "schemas").toString()));

    private SharedSchemas() {
    }

    /** The schema file at {@code relative} (e.g. {@code tei/tei_all.rng}); skips or fails the test when it is missing. */
    public static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        if (!Files.isRegularFile(file)) {
            String message = "the schema " + relative + " is not there (looked for " + file.toAbsolutePath()
                    + "; ../shared/schemas beside the project, or FONDS_SHARED_SCHEMAS)";
            if ("true".equals(System.getenv("FONDS_REQUIRE_SCHEMAS"))) {
                throw new AssertionError(message + ", but FONDS_REQUIRE_SCHEMAS=true");
            }
            Assumptions.abort(message);
        }
        return file;
    }
}
