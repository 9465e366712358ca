package org.fonds.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.fonds.resource.TimestampedEntity;

/** A curated set of documents, such as an archive's thematic collection. */
@Entity
@Table(name = "collection")
public class Collection extends TimestampedEntity {

    @Column(nullable = false)
    public String title;

    public String description;
}
