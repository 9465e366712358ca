package org.fonds.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.agent.AgentView;
import org.fonds.collection.CollectionView;
import org.fonds.document.DocumentView;
import org.fonds.place.PlaceView;
import org.fonds.subject.SubjectView;

/**
 * One line of Fonds' NDJSON export and import: a resource as GET of its URL answers it (a document with everything it
 * embeds), under the key its {@code type} names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ArchiveLine", description = "One line of the archive's NDJSON (`application/x-ndjson`): a JSON object "
        + "whose `type` names (in lower case) the one other key it has, which holds the resource as GET of its URL answers it (a "
        + "document as `GET /documents/{document_id}?embed=all`). Agents, places, subjects and collections come "
        + "before the documents that refer to them. The last line of an export has the `type` END and the number of "
        + "lines before it in `lines`: an export without it was cut short. The cursor after a line, for `after`, is its `type`, a colon and "
        + "the resource's `id`, e.g. `DOCUMENT:0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b`.",
        examples = "{\"type\":\"SUBJECT\",\"subject\":{\"id\":\"0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b\","
                + "\"label\":\"Korean War, 1950-1953\",\"scheme\":\"LCSH\",\"uri\":null,"
                + "\"created_at\":\"2026-01-05T10:00:00Z\",\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":0}}")
public record ExportLine(
        @Schema(required = true, description = "What the line holds, and the name of the key that holds it.",
                examples = "DOCUMENT") LineType type,
        @Schema(description = "When `type` is `AGENT`.") AgentView agent,
        @Schema(description = "When `type` is `PLACE`.") PlaceView place,
        @Schema(description = "When `type` is `SUBJECT`.") SubjectView subject,
        @Schema(description = "When `type` is `COLLECTION`.") CollectionView collection,
        @Schema(description = "When `type` is `DOCUMENT`: with its texts, participants, links, media and annotations.")
        DocumentView document,
        @Schema(description = "When `type` is `END`: how many lines this response has before this one.",
                examples = "1200") Long lines) {

    static ExportLine end(long lines) {
        return new ExportLine(LineType.END, null, null, null, null, null, lines);
    }

    /** The kinds of line, in the order the export writes them. */
    @Schema(name = "ArchiveLineType")
    public enum LineType {
        AGENT, PLACE, SUBJECT, COLLECTION, DOCUMENT,
        /** The last line of an export: what it wrote is whole. Not a resource, and not a cursor. */
        END;

        /** The key that holds the resource on a line of this type. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
