package org.fonds.access;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who is calling: the one place services ask for the acting principal (for revisions) and the caller's role (for
 * visibility and permissions). In an HTTP request the caller is whoever its credentials name (a bearer JWT:
 * {@code user:<sub>}; an API key: {@code key:<name>}), or {@code anonymous} without credentials. Outside an HTTP
 * request (the sample-archive loader, migrations) the caller is {@code system} with every right.
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    /** The identity attribute holding {@link #actor()}, set when the identity is built (access.RoleAugmentor). */
    public static final String ACTOR_ATTRIBUTE = "fonds.actor";

    private final Instance<CurrentIdentityAssociation> identities;
    private final Instance<CurrentVertxRequest> requests;

    public Caller(Instance<CurrentIdentityAssociation> identities, Instance<CurrentVertxRequest> requests) {
        this.identities = identities;
        this.requests = requests;
    }

    /** A stable name of the acting principal, recorded with every change. */
    public String actor() {
        SecurityIdentity identity = identity();
        if (identity == null) {
            return SYSTEM;
        }
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String actor = identity.getAttribute(ACTOR_ATTRIBUTE);
        return actor != null ? actor : identity.getPrincipal().getName();
    }

    public Role role() {
        SecurityIdentity identity = identity();
        if (identity == null) {
            return Role.ADMIN;
        }
        return identity.isAnonymous() ? Role.ANONYMOUS : Role.highest(identity.getRoles());
    }

    public boolean atLeast(Role role) {
        return role().atLeast(role);
    }

    /** True in an HTTP request (anonymous or not), false for the system. */
    public boolean inRequest() {
        return identity() != null;
    }

    /** The identity of the current HTTP request (resolved now if it was deferred), or null outside one. */
    private SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive() || requests.get().getCurrent() == null) {
            return null;
        }
        return identities.get().getIdentity();
    }
}
