package org.fonds.place;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.fonds.name.NameVariantRow;

/** One name variant of a place, at its position in the place's list of names. */
@Entity
@Table(name = "place_name")
public class PlaceName extends NameVariantRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "place_id", nullable = false)
    public Place place;
}
