package org.fonds.access;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who may see a document. What a caller may not see is invisible everywhere (404, missing from lists, searches,
 * counts and embeds): {@link #sql} and {@link #jpql} are the one rule every query uses.
 *
 * <ul>
 *   <li>anonymous readers: PUBLISHED, and EMBARGOED from its {@code embargo_until} day on;</li>
 *   <li>contributors: those and DRAFT;</li>
 *   <li>editors and administrators: everything, RESTRICTED included.</li>
 * </ul>
 */
public enum Visibility {
    DRAFT, PUBLISHED, EMBARGOED, RESTRICTED;

    /** The visibilities a role sees regardless of dates (an EMBARGOED document is also seen once it has lapsed). */
    static List<Visibility> alwaysVisibleTo(Role role) {
        return switch (role) {
            case ANONYMOUS -> List.of(PUBLISHED);
            case CONTRIBUTOR -> List.of(PUBLISHED, DRAFT);
            case EDITOR, ADMIN -> Arrays.asList(values());
        };
    }

    /**
     * The SQL condition "{@code alias} (a row of table document) is visible to {@code role}"; constant text, no
     * parameters. An embargo lapses at the start of its day in the database's time zone (UTC).
     */
    public static String sql(String alias, Role role) {
        List<Visibility> always = alwaysVisibleTo(role);
        if (always.size() == values().length) {
            return "TRUE";
        }
        return "(" + alias + ".visibility IN (" + always.stream().map(v -> "'" + v.name() + "'")
                .collect(Collectors.joining(", ")) + ") OR " + alias + ".visibility = 'EMBARGOED' AND " + alias
                + ".embargo_until <= CURRENT_DATE)";
    }

    /** {@link #sql} for HQL/JPQL: {@code alias} is a Document entity. */
    public static String jpql(String alias, Role role) {
        List<Visibility> always = alwaysVisibleTo(role);
        if (always.size() == values().length) {
            return "true";
        }
        String prefix = Visibility.class.getName() + ".";
        return "(" + alias + ".visibility in (" + always.stream().map(v -> prefix + v.name())
                .collect(Collectors.joining(", ")) + ") or " + alias + ".visibility = " + prefix + "EMBARGOED and "
                + alias + ".embargoUntil <= current_date)";
    }
}
