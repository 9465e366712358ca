package org.fonds.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.fonds.resource.TimestampedEntity;

/** A topic documents are about, possibly a heading of a controlled vocabulary. */
@Entity
@Table(name = "subject")
public class Subject extends TimestampedEntity {

    @Column(nullable = false)
    public String label;

    public String scheme;

    public String uri;
}
