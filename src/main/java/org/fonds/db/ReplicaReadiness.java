package org.fonds.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in the readiness report where reads go ({@link Replica}), and is always UP: a replica outage must not make the
 * API unready, since its reads go to the primary (whose own check, Quarkus's datasource check, decides readiness).
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    private final Replica replica;

    public ReplicaReadiness(Replica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database reads").up().withData("reads_on", replica.readsOn()).build();
    }
}
