package org.fonds.shared;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the one place services ask for the acting user (for revisions) and the caller's role (for
 * visibility and permissions). Outside an HTTP request (the sample-archive loader, migrations) the caller is
 * {@code system} with every right.
 *
 * <p>Stub until authentication lands (issue 5): everyone is {@code anonymous} in requests.
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    /** A stable name of the acting principal, recorded with every change. */
    public String actor() {
        return ANONYMOUS;
    }

    public Role role() {
        return Role.ANONYMOUS;
    }

    public boolean atLeast(Role role) {
        return role().atLeast(role);
    }
}
