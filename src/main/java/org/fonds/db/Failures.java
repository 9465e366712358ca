package org.fonds.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What lies under an exception that came out of the database's driver, Hibernate or the transaction manager: the
 * exception, its causes, its suppressed exceptions (a failed commit or rollback hides the original one there) and a
 * {@link SQLException}'s next ones, each once. The HTTP layer reads it to tell an unavailable database from a bug, an
 * import to tell a database that cannot go on from a unit that is wrong.
 */
public final class Failures {

    private Failures() {
    }

    /** The exception and everything under it, depth first. */
    public static Stream<Throwable> under(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>();
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t instanceof SQLException sql) {
                todo.add(sql.getNextException());
            }
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        return found.stream();
    }
}
