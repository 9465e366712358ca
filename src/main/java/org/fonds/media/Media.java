package org.fonds.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.fonds.resource.RecordedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A page image, PDF or photograph of a document. */
@Entity
@Table(name = "media")
public class Media extends RecordedPart {

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String mediaType;

    public Integer pageNumber;

    public String sha256;

    public String caption;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<UUID> depictedAgentIds = new ArrayList<>();
}
