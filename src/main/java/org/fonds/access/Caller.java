package org.fonds.access;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;

/**
 * Who is calling: the one place services ask for the acting principal (for revisions) and the caller's role (for
 * visibility and permissions). In an HTTP request the caller is whoever its credentials name (a bearer JWT:
 * {@code user:<sub>}; an API key: {@code key:<name>}), or {@code anonymous} without credentials. Outside an HTTP
 * request the caller is {@code anonymous} (fail closed: a background job sees only what the public sees), unless
 * the code runs explicitly as the system ({@link #asSystem}: the sample-archive loader, the fixity backfill), which
 * has every right. The role is what the database's views enforce (org.fonds.access.CallerRoleInterceptor).
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    /** The identity attribute holding {@link #actor()}, set when the identity is built (access.RoleAugmentor). */
    public static final String ACTOR_ATTRIBUTE = "fonds.actor";

    /** The role of code that runs as someone explicitly ({@link #asSystem}, {@link #as}), on this thread. */
    private static final ThreadLocal<Role> EXPLICIT = new ThreadLocal<>();

    private final Instance<CurrentIdentityAssociation> identities;
    private final Instance<CurrentVertxRequest> requests;

    public Caller(Instance<CurrentIdentityAssociation> identities, Instance<CurrentVertxRequest> requests) {
        this.identities = identities;
        this.requests = requests;
    }

    /** A stable name of the acting principal, recorded with every change. */
    public String actor() {
        Role explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit == Role.ADMIN ? SYSTEM : ANONYMOUS;
        }
        SecurityIdentity identity = identity();
        if (identity == null) {
            return ANONYMOUS;
        }
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String actor = identity.getAttribute(ACTOR_ATTRIBUTE);
        return actor != null ? actor : identity.getPrincipal().getName();
    }

    public Role role() {
        Role explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        SecurityIdentity identity = identity();
        if (identity == null) {
            return Role.ANONYMOUS;
        }
        return identity.isAnonymous() ? Role.ANONYMOUS : Role.highest(identity.getRoles());
    }

    public boolean atLeast(Role role) {
        return role().atLeast(role);
    }

    /** True in an HTTP request (anonymous or not), false for the system. */
    public boolean inRequest() {
        return EXPLICIT.get() == null && identity() != null;
    }

    /**
     * Runs {@code work} on this thread as the system: every right, every row (a start-up job such as the sample
     * loader or the fixity backfill). Connections acquired inside carry the role ADMIN to the database.
     */
    public static <T> T asSystem(Supplier<T> work) {
        return as(Role.ADMIN, work);
    }

    /** Runs {@code work} on this thread as a caller of {@code role}, whatever the request says. */
    public static <T> T as(Role role, Supplier<T> work) {
        Role before = EXPLICIT.get();
        EXPLICIT.set(role);
        try {
            return work.get();
        } finally {
            if (before == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(before);
            }
        }
    }

    /** The identity of the current HTTP request (resolved now if it was deferred), or null outside one. */
    private SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive() || requests.get().getCurrent() == null) {
            return null;
        }
        return identities.get().getIdentity();
    }
}
