package org.fonds.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a filtered list query (HQL or SQL), built a condition at a time with the named parameters the
 * conditions use: a filter that was not given (null) adds nothing.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code condition}, which uses the parameter {@code :name}, when {@code value} is not null. */
    public Where and(String condition, String name, Object value) {
        return value == null ? this : and(condition, Map.of(name, value));
    }

    /** {@code condition} with the parameters it uses. */
    public Where and(String condition, Map<String, Object> parameters) {
        conditions.add(condition);
        this.parameters.putAll(parameters);
        return this;
    }

    /** The conditions joined by AND after the keyword WHERE, with a space before it; empty when there are none. */
    public String clause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
