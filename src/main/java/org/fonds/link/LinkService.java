package org.fonds.link;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import java.util.UUID;
import org.fonds.resource.DocumentPartService;
import org.fonds.http.ProblemException;

@ApplicationScoped
public class LinkService extends DocumentPartService<DocumentLink, LinkInput, LinkView> {

    @ApplicationScoped
    public static class LinkRepository implements PanacheRepositoryBase<DocumentLink, UUID> {
    }

    public LinkService(LinkRepository links) {
        super(ResourceType.LINK, LinkInput.class, links, DocumentLink::new, LinkView::of);
    }

    @Override
    protected void apply(DocumentLink l, LinkInput input) {
        if (input.targetDocumentId() == null && (input.referenceAsWritten() == null
                || input.referenceAsWritten().isBlank())) {
            throw ProblemException.invalidField("target_document_id",
                    "give the linked document, the reference as written (reference_as_written), or both");
        }
        if (l.documentId.equals(input.targetDocumentId())) {
            throw ProblemException.invalidField("target_document_id", "a document cannot link to itself");
        }
        // a deleted target may still be linked to (it can be restored); a hidden one is as unknown as a missing one
        if (input.targetDocumentId() != null && !access.isVisible(input.targetDocumentId())
                && !access.deleted("DOCUMENT", input.targetDocumentId())) {
            throw ProblemException.invalidField("target_document_id", "no document has the id "
                    + input.targetDocumentId());
        }
        l.type = input.type();
        l.targetDocumentId = input.targetDocumentId();
        l.referenceAsWritten = input.referenceAsWritten();
        l.note = input.note();
    }
}
