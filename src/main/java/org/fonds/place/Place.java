package org.fonds.place;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.fonds.name.Identifier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;
import org.fonds.resource.TimestampedEntity;

/** A place documents are written at, sent from or speak of. */
@Entity
@Table(name = "place")
public class Place extends TimestampedEntity {

    /** The value of the preferred name variant, kept beside the names for lists and sorting. */
    @Column(nullable = false)
    public String preferredName;

    /** Loaded lazily, in batches for a page of places (quarkus.hibernate-orm.fetch.batch-size). */
    @OneToMany(mappedBy = "place", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @OptimisticLock(excluded = true) // a write sets updated_at, which bumps the version once
    public List<PlaceName> names = new ArrayList<>();

    public Double latitude;

    public Double longitude;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Identifier> identifiers = new ArrayList<>();

    public String note;
}
