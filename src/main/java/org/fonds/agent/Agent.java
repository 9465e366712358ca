package org.fonds.agent;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fonds.name.Identifier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;
import org.fonds.resource.TimestampedEntity;

/** A person, organisation, office or group that documents are by, to, for or about. */
@Entity
@Table(name = "agent")
public class Agent extends TimestampedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgentType type;

    /** The value of the preferred name variant, kept beside the names for lists and sorting. */
    @Column(nullable = false)
    public String preferredName;

    /** Loaded lazily, in batches for a page of agents (quarkus.hibernate-orm.fetch.batch-size). */
    @OneToMany(mappedBy = "agent", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OptimisticLock(excluded = true) // a write sets updated_at, which bumps the version once
    public List<AgentName> names = new ArrayList<>();

    public String existenceEdtf;

    public LocalDate existenceEarliest;

    public LocalDate existenceLatest;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Office> offices = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Identifier> identifiers = new ArrayList<>();

    public String note;
}
