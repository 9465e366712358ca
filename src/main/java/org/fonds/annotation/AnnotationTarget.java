package org.fonds.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * What an annotation points at: a span of a text (W3C TextPositionSelector and TextQuoteSelector), or a part of the
 * document ({@link DocumentPartName}: its heading, dateline, source line or a signature), and a place on the page.
 * The text fields are null for a part, and the part for a span (a constraint of the schema, V18).
 */
@Entity
@Table(name = "annotation_target")
public class AnnotationTarget {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "annotation_id", nullable = false, updatable = false)
    public Annotation annotation;

    @Column(nullable = false)
    public int position;

    public UUID textId;

    public Integer startOffset;

    public Integer endOffset;

    public String exact;

    public String prefix;

    public String suffix;

    /** The part of the document, for a target that is not a span of a text. */
    @Enumerated(EnumType.STRING)
    public DocumentPartName part;

    /** A SIGNATURE's signatory, when the note concerns one signature of several. */
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnchorStatus status;

    public Integer page;

    public Integer lineStart;

    public Integer lineEnd;

    @Enumerated(EnumType.STRING)
    public Margin margin;

    public String region;

    /** The span of a text target; null for a part. */
    Anchors.Anchor anchor() {
        if (textId == null) {
            return null;
        }
        return new Anchors.Anchor(startOffset, endOffset, exact, prefix, suffix);
    }

    void anchor(Anchors.Anchor a) {
        if (a == null) {
            startOffset = null;
            endOffset = null;
            exact = null;
            prefix = null;
            suffix = null;
            return;
        }
        startOffset = a.start();
        endOffset = a.end();
        exact = a.exact();
        prefix = a.prefix();
        suffix = a.suffix();
    }
}
