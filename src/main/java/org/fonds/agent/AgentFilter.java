package org.fonds.agent;

import org.fonds.name.Identifier;

/** The filters of GET /agents; they combine with AND. */
public record AgentFilter(AgentType type, String name, Identifier identifier) {

    /** Identifies the listing a cursor belongs to. */
    public String scope() {
        return String.join("|", "agents", String.valueOf(type), String.valueOf(name),
                identifier == null ? "null" : identifier.scheme() + ":" + identifier.value());
    }
}
