package org.fonds.access;

/**
 * Who may see a document. What a caller may not see is invisible everywhere (404, missing from lists, searches,
 * counts and embeds), enforced by the database's views (migrations V12 and V14, function fonds_visible), not by Java:
 *
 * <ul>
 *   <li>anonymous readers: PUBLISHED, and EMBARGOED from its {@code embargo_until} day on;</li>
 *   <li>contributors: those and DRAFT;</li>
 *   <li>editors and administrators: everything, RESTRICTED included.</li>
 * </ul>
 */
public enum Visibility {
    DRAFT, PUBLISHED, EMBARGOED, RESTRICTED
}
