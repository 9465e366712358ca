package org.fonds.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.fonds.resource.DocumentPart;
import java.util.UUID;

/** A typed link from a document to another, kept as written even when the other is not in the archive. */
@Entity
@Table(name = "document_link")
public class DocumentLink extends DocumentPart {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkType type;

    public UUID targetDocumentId;

    public String referenceAsWritten;

    public String note;
}
