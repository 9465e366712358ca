package org.fonds.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Which database a Hibernate session uses: the read replica ({@link Replica}) for the reads (GET, HEAD) of HTTP
 * requests when one is configured, the primary for everything else. Hibernate's DATABASE multitenancy is the
 * mechanism ({@code quarkus.hibernate-orm.multitenant}): the "tenant" of a session is {@value #PRIMARY} or
 * {@value #REPLICA}, resolved when the session opens, each with its connection provider. Without a replica the
 * resolution is one field read, and every session is the primary's.
 *
 * <p>Hibernate needs a tenant for every session, and Quarkus resolves it only in an active request context: code
 * that uses the database outside one (a thread of its own) activates one (fixity.FixityService's backfill).
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ReadRouting implements TenantResolver, TenantConnectionResolver {

    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    private final Replica replica;
    private final AgroalDataSource primary;

    public ReadRouting(Replica replica, AgroalDataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        if (!replica.configured()) {
            return PRIMARY;
        }
        RoutingContext request = replica.currentRequest();
        return request != null && Replica.isRead(request) ? REPLICA : PRIMARY;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return switch (tenantId) {
            case PRIMARY -> new QuarkusConnectionProvider(primary);
            case REPLICA -> new ReadConnections(replica);
            default -> throw new IllegalStateException("No database for the tenant " + tenantId);
        };
    }

    /** The connections of a read: the replica's when it can serve it, else the primary's ({@link Replica}). */
    private static final class ReadConnections implements ConnectionProvider {

        private final Replica replica;

        ReadConnections(Replica replica) {
            this.replica = replica;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return replica.readConnection();
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            connection.close(); // the pool's wrapper: back to the pool it came from
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new IllegalArgumentException("Cannot unwrap to " + type);
        }
    }
}
