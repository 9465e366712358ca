package org.fonds.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The statement timeout of API requests: every connection of the pool starts with {@code SET statement_timeout}
 * ({@code quarkus.datasource.jdbc.new-connection-sql}, so it holds for the embedded database and an external URL
 * alike), and a statement that runs longer is cancelled by PostgreSQL (SQLSTATE 57014), which the API answers with a
 * 503 {@code query-timeout} problem. Flyway's connections lift it ({@code quarkus.flyway.init-sql}): a migration on a
 * large archive may take minutes. Since they come from the same pool, they are dropped once the migrations are done,
 * so that no API request gets a connection without the timeout. The same connection SQL sets the number of parallel
 * query workers ({@code fonds.db.parallel-workers-per-gather}, checked here too).
 */
@ApplicationScoped
public class StatementTimeout {

    /** What PostgreSQL accepts for statement_timeout: milliseconds, or a number with a unit; 0 turns it off. */
    private static final Pattern POSTGRES_DURATION = Pattern.compile("\\d+\\s*(ms|s|min|h)?");
    private static final Logger LOG = Logger.getLogger(StatementTimeout.class);

    private final AgroalDataSource dataSource;
    private final String timeout;
    private final int parallelWorkers;

    public StatementTimeout(AgroalDataSource dataSource,
            @ConfigProperty(name = "fonds.db.statement-timeout") String timeout,
            @ConfigProperty(name = "fonds.db.parallel-workers-per-gather") int parallelWorkers) {
        this.dataSource = dataSource;
        this.timeout = timeout.strip();
        this.parallelWorkers = parallelWorkers;
    }

    /** First of the startup observers: after the migrations (run before StartupEvent), before anything else. */
    void afterMigrations(@Observes @Priority(0) StartupEvent event) {
        if (!POSTGRES_DURATION.matcher(timeout).matches()) {
            throw new IllegalStateException("fonds.db.statement-timeout must be a PostgreSQL duration such as 5s, "
                    + "500ms or 0 (off), not '" + timeout + "'");
        }
        if (parallelWorkers < 0) {
            throw new IllegalStateException("fonds.db.parallel-workers-per-gather must be 0 or more, not "
                    + parallelWorkers);
        }
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
        LOG.debugf("Statement timeout of API requests: %s", timeout);
    }
}
