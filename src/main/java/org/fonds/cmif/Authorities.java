package org.fonds.cmif;

import java.util.List;
import java.util.Objects;
import org.fonds.name.Identifier;

/** The URIs of authority records, as CMIF's {@code @ref} and Dublin Core take them (the authorities' own forms). */
public final class Authorities {

    private Authorities() {
    }

    /** The URI of one identifier, or null for a scheme without one (OTHER). */
    public static String uri(Identifier id) {
        return switch (id.scheme()) {
            case VIAF -> "http://viaf.org/viaf/" + id.value();
            case GND -> "http://d-nb.info/gnd/" + id.value();
            case WIKIDATA -> "http://www.wikidata.org/entity/" + id.value();
            case GEONAMES -> "http://www.geonames.org/" + id.value();
            case LCNAF -> "http://id.loc.gov/authorities/names/" + id.value();
            case ORCID -> "https://orcid.org/" + id.value();
            case OTHER -> null;
        };
    }

    /** The URIs of these identifiers (VIAF, GND, Wikidata, GeoNames, ... in the order given), space-separated, or null. */
    public static String refs(List<Identifier> ids) {
        if (ids == null) {
            return null;
        }
        String refs = String.join(" ", ids.stream().map(Authorities::uri).filter(Objects::nonNull).distinct()
                .toList());
        return refs.isEmpty() ? null : refs;
    }
}
