package org.fonds.annotation;

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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.fonds.resource.TimestampedEntity;

/** A note, mark or editorial observation anchored to words of a document's text. */
@Entity
@Table(name = "annotation")
public class Annotation extends TimestampedEntity {

    @Column(nullable = false, updatable = false)
    public UUID documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnnotationType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AnnotationBody body;

    /** A MENTION's agent. */
    public UUID agentId;

    /** A MENTION's place. */
    public UUID placeId;

    /** A MENTION's date in EDTF, with the days it can denote (indexed for the dates resource). */
    public String dateEdtf;

    public LocalDate dateEarliest;

    public LocalDate dateLatest;

    /** The note that reports this MARGINALIA. */
    public UUID reportedById;

    /** Loaded in batches (quarkus.hibernate-orm.fetch.batch-size) for the annotations of a list page. */
    @OneToMany(mappedBy = "annotation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<AnnotationTarget> targets = new ArrayList<>();
}
