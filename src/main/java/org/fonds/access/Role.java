package org.fonds.access;

import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a caller may do, in increasing order: anonymous readers, contributors (create documents as drafts and edit
 * drafts), editors (publish, edit anything), administrators (API keys, purge). Each role includes the ones before it.
 * A JWT carries its role in the {@code groups} claim; an API key has one role.
 */
@Schema(name = "AccessRole", description = "A caller's role; each includes the ones before it. API keys and tokens "
        + "carry CONTRIBUTOR, EDITOR or ADMIN.")
public enum Role {
    ANONYMOUS, CONTRIBUTOR, EDITOR, ADMIN;

    /** The role names as constants, for {@code @RolesAllowed}. A caller has the names of its role and those below. */
    public static final class Names {
        public static final String CONTRIBUTOR = "CONTRIBUTOR";
        public static final String EDITOR = "EDITOR";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The highest role among {@code names} (unknown names are ignored); ANONYMOUS when none is a role. */
    public static Role highest(Collection<String> names) {
        Role best = ANONYMOUS;
        for (String name : names) {
            for (Role r : values()) {
                if (r != ANONYMOUS && r.name().equals(name) && r.atLeast(best)) {
                    best = r;
                }
            }
        }
        return best;
    }
}
