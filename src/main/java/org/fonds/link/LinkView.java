package org.fonds.link;

import org.fonds.resource.VersionedView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Link", description = "A typed link from a document to another document.")
public record LinkView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID documentId,
        @Schema(required = true, examples = "CITES") LinkType type,
        @Schema(nullable = true, required = true) UUID targetDocumentId,
        @Schema(nullable = true, required = true, examples = "cable no. 16030") String referenceAsWritten,
        @Schema(nullable = true, required = true) String note,
        @Schema(required = true, examples = "0") long version) implements VersionedView {

    static LinkView of(DocumentLink l) {
        return new LinkView(l.id, l.documentId, l.type, l.targetDocumentId, l.referenceAsWritten, l.note, l.version);
    }
}
