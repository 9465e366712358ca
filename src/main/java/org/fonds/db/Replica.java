package org.fonds.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The optional streaming replica that serves the reads (GET, HEAD) of HTTP requests, the primary serving everything
 * else (writes, the migrations, API-key lookups, start-up and background jobs). Configured by the datasource
 * {@code replica} ({@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}); without its URL Quarkus leaves that datasource
 * inactive and nothing here runs: every statement goes to the primary, as before. {@link ReadRouting} picks the
 * datasource per Hibernate session; this class hands out the connections of a read:
 * <ul>
 * <li><b>Outage.</b> A replica that cannot give a connection (refused, timed out, or found dead by validation) is
 * left alone for {@code fonds.replica.retry-after}: its reads, and every read until then, go to the primary. One read
 * then tries it again while the others keep to the primary. Readiness does not depend on the replica (its datasource
 * is excluded from the health checks).</li>
 * <li><b>Read your writes.</b> A write's response carries a {@link ConsistencyTokens token} naming the primary's WAL
 * position after its commit; a read that sends it back is served by the replica only when the replica's connection
 * has replayed that far ({@code pg_last_wal_replay_lsn()}), and by the primary otherwise. The check is made on the
 * very connection the read uses (a {@code -ro} service spreads connections over several replicas, each at its own
 * position), and remembered per connection, since a replica's replay position only grows.</li>
 * <li><b>Enforcement.</b> The replica's login role is checked as the primary's is ({@link EnforcementGuard}): at the
 * start when the replica answers then, else at its first use; a role that could bypass the views is never used for
 * reads. The caller's role is set per acquisition on replica connections too (access.CallerRoleInterceptor), and
 * they run the same new-connection SQL (statement timeout). Flyway never runs on the replica: it follows the
 * primary.</li>
 * </ul>
 */
@ApplicationScoped
public class Replica {

    /** The name of the replica's datasource ({@code quarkus.datasource.replica.*}). */
    public static final String DATASOURCE = "replica";
    private static final Logger LOG = Logger.getLogger(Replica.class);
    private static final long UP = Long.MIN_VALUE;
    /** RoutingContext data: the WAL position the request's token asks for (a Long, -1 for none). */
    private static final String WANTED = "fonds.replica.wanted";
    /** RoutingContext data: a replica connection served this request. */
    private static final String SERVED = "fonds.replica.served";
    /**
     * How long a read in a transaction waits for a replica connection that is behind its token although the one
     * checked before was not (two replicas behind one service): longer would hold a worker, shorter would fail reads
     * that a few milliseconds of replay would serve.
     */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(1);
    /** How long the start waits for the replica to replay the migrations before reading from the primary only. */
    private static final Duration START_WAIT = Duration.ofSeconds(5);
    private static final String REPLAY_POSITION =
            "SELECT COALESCE(pg_last_wal_replay_lsn(), pg_current_wal_insert_lsn()) - '0/0'::pg_lsn";
    private static final String WRITE_POSITION = "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn";

    private final AgroalDataSource primary;
    /** Null when no replica is configured. */
    private final AgroalDataSource replica;
    private final TransactionManager transactions;
    private final CurrentVertxRequest requests;
    private final ConsistencyTokens tokens;
    private final Duration retryAfter;
    /** System.nanoTime() until which the replica is left alone, or {@link #UP}. */
    private final AtomicLong downUntil = new AtomicLong(UP);
    /** The replay position each replica connection (the driver's, by identity) was last seen at. */
    private final Map<PGConnection, Long> replayed = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile boolean roleChecked;
    /** Why the replica is never used (its role could bypass the views), or null. */
    private volatile String refused;

    public Replica(AgroalDataSource primary, @DataSource(DATASOURCE) InjectableInstance<AgroalDataSource> replicas,
            TransactionManager transactions, CurrentVertxRequest requests, ConsistencyTokens tokens,
            @ConfigProperty(name = "fonds.replica.retry-after", defaultValue = "10s") Duration retryAfter) {
        this.primary = primary;
        this.replica = replicas.isResolvable() && replicas.getHandle().getBean().isActive() ? replicas.get() : null;
        this.transactions = transactions;
        this.requests = requests;
        this.tokens = tokens;
        this.retryAfter = retryAfter;
    }

