package org.fonds.citation;

import jakarta.ws.rs.core.EntityTag;
import java.net.URI;
import java.util.List;
import org.fonds.document.DocumentView;

/**
 * What the citation formats read of a document: its embedded view, the names of its senders, recipients,
 * translators and editors, its place of origin, and the URLs Fonds serves them at.
 *
 * @param base the API's base URL, ending with a slash
 * @param tag  the ETag of everything above (the embedded document's, its agents' and place's versions)
 */
record CitedDocument(DocumentView document, List<CitedName> authors, List<CitedName> recipients,
        List<CitedName> translators, List<CitedName> editors, CitedPlace place, URI base, EntityTag tag) {

    URI url() {
        return base.resolve("documents/" + document.id());
    }

    URI agentUrl(CitedName name) {
        return base.resolve("agents/" + name.agentId());
    }

    /** The place of origin: its name, coordinates when known, and its URL. */
    record CitedPlace(String name, Double latitude, Double longitude, URI url) {
    }

    /**
     * The citation's genre: the kind as the document names itself ("Circular airgram") where recorded, else how
     * Fonds names the kind: "Cable", "Record of conversation".
     */
    String genre() {
        if (document.kindAsWritten() != null) {
            String written = document.kindAsWritten();
            return Character.toUpperCase(written.charAt(0)) + written.substring(1);
        }
        String kind = document.kind().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }

    /** The archival unit as a location within the repository: "Fond 45, Opis 1, Delo 346, Listy 104-107". */
    String archiveLocation() {
        var s = document.source();
        if (s == null) {
            return null;
        }
        List<String> units = new java.util.ArrayList<>();
        unit(units, "Fond", s.fond());
        unit(units, "Opis", s.opis());
        unit(units, "Delo", s.delo());
        unit(units, "Papka", s.papka());
        unit(units, "Listy", s.listy());
        return units.isEmpty() ? withoutFinalPeriod(blankToNull(s.citation())) : String.join(", ", units);
    }

    /**
     * A free citation written as a sentence ends with a period, and a style puts its own delimiter after the field:
     * "(seed …)., http://…" in Chicago. The style supplies the punctuation, so the field ends without it (an ellipsis
     * stays).
     */
    private static String withoutFinalPeriod(String value) {
        return value == null || !value.endsWith(".") || value.endsWith("..") ? value
                : value.substring(0, value.length() - 1).stripTrailing();
    }

    private static void unit(List<String> units, String label, String value) {
        if (value != null && !value.isBlank()) {
            units.add(label + " " + value.strip());
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
