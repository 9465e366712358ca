package org.fonds.agent;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.fonds.name.NameVariantRow;

/** One name variant of an agent, at its position in the agent's list of names. */
@Entity
@Table(name = "agent_name")
public class AgentName extends NameVariantRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agent_id", nullable = false)
    public Agent agent;
}
