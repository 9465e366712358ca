package org.fonds.document;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fonds.access.Visibility;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.fonds.resource.TimestampedEntity;

/** A primary-source document. Its texts, participants, links, media and annotations are resources of their own. */
@Entity
@Table(name = "document")
public class Document extends TimestampedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;

    /** The kind as the document names itself ("Circular airgram"); filters and facets use {@link #kind}. */
    public String kindAsWritten;

    @Column(nullable = false)
    public String title;

    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> referenceNumbers = new ArrayList<>();

    public String classification;

    public String handling;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages = new ArrayList<>();

    public String dateEdtf;

    public LocalDate dateEarliest;

    public LocalDate dateLatest;

    public String dispatchedEdtf;

    public UUID placeOfOriginId;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceCitation source;

    public String rights;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Credit> credits = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "document_subject", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "subject_id")
    public Set<UUID> subjectIds = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "document_collection", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "collection_id")
    public Set<UUID> collectionIds = new LinkedHashSet<>();

    /** Who may see the document: see {@link Visibility}. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility = Visibility.DRAFT;

    /** The day an EMBARGOED document becomes visible to everyone; null for every other visibility. */
    public LocalDate embargoUntil;
}
