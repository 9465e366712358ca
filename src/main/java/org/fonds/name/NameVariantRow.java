package org.fonds.name;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.annotations.UuidGenerator;

/**
 * A stored name variant: the columns that agent_name and place_name share. Each feature maps its own table with a
 * subclass that adds the owner, and keeps its names in a list ordered by {@code position}.
 */
@MappedSuperclass
public abstract class NameVariantRow {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String value;

    public String language;

    @Enumerated(EnumType.STRING)
    public Transliteration transliteration;

    @Column(nullable = false)
    public boolean preferred;

    /** The value as name search compares it ({@link NameKey}); set from the value whenever the row is written. */
    @Column(nullable = false)
    public String matchKey;

    @PrePersist
    @PreUpdate
    void key() {
        matchKey = NameKey.of(value);
    }

    public NameVariant toVariant() {
        return new NameVariant(value, language, transliteration, preferred);
    }

    /**
     * Replaces the rows of an owner's name list by new rows for {@code names} (normalized: exactly one preferred)
     * and returns the preferred value. The old rows are deleted at once (a flush): within one flush Hibernate would
     * insert the new rows before deleting the orphans, against the unique indexes on position and on the preferred
     * name. Call it before changing anything else of the owner, whose name list must not bump its version
     * ({@code @OptimisticLock(excluded = true)}), so that this flush leaves the owner's version alone.
     */
    public static <R extends NameVariantRow> String replace(List<R> rows, List<NameVariant> names, Supplier<R> newRow) {
        List<NameVariant> normalized = NameVariant.normalize(names);
        if (!rows.isEmpty()) {
            rows.clear();
            Panache.getEntityManager().flush();
        }
        for (int i = 0; i < normalized.size(); i++) {
            NameVariant n = normalized.get(i);
            R row = newRow.get();
            row.position = i;
            row.value = n.value();
            row.language = n.language();
            row.transliteration = n.transliteration();
            row.preferred = n.preferred();
            row.matchKey = NameKey.of(n.value());
            rows.add(row);
        }
        return NameVariant.preferredValue(normalized);
    }

    public static List<NameVariant> variants(List<? extends NameVariantRow> rows) {
        return rows.stream().map(NameVariantRow::toVariant).toList();
    }
}
