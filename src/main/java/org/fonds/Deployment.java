package org.fonds;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * How a start of the packaged application runs, decided from its configuration before Quarkus starts
 * ({@link FondsMain}), and what it must not run without.
 *
 * <ul>
 * <li><b>Embedded development</b> ({@code make run}): no {@code quarkus.datasource.jdbc.url}, and the embedded
 * PostgreSQL allowed ({@code fonds.embedded.enabled}, the default). Development values are fine: the committed cursor
 * secret, a generated development key pair.</li>
 * <li><b>Deployment</b>: a datasource URL is configured, or the embedded PostgreSQL is switched off (the container
 * image does). Then the start is refused unless the paging cursors have a secret of their own and bearer tokens a
 * public key to be verified with; and without a datasource URL there is no database at all.</li>
 * </ul>
 */
public final class Deployment {

    /** The committed value of {@code fonds.paging.cursor-secret}: known to everyone, so for development only. */
    static final String DEVELOPMENT_CURSOR_SECRET = "fonds-development-cursor-secret";
    /** 32 characters: the 256 bits of an HMAC-SHA256 key when they are hex, fewer otherwise, never trivially few. */
    static final int MIN_CURSOR_SECRET_LENGTH = 32;

    private final boolean externalDatabase;
    private final boolean embeddedAllowed;

    private Deployment(boolean externalDatabase, boolean embeddedAllowed) {
        this.externalDatabase = externalDatabase;
        this.embeddedAllowed = embeddedAllowed;
    }

    public static Deployment of(Config config) {
        return new Deployment(config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent(),
                config.getOptionalValue("fonds.embedded.enabled", Boolean.class).orElse(true));
    }

    /** {@code make run}: the embedded PostgreSQL starts, and development values are allowed. */
    public boolean embedded() {
        return !externalDatabase && embeddedAllowed;
    }

    /**
     * Why this start must be refused, one sentence per setting, naming the environment variable to set; empty when
     * it may start.
     */
    public List<String> refusals(Config config) {
        List<String> refusals = new ArrayList<>();
        if (embedded()) {
            return refusals;
        }
        if (!externalDatabase) {
            refusals.add("No database is configured: set QUARKUS_DATASOURCE_JDBC_URL "
                    + "(jdbc:postgresql://HOST:5432/fonds); the embedded PostgreSQL is off here (FONDS_EMBEDDED_ENABLED="
                    + "false) and is not in the container image.");
        }
        String secret = config.getOptionalValue("fonds.paging.cursor-secret", String.class).orElse("").strip();
        if (secret.isEmpty() || secret.equals(DEVELOPMENT_CURSOR_SECRET)) {
            refusals.add("FONDS_PAGING_CURSOR_SECRET is " + (secret.isEmpty() ? "not set" : "the development value")
                    + ": set a random secret of your own (at least " + MIN_CURSOR_SECRET_LENGTH
                    + " characters, e.g. `openssl rand -hex 32`); it signs the paging cursors.");
        } else if (secret.length() < MIN_CURSOR_SECRET_LENGTH) {
            refusals.add("FONDS_PAGING_CURSOR_SECRET is too short (" + secret.length() + " characters): use at least "
                    + MIN_CURSOR_SECRET_LENGTH + " random characters (e.g. `openssl rand -hex 32`).");
        }
        if (config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isEmpty()
                && config.getOptionalValue("mp.jwt.verify.publickey", String.class).isEmpty()) {
            refusals.add("No JWT public key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "(file:/path/to/public-key.pem) or MP_JWT_VERIFY_PUBLICKEY (the PEM itself) to the key that "
                    + "verifies bearer tokens; development key pairs are generated only for `make run`.");
        }
        return refusals;
    }

    /** The one message printed when the start is refused. */
    public String refusalMessage(List<String> refusals) {
        StringBuilder message = new StringBuilder("Fonds: refusing to start. This is a deployment ("
                + (externalDatabase ? "QUARKUS_DATASOURCE_JDBC_URL is set" : "the embedded PostgreSQL is off")
                + "), which must not run without its own settings:");
        refusals.forEach(r -> message.append(System.lineSeparator()).append("  - ").append(r));
        return message.append(System.lineSeparator()).append("See deploy/README.md (Configuration).").toString();
    }
}
