package org.fonds.job;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A piece of long work and its progress (migration V16). */
@Entity
@Table(name = "job")
public class Job {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    @Column(nullable = false, updatable = false)
    public String requestedBy;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime requestedAt;

    public OffsetDateTime startedAt;

    public OffsetDateTime finishedAt;

    /** The heartbeat: written with every report of progress. */
    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** How many items the work has, once it knows. */
    public Long total;

    public long done;

    /** How many of the items done went wrong (mismatches, rejected lines). */
    public long failed;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode result;

    public String error;

    /** The SHA-256 of the file an import reads (migration V17); null for other kinds. */
    @Column(updatable = false)
    public String sourceSha256;
}
