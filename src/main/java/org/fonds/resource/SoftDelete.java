package org.fonds.resource;

/**
 * Soft deletion (issue 5): a DELETE sets {@code deleted_at}; the row stays for its history and can be restored, and
 * only a purge removes it. The one place that says what "live" means in SQL, so that every list, search, count and
 * embed excludes deleted rows alike. A part of a document (text, participant, link, media, annotation) is hidden both
 * when it is deleted itself and when its document is.
 */
public final class SoftDelete {

    private SoftDelete() {
    }

    /** SQL predicate: the row of {@code alias} (any soft-deletable table) is not deleted. */
    public static String live(String alias) {
        return alias + ".deleted_at IS NULL";
    }

    /** SQL predicate: the document {@code documentIdColumn} (e.g. {@code t.document_id}) exists and is not deleted. */
    public static String liveDocument(String documentIdColumn) {
        return "EXISTS (SELECT 1 FROM document live_d WHERE live_d.id = " + documentIdColumn
                + " AND live_d.deleted_at IS NULL)";
    }

    /** JPQL predicate for an entity alias: not deleted. */
    public static String liveJpql(String alias) {
        return alias + ".deletedAt is null";
    }
}
