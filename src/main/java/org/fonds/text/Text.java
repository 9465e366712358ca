package org.fonds.text;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.fonds.resource.RecordedPart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A text of a document: its original-language transcription or a translation, as sections of paragraphs. */
@Entity
@Table(name = "text")
public class Text extends RecordedPart {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TextRole role;

    @Column(nullable = false)
    public String language;

    public String translatorName;

    public UUID translatorAgentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Section> sections = new ArrayList<>();

    /** Derived from sections (see Paragraphs); stored so anchors and search need not rebuild it. */
    @Column(nullable = false)
    public String content;
}
