package org.fonds.history;

/** Every kind of resource whose changes are recorded as revisions; {@code table} is its database table. */
public enum ResourceType {
    DOCUMENT("document", "document"), TEXT("text", "text"), PARTICIPANT("participant", "participant"),
    LINK("document_link", "link"), MEDIA("media", "media item"), ANNOTATION("annotation", "annotation"),
    AGENT("agent", "agent"), PLACE("place", "place"), SUBJECT("subject", "subject"),
    COLLECTION("collection", "collection");

    private final String table;
    private final String label;

    ResourceType(String table, String label) {
        this.table = table;
        this.label = label;
    }

    String table() {
        return table;
    }

    public String label() {
        return label;
    }

    /** Whether the resource belongs to a document (its URL is under /documents/{document_id}). */
    public boolean isDocumentPart() {
        return this == TEXT || this == PARTICIPANT || this == LINK || this == MEDIA;
    }
}
