package org.fonds.cmif;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.fonds.document.Credit;
import org.fonds.document.SourceCitation;
import org.fonds.name.Identifier;

/**
 * What the correspondence exports (CMIF, and OAI-PMH's Dublin Core) need of one document, read in one statement with
 * its participants, their agents and places, through the views (so only what the caller may see).
 */
public record Letter(UUID id, String kind, String title, String summary, List<String> referenceNumbers,
        List<String> languages, String date, String dispatched, SourceCitation source, String rights,
        List<Credit> credits, OffsetDateTime updatedAt, PlaceRef origin, List<UUID> collectionIds,
        List<Correspondent> participants) {

    /** A place with its authority identifiers. */
    public record PlaceRef(UUID id, String name, List<Identifier> identifiers) {
    }

    /** A participant with its agent's preferred name, type and authority identifiers (null when it is deleted). */
    public record Correspondent(String role, int position, String nameAsWritten, UUID agentId, String agentName,
            String agentType, List<Identifier> identifiers, String date, PlaceRef place) {

        /** The agent's preferred name, or the name as the document writes it. */
        public String name() {
            return agentName != null ? agentName : nameAsWritten != null ? nameAsWritten : "unknown";
        }

        public boolean person() {
            return agentType == null || agentType.equals("PERSON");
        }
    }

    /** The participants of these roles, in the first role that has any (e.g. SENDER, else AUTHOR). */
    public List<Correspondent> inFirstRoleOf(String... roles) {
        for (String role : roles) {
            List<Correspondent> found = participants.stream().filter(p -> p.role().equals(role)).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    public List<Correspondent> senders() {
        return inFirstRoleOf("SENDER", "AUTHOR", "SIGNATORY");
    }

    public List<Correspondent> recipients() {
        return inFirstRoleOf("RECIPIENT", "VIA");
    }

    /** Where the original is kept, as one line: the free citation, or the repository and the archival unit. */
    public String sourceLine() {
        if (source == null) {
            return null;
        }
        if (source.citation() != null && !source.citation().isBlank()) {
            return source.citation();
        }
        StringBuilder line = new StringBuilder();
        append(line, "", source.repository());
        append(line, "", source.collection());
        append(line, "Fond ", source.fond());
        append(line, "Opis ", source.opis());
        append(line, "Delo ", source.delo());
        append(line, "Papka ", source.papka());
        append(line, "Listy ", source.listy());
        return line.isEmpty() ? source.url() : line.toString();
    }

    private static void append(StringBuilder line, String label, String value) {
        if (value != null && !value.isBlank()) {
            line.append(line.isEmpty() ? "" : ", ").append(label).append(value);
        }
    }
}
