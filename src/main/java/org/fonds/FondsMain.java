package org.fonds;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.fonds.access.DevKeys;
import org.fonds.db.EmbeddedDatabase;
import org.jboss.logging.Logger;

/**
 * Starts Fonds. When no external datasource URL is configured, an embedded PostgreSQL is started first over a
 * persistent data directory, and stopped only after Quarkus itself has stopped. A deployment (a datasource URL, or the
 * embedded PostgreSQL switched off) that lacks its own secrets is refused before anything starts ({@link Deployment}).
 */
@QuarkusMain
public class FondsMain {

    private static final Logger LOG = Logger.getLogger(FondsMain.class);
    /** Set once `make dev` has started the embedded PostgreSQL in this JVM (system properties outlive a reload). */
    private static final String DEV_DATABASE_STARTED = "fonds.embedded.dev-started";
    /** Longer than {@code EmbeddedDatabase}'s own wait for the postmaster, so that one decides. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(6);
    /** The ordinal of the application.properties inside the jar (SmallRye Config); what is set by the user is above. */
    private static final int PACKAGED_PROPERTIES_ORDINAL = 250;

    public static void main(String... args) {
        if (Boolean.getBoolean(DEV_DATABASE_STARTED)) {
            // `make dev`: a live reload runs main again in the same JVM (nothing else does); the database the first
            // run started still serves, and the datasource's system properties are still set (which would make it look
            // like a deployment to the check below)
            Quarkus.run(null, (exitCode, failure) -> {
                startFailure(failure);
                if (!liveReload() && !shutdownInProgress()) {
                    System.exit(exitCode);
                }
            }, args);
            return;
        }
        Config config = ConfigProvider.getConfig();
        Deployment deployment = Deployment.of(config);
        List<String> refusals = deployment.refusals(config);
        if (!refusals.isEmpty()) {
            // one message and no stack trace, on standard error: logging is not set up yet
            System.err.println(deployment.refusalMessage(refusals));
            System.exit(1);
            return;
        }
        if (!deployment.embedded()) {
            Quarkus.run(args);
            return;
        }
        developmentKeys(config);
        noShutdownDelay(config);
        Path dataDir = Path.of(config.getOptionalValue("fonds.embedded.data-dir", String.class).orElse("data/pg"));
        EmbeddedDatabase db;
        try {
            db = EmbeddedDatabase.start(dataDir);
        } catch (EmbeddedDatabase.InUse e) {
            System.err.println("Fonds: " + e.getMessage()); // logging may not flush before the exit
            System.exit(1);
            return;
        }
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.flyway.username", db.username());
        System.setProperty("quarkus.flyway.password", db.password());
        System.setProperty("quarkus.datasource.username", db.apiUsername());
        System.setProperty("quarkus.datasource.password", db.apiPassword());
        LOG.infof("Embedded PostgreSQL %s listening on port %d, data in %s", db.version(), db.port(),
                dataDir.toAbsolutePath());
        System.setProperty(DEV_DATABASE_STARTED, "true");
        // Quarkus.run does not return: its exit handler ends the JVM. Stop PostgreSQL there, after Quarkus has
        // stopped. On a signal the exit handler runs on the main thread while the JVM runs its shutdown hooks, and the
        // JVM halts as soon as the hooks are done, whatever the main thread is doing: this hook holds the JVM until
        // PostgreSQL is down.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(stopped), "fonds-embedded-postgres-stop"));
        Quarkus.run(null, (exitCode, failure) -> {
            if (liveReload()) {
                // dev mode stops the application to restart it on a change, and runs main again: the database keeps
                // serving (this handler once stopped it and the JVM, so `make dev` ended at its first live reload),
                // and stops with the JVM
                if (!stopsWithTheJvm) {
                    stopsWithTheJvm = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            db.close();
                        } finally {
                            stopped.countDown();
                        }
                    }, "fonds-embedded-postgres-close"));
                }
                return;
            }
            startFailure(failure);
            try {
                db.close();
            } finally {
                stopped.countDown();
            }
            if (!shutdownInProgress()) {
                System.exit(exitCode);
            }
        }, args);
    }

    /**
     * Says why Quarkus did not start (a migration that fails, say): it hands the failure to the exit handler and logs
     * nothing itself, so the process ended with status 1 and no reason given.
     */
    private static void startFailure(Throwable failure) {
        if (failure != null) {
            LOG.error("Fonds could not start", failure);
        }
    }

    /** Whether the database's close was handed to a JVM shutdown hook at `make dev`'s first live reload. */
    private static volatile boolean stopsWithTheJvm;

    /** Whether Quarkus stopped for a live reload of dev mode, not for good (known once the application has run). */
    private static boolean liveReload() {
        return LaunchMode.current() == LaunchMode.DEVELOPMENT && !shutdownInProgress();
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            if (!stopped.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("Fonds: gave up waiting for the embedded PostgreSQL to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * No public key configured to verify bearer tokens: create (once) or reuse a development key pair beside the data
     * and verify with it; {@link org.fonds.access.DevToken} prints an editor token signed with it.
     */
    private static void developmentKeys(Config config) {
        if (config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()) {
            return;
        }
        Path dir = Path.of(config.getOptionalValue("fonds.jwt.dev-key-dir", String.class).orElse("data/jwt"));
        DevKeys keys = DevKeys.ensure(dir);
        System.setProperty("mp.jwt.verify.publickey.location", keys.publicKey().toAbsolutePath().toUri().toString());
        System.setProperty(DevKeys.PRIVATE_KEY_PROPERTY, keys.privateKey().toAbsolutePath().toString());
        LOG.warnf("No JWT public key configured: using the development key pair in %s", dir.toAbsolutePath());
    }

    /**
     * The shutdown delay (readiness DOWN while still serving, so that a load balancer stops sending requests first)
     * has no load balancer to wait for under {@code make run}: Ctrl-C stops at once, unless a delay was configured
     * explicitly (a source above the packaged application.properties).
     */
    private static void noShutdownDelay(Config config) {
        ConfigValue delay = config.getConfigValue("quarkus.shutdown.delay");
        if (delay.getValue() == null || delay.getSourceOrdinal() <= PACKAGED_PROPERTIES_ORDINAL) {
            System.setProperty("quarkus.shutdown.delay", "0s");
        }
    }

    /** System.exit from inside a shutdown hook would block forever. */
    private static boolean shutdownInProgress() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
