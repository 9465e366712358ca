package org.fonds.media;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.References;

import static org.fonds.shared.ProblemException.requireBody;

@ApplicationScoped
public class MediaService {

    @ApplicationScoped
    public static class MediaRepository implements PanacheRepositoryBase<Media, UUID> {
    }

    private final MediaRepository media;
    private final References references;
    private final CursorCodec cursors;

    public MediaService(MediaRepository media, References references, CursorCodec cursors) {
        this.media = media;
        this.references = references;
        this.cursors = cursors;
    }

    @Transactional
    public MediaView create(UUID documentId, @Valid MediaInput input) {
        requireBody(input);
        references.requireFound(References.Table.DOCUMENT, documentId);
        Media m = new Media();
        m.documentId = documentId;
        m.createdAt = now();
        apply(m, input);
        media.persist(m);
        media.flush();
        return MediaView.of(m);
    }

    public MediaView get(UUID documentId, UUID id) {
        return MediaView.of(find(documentId, id));
    }

    /** In id order (creation order). */
    public Page<MediaView> list(UUID documentId, String cursor, int limit) {
        references.requireFound(References.Table.DOCUMENT, documentId);
        String scope = "media|" + documentId;
        UUID after = cursors.afterId(scope, cursor);
        List<Media> rows = (after == null ? media.find("documentId = ?1 order by id", documentId)
                : media.find("documentId = ?1 and id > ?2 order by id", documentId, after)).page(0, limit + 1).list();
        return cursors.page(scope, rows, limit, m -> List.of(m.id.toString()), MediaView::of);
    }

    public List<MediaView> ofDocuments(List<UUID> documentIds) {
        return media.list("documentId in ?1 order by documentId, id", documentIds).stream().map(MediaView::of).toList();
    }

    @Transactional
    public MediaView replace(UUID documentId, UUID id, String ifMatch, @Valid MediaInput input) {
        requireBody(input);
        Media m = find(documentId, id);
        ETags.checkIfMatch(ifMatch, m.version);
        apply(m, input);
        media.flush();
        return MediaView.of(m);
    }

    @Transactional
    public void delete(UUID documentId, UUID id, String ifMatch) {
        Media m = find(documentId, id);
        ETags.checkIfMatch(ifMatch, m.version);
        media.delete(m);
    }

    private Media find(UUID documentId, UUID id) {
        Media m = media.findById(id);
        if (m == null || !m.documentId.equals(documentId)) {
            throw ProblemException.notFound("media item of document " + documentId, id);
        }
        return m;
    }

    private void apply(Media m, MediaInput input) {
        references.requireAll(References.Table.AGENT, "depicted_agent_ids", input.depictedAgentIds());
        m.url = input.url();
        m.mediaType = input.mediaType();
        m.pageNumber = input.pageNumber();
        m.sha256 = input.sha256();
        m.caption = input.caption();
        m.depictedAgentIds = input.depictedAgentIds() == null ? new ArrayList<>() : new ArrayList<>(input.depictedAgentIds());
        m.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
