package org.fonds.media;

import org.fonds.fixity.FixityChecked;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.fonds.resource.DocumentPartService;
import org.fonds.resource.References;

@ApplicationScoped
public class MediaService extends DocumentPartService<Media, MediaInput, MediaView> implements FixityChecked {

    @ApplicationScoped
    public static class MediaRepository implements PanacheRepositoryBase<Media, UUID> {
    }

    public MediaService(MediaRepository media) {
        super(ResourceType.MEDIA, MediaInput.class, media, Media::new, MediaView::of);
    }

    /**
     * What a media item's fixity digest covers: its stored description (Fonds keeps no file, only where it is served),
     * including the file's own SHA-256 when the client supplied one.
     */
    @Override
    protected Map<String, Object> fixityFields(Media m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("document_id", m.documentId.toString());
        fields.put("url", m.url);
        fields.put("media_type", m.mediaType);
        fields.put("page_number", m.pageNumber);
        fields.put("file_sha256", m.sha256);
        fields.put("caption", m.caption);
        fields.put("depicted_agent_ids", m.depictedAgentIds.stream().map(UUID::toString).toList());
        return fields;
    }

    @Override
    protected void apply(Media m, MediaInput input) {
        references.requireAll(References.Table.AGENT, "depicted_agent_ids", input.depictedAgentIds());
        m.url = input.url();
        m.mediaType = input.mediaType();
        m.pageNumber = input.pageNumber();
        m.sha256 = input.sha256();
        m.caption = input.caption();
        m.depictedAgentIds = input.depictedAgentIds() == null ? new ArrayList<>()
                : new ArrayList<>(input.depictedAgentIds());
    }

    @Override
    public int order() {
        return 2;
    }
}
