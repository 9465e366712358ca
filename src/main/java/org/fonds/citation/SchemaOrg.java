package org.fonds.citation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fonds.document.DocumentKind;
import org.fonds.document.DocumentView;
import org.fonds.document.SourceCitation;

/**
 * A document as schema.org JSON-LD, for search engines and catalogues: an {@code ArchiveComponent} (a cable or letter
 * also a {@code Message}, the type that has {@code sender}, {@code recipient} and {@code dateSent}) held by the
 * {@code ArchiveOrganization} its source names, at the archival unit ({@code itemLocation}), with its date
 * ({@code dateCreated} where it is an ISO 8601 date, else {@code temporalCoverage} as the interval of days it can
 * denote), place of origin, languages, translators, editors and Fonds collections. Agents and places are nodes with
 * their Fonds URLs as {@code @id}.
 */
final class SchemaOrg {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** What schema.org's Date and DateTime take: an ISO 8601 year, month, day or date-time. */
    private static final Pattern ISO = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9:]+(Z|[+-][0-9:]+)?)?)?)?");

    private SchemaOrg() {
    }

    static ObjectNode document(CitedDocument cited) {
        DocumentView d = cited.document();
        boolean message = d.kind() == DocumentKind.CABLE || d.kind() == DocumentKind.LETTER;
        ObjectNode n = JSON.objectNode();
        n.put("@context", "https://schema.org");
        if (message) {
            n.putArray("@type").add("ArchiveComponent").add("Message");
        } else {
            n.put("@type", "ArchiveComponent");
        }
        String url = cited.url().toString();
        n.put("@id", url);
        n.put("url", url);
        n.put("identifier", d.id().toString());
        n.put("name", d.title());
        put(n, "description", d.summary());
        n.put("genre", cited.genre());
        if (!d.referenceNumbers().isEmpty()) {
            ArrayNode numbers = n.putArray("alternateName");
            d.referenceNumbers().forEach(numbers::add);
        }
        if (!d.languages().isEmpty()) {
            ArrayNode languages = n.putArray("inLanguage");
            d.languages().forEach(languages::add);
        }
        if (d.date() != null) {
            if (ISO.matcher(d.date()).matches()) {
                n.put("dateCreated", d.date());
            } else if (d.dateRange() != null) {
                n.put("temporalCoverage", (d.dateRange().earliest() == null ? ".." : d.dateRange().earliest())
                        + "/" + (d.dateRange().latest() == null ? ".." : d.dateRange().latest()));
            }
        }
        if (message) {
            agents(cited, n, "sender", cited.authors());
            agents(cited, n, "recipient", cited.recipients());
            String sent = d.dispatched() != null && ISO.matcher(d.dispatched()).matches() ? d.dispatched()
                    : d.date() != null && ISO.matcher(d.date()).matches() ? d.date() : null;
            put(n, "dateSent", sent);
        } else {
            agents(cited, n, "author", cited.authors());
        }
        agents(cited, n, "translator", cited.translators());
        agents(cited, n, "editor", cited.editors());
        if (cited.place() != null) {
            ObjectNode place = n.putObject("locationCreated");
            place.put("@type", "Place");
            place.put("@id", cited.place().url().toString());
            place.put("name", cited.place().name());
            if (cited.place().latitude() != null && cited.place().longitude() != null) {
                ObjectNode geo = place.putObject("geo");
                geo.put("@type", "GeoCoordinates");
                geo.put("latitude", cited.place().latitude());
                geo.put("longitude", cited.place().longitude());
            }
        }
        SourceCitation s = d.source();
        if (s != null) {
            String holder = CitedDocument.blankToNull(s.repository()) != null ? s.repository() : s.collection();
            if (CitedDocument.blankToNull(holder) != null) {
                ObjectNode archive = n.putObject("holdingArchive");
                archive.put("@type", "ArchiveOrganization");
                archive.put("name", holder.strip());
            }
            put(n, "sameAs", s.url());
        }
        put(n, "itemLocation", cited.archiveLocation());
        if (d.rights() != null) {
            put(n, d.rights().startsWith("http") ? "license" : "copyrightNotice", d.rights());
        }
        if (!d.collectionIds().isEmpty()) {
            ArrayNode parts = n.putArray("isPartOf");
            for (UUID c : d.collectionIds().stream().sorted().toList()) {
                parts.addObject().put("@type", "Collection").put("@id", cited.base().resolve("collections/" + c)
                        .toString());
            }
        }
        return n;
    }

    private static void agents(CitedDocument cited, ObjectNode n, String property, List<CitedName> names) {
        if (names.isEmpty()) {
            return;
        }
        ArrayNode array = n.putArray(property);
        for (CitedName name : names) {
            ObjectNode agent = array.addObject();
            agent.put("@type", name.person() ? "Person" : "Organization");
            if (name.agentId() != null) {
                agent.put("@id", cited.agentUrl(name).toString());
            }
            agent.put("name", name.display());
            if (name.family() != null) {
                agent.put("familyName", name.family());
                agent.put("givenName", name.given());
            }
        }
    }

    private static void put(ObjectNode n, String key, String value) {
        String v = CitedDocument.blankToNull(value);
        if (v != null) {
            n.put(key, v);
        }
    }
}
