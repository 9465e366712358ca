package org.fonds.link;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.References;

import static org.fonds.shared.ProblemException.requireBody;

@ApplicationScoped
public class LinkService {

    @ApplicationScoped
    public static class LinkRepository implements PanacheRepositoryBase<DocumentLink, UUID> {
    }

    private final LinkRepository links;
    private final References references;
    private final CursorCodec cursors;

    public LinkService(LinkRepository links, References references, CursorCodec cursors) {
        this.links = links;
        this.references = references;
        this.cursors = cursors;
    }

    @Transactional
    public LinkView create(UUID documentId, @Valid LinkInput input) {
        requireBody(input);
        references.requireFound(References.Table.DOCUMENT, documentId);
        DocumentLink l = new DocumentLink();
        l.documentId = documentId;
        apply(l, input);
        links.persist(l);
        links.flush();
        return LinkView.of(l);
    }

    public LinkView get(UUID documentId, UUID id) {
        return LinkView.of(find(documentId, id));
    }

    public Page<LinkView> list(UUID documentId, LinkType type, String cursor, int limit) {
        references.requireFound(References.Table.DOCUMENT, documentId);
        String scope = "links|" + documentId + "|" + type;
        UUID after = cursors.afterId(scope, cursor);
        StringBuilder query = new StringBuilder("documentId = :document");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("document", documentId);
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        if (after != null) {
            query.append(" and id > :after");
            params.and("after", after);
        }
        List<DocumentLink> rows = links.find(query.append(" order by id").toString(), params).page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, l -> List.of(l.id.toString()), LinkView::of);
    }

    public List<LinkView> ofDocuments(List<UUID> documentIds) {
        return links.list("documentId in ?1 order by documentId, id", documentIds).stream().map(LinkView::of).toList();
    }

    @Transactional
    public LinkView replace(UUID documentId, UUID id, String ifMatch, @Valid LinkInput input) {
        requireBody(input);
        DocumentLink l = find(documentId, id);
        ETags.checkIfMatch(ifMatch, l.version);
        apply(l, input);
        links.flush();
        return LinkView.of(l);
    }

    @Transactional
    public void delete(UUID documentId, UUID id, String ifMatch) {
        DocumentLink l = find(documentId, id);
        ETags.checkIfMatch(ifMatch, l.version);
        links.delete(l);
    }

    private DocumentLink find(UUID documentId, UUID id) {
        DocumentLink l = links.findById(id);
        if (l == null || !l.documentId.equals(documentId)) {
            throw ProblemException.notFound("link of document " + documentId, id);
        }
        return l;
    }

    private void apply(DocumentLink l, LinkInput input) {
        if (input.targetDocumentId() == null && (input.referenceAsWritten() == null
                || input.referenceAsWritten().isBlank())) {
            throw ProblemException.invalidField("target_document_id",
                    "give the linked document, the reference as written (reference_as_written), or both");
        }
        if (l.documentId.equals(input.targetDocumentId())) {
            throw ProblemException.invalidField("target_document_id", "a document cannot link to itself");
        }
        references.require(References.Table.DOCUMENT, "target_document_id", input.targetDocumentId());
        l.type = input.type();
        l.targetDocumentId = input.targetDocumentId();
        l.referenceAsWritten = input.referenceAsWritten();
        l.note = input.note();
    }
}
