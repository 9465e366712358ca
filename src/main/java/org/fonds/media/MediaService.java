package org.fonds.media;

import org.fonds.fixity.FixityChecked;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.fonds.http.CursorCodec;
import org.fonds.resource.DocumentPartService;
import org.fonds.resource.References;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class MediaService extends DocumentPartService<Media, MediaInput, MediaView> implements FixityChecked {

    @ApplicationScoped
    public static class MediaRepository implements PanacheRepositoryBase<Media, UUID> {
    }

    public MediaService(MediaRepository media, References references, CursorCodec cursors, Validator validator) {
        super("media item", media, references, cursors, validator);
    }

    @Override
    protected Media newEntity() {
        Media m = new Media();
        m.createdAt = Timestamps.now();
        return m;
    }

    @Override
    protected MediaView view(Media media) {
        return MediaView.of(media);
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
    protected String pathSegment() {
        return "media";
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.MEDIA;
    }

    @Override
    protected Class<MediaInput> inputType() {
        return MediaInput.class;
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
        m.updatedAt = Timestamps.now();
    }

    @Override
    public int order() {
        return 2;
    }
}
