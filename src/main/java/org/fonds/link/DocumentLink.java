package org.fonds.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A typed link from a document to another, kept as written even when the other is not in the archive. */
@Entity
@Table(name = "document_link")
public class DocumentLink {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "document_id", nullable = false, updatable = false)
    public UUID documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkType type;

    @Column(name = "target_document_id")
    public UUID targetDocumentId;

    @Column(name = "reference_as_written")
    public String referenceAsWritten;

    public String note;

    @Version
    @Column(nullable = false)
    public long version;
}