    /** A replica is configured (its datasource is active): reads may go to it. */
    public boolean configured() {
        return replica != null;
    }

    /**
     * Checks the replica at the start, after the primary ({@link EnforcementGuard}): it has replayed this start's
     * migrations (waiting up to {@link #START_WAIT}), and its role could not bypass the views, or the start is refused,
     * as on the primary. A replica that does not answer, or lags behind, does not hold the start: reads go to the
     * primary meanwhile, and it is checked again at its first use.
     */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        if (replica == null) {
            return;
        }
        long migrated;
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(WRITE_POSITION)) {
            r.next();
            migrated = r.getBigDecimal(1).longValue();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the primary's WAL position", e);
        }
        try (Connection c = replica.getConnection()) {
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (replayPosition(c) < migrated) {
                if (System.nanoTime() - deadline > 0) {
                    throw new SQLException("it has not replayed the primary's migrations within " + START_WAIT, "57P03");
                }
                Thread.sleep(50);
            }
            String problem = EnforcementGuard.problem(c, "QUARKUS_DATASOURCE_REPLICA_USERNAME");
            if (problem != null) {
                LOG.error(problem);
                throw new IllegalStateException(problem);
            }
            roleChecked = true;
            LOG.infof("Reads (GET, HEAD) go to the replica %s", replica.getConfiguration().connectionPoolConfiguration()
                    .connectionFactoryConfiguration().jdbcUrl());
        } catch (SQLException e) {
            down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request being served on this thread (its RoutingContext), or null outside an HTTP request. */
    RoutingContext currentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return requests.getCurrent();
    }

    /** The request is a read (GET, HEAD), which a replica may serve. */
    static boolean isRead(RoutingContext request) {
        HttpMethod method = request.request().method();
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /**
     * A connection for a read: the replica's when it is up, has a role that cannot bypass the views, and has replayed
     * the request's consistency token; otherwise the primary's.
     */
    Connection readConnection() throws SQLException {
        if (replica == null || refused != null || !mayTry()) {
            return primary.getConnection();
        }
        RoutingContext request = currentRequest();
        long wanted = request == null ? -1 : wanted(request);
        Transaction transaction = activeTransaction();
        // In a transaction, the connection taken is enlisted in it, and a transaction takes one datasource: what could
        // send the read to the primary instead (the replica's role, not checked yet; a token it has not replayed) is
        // checked first on a connection outside the transaction.
        if (transaction != null && (wanted >= 0 || !roleChecked) && !usableOutside(transaction, wanted)) {
            return primary.getConnection();
        }
        Connection c;
        try {
            c = replica.getConnection();
        } catch (SQLException e) {
            down(e);
            return primary.getConnection(); // nothing was enlisted: the acquisition failed
        }
        try {
            if (!roleChecked && !roleAllowed(c)) { // outside a transaction (checked above in one)
                c.close();
                return primary.getConnection();
            }
            up(); // it answers, whether or not it has replayed the token yet
            if (wanted >= 0 && !caughtUp(c, wanted)) {
                if (transaction == null) {
                    c.close();
                    return primary.getConnection();
                }
                awaitCatchUp(c, wanted);
            }
        } catch (SQLException e) {
            close(c);
            if (transaction != null) {
                throw e; // the replica's connection is enlisted: the read fails (503) and the next ones go elsewhere
            }
            down(e);
            return primary.getConnection();
        }
        if (request != null) {
            request.put(SERVED, Boolean.TRUE);
        }
        return c;
    }

    /** What reads use now, for the readiness check's data: "replica", or "primary" and why. */
    public String readsOn() {
        if (replica == null) {
            return "primary (no replica configured)";
        }
        if (refused != null) {
            return "primary (the replica's role could bypass the views)";
        }
        long until = downUntil.get();
        if (until != UP) {
            return "primary (the replica failed; tried again in at most " + retryAfter.toSeconds() + " s)";
        }
        return "replica";
    }

    /**
     * A request that a replica connection served failed because the database could not be used (an outage found
     * mid-query): the replica is left alone for a while, so that the next reads go to the primary.
     */
    public void requestFailed(Throwable failure) {
        RoutingContext request = currentRequest();
        if (replica != null && request != null && request.get(SERVED) != null) {
            down(failure);
        }
    }

    /**
     * The token of the primary's WAL position now, for the response of a write that has committed: a read that
     * sends it back sees that write. Null without a replica (nothing to be consistent with) or when the position
     * cannot be read (the write's response is not failed for it).
     */
    public String writeToken() {
        if (replica == null) {
            return null;
        }
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(WRITE_POSITION)) {
            r.next();
            return tokens.encode(r.getBigDecimal(1).longValueExact());
        } catch (SQLException | ArithmeticException e) {
            LOG.debugf(e, "No consistency token: the primary's WAL position could not be read");
            return null;
        }
    }

    private long wanted(RoutingContext request) {
        Long wanted = request.get(WANTED);
        if (wanted == null) {
            wanted = tokens.decode(request.request().getHeader(ConsistencyTokens.HEADER));
            request.put(WANTED, wanted);
        }
        return wanted;
    }

    private Transaction activeTransaction() throws SQLException {
        try {
            return transactions.getTransaction();
        } catch (SystemException e) {
            throw new SQLException("Could not read the current transaction", e);
        }
    }

    /**
     * Whether a replica connection taken outside {@code transaction} (suspended meanwhile) may serve the read: the
     * replica's role is allowed and it has replayed {@code wanted} (when not -1).
     */
    private boolean usableOutside(Transaction transaction, long wanted) throws SQLException {
        try {
            transactions.suspend();
        } catch (SystemException e) {
            throw new SQLException("Could not suspend the transaction", e);
        }
        try (Connection c = replica.getConnection()) {
            if (!roleChecked && !roleAllowed(c)) {
                return false;
            }
            up();
            return wanted < 0 || caughtUp(c, wanted);
        } catch (SQLException e) {
            down(e);
            return false;
        } finally {
            try {
                transactions.resume(transaction);
            } catch (Exception e) {
                throw new SQLException("Could not resume the transaction", e);
            }
        }
    }

    private boolean caughtUp(Connection c, long wanted) throws SQLException {
        PGConnection physical = c.unwrap(PGConnection.class);
        Long seen = replayed.get(physical);
        if (seen != null && seen >= wanted) {
            return true;
        }
        long now = replayPosition(c);
        replayed.put(physical, now);
        return now >= wanted;
    }

    private static long replayPosition(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(REPLAY_POSITION)) {
            r.next();
            BigDecimal position = r.getBigDecimal(1);
            return position == null ? -1 : position.longValue();
        }
    }

    /**
     * A replica connection already enlisted in a transaction is behind the token although the one checked before was
     * not (another replica behind the same service): waits a little for its replay, else fails the read with a 503 to
     * retry (SQLSTATE 57P03, cannot connect now).
     */
    private void awaitCatchUp(Connection c, long wanted) throws SQLException {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (caughtUp(c, wanted)) {
                return;
            }
        }
        throw new SQLTransientConnectionException("The replica serving this read has not replayed the caller's last "
                + "write yet", "57P03");
    }

    private boolean roleAllowed(Connection c) throws SQLException {
        String problem = EnforcementGuard.problem(c, "QUARKUS_DATASOURCE_REPLICA_USERNAME");
        if (problem != null) {
            refused = problem;
            LOG.error(problem + " Reads stay on the primary.");
            return false;
        }
        roleChecked = true;
        return true;
    }

    /** The replica may be tried: it is up, or it has been left alone long enough and this caller tries it now. */
    private boolean mayTry() {
        long until = downUntil.get();
        if (until == UP) {
            return true;
        }
        long now = System.nanoTime();
        // one caller tries it again; the others keep to the primary until that one has found it up
        return now - until >= 0 && downUntil.compareAndSet(until, now + retryAfter.toNanos());
    }

    private void up() {
        if (downUntil.get() != UP && downUntil.getAndSet(UP) != UP) {
            LOG.info("The read replica answers again: reads go to it");
        }
    }

    private void down(Throwable failure) {
        long before = downUntil.getAndSet(System.nanoTime() + retryAfter.toNanos());
        if (before == UP) {
            LOG.warnf("The read replica cannot be used (%s): reads go to the primary, and the replica is tried again in "
                    + "%s", failure.toString(), retryAfter);
            replica.flush(AgroalDataSource.FlushMode.GRACEFUL); // its connections are probably dead: new ones next time
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a broken connection: the pool drops it
        }
    }
}
