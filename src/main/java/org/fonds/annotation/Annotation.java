package org.fonds.annotation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** A note, mark or editorial observation anchored to words of a document's text. */
@Entity
@Table(name = "annotation")
public class Annotation {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "document_id", nullable = false, updatable = false)
    public UUID documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnnotationType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AnnotationBody body;

    /** A MENTION's agent. */
    @Column(name = "agent_id")
    public UUID agentId;

    /** A MENTION's place. */
    @Column(name = "place_id")
    public UUID placeId;

    /** A MENTION's date in EDTF, with the days it can denote (indexed for the dates resource). */
    @Column(name = "date_edtf")
    public String dateEdtf;

    @Column(name = "date_earliest")
    public LocalDate dateEarliest;

    @Column(name = "date_latest")
    public LocalDate dateLatest;

    /** The note that reports this MARGINALIA. */
    @Column(name = "reported_by_id")
    public UUID reportedById;

    /** Loaded in batches (quarkus.hibernate-orm.fetch.batch-size) for the annotations of a list page. */
    @OneToMany(mappedBy = "annotation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AnnotationTarget> targets = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** When the annotation was (soft-)deleted; null while it is live. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
