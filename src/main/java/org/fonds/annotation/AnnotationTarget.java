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

/** One span an annotation points at: W3C TextPositionSelector and TextQuoteSelector, and a place on the page. */
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

    @Column(nullable = false)
    public UUID textId;

    @Column(nullable = false)
    public int startOffset;

    @Column(nullable = false)
    public int endOffset;

    @Column(nullable = false)
    public String exact;

    @Column(nullable = false)
    public String prefix;

    @Column(nullable = false)
    public String suffix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnchorStatus status;

    public Integer page;

    public Integer lineStart;

    public Integer lineEnd;

    @Enumerated(EnumType.STRING)
    public Margin margin;

    public String region;

    Anchors.Anchor anchor() {
        return new Anchors.Anchor(startOffset, endOffset, exact, prefix, suffix);
    }

    void anchor(Anchors.Anchor a) {
        startOffset = a.start();
        endOffset = a.end();
        exact = a.exact();
        prefix = a.prefix();
        suffix = a.suffix();
    }
}
