package org.fonds.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.fonds.shared.DocumentPart;
import org.fonds.shared.Fixity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A page image, PDF or photograph of a document. */
@Entity
@Table(name = "media")
public class Media extends DocumentPart implements Fixity.Recorded {

    @Column(nullable = false)
    public String url;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "page_number")
    public Integer pageNumber;

    public String sha256;

    public String caption;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "depicted_agent_ids", nullable = false)
    public List<UUID> depictedAgentIds = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** SHA-256 of the canonical form, recorded by the service on every write (see Fixity). */
    @Column(name = "fixity_sha256")
    public String fixitySha256;

    @Override
    public String recordedSha256() {
        return fixitySha256;
    }

    @Override
    public void recordSha256(String sha256) {
        fixitySha256 = sha256;
    }
}
