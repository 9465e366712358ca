package org.fonds.history;

/**
 * Every kind of resource whose changes are recorded as revisions, with what the one revisions resource and its
 * OpenAPI operations need to know of it as data: its table, its URL path segment and path parameter, its label (with
 * article and plural, for the spec's sentences), the noun of its operationIds and the component schema of its view.
 * (The representation its states are stored in is declared by its {@link Revisable} service.)
 */
public enum ResourceType {
    DOCUMENT("document", "documents", "document", "document", "Document", "Document", "DocumentView"),
    TEXT("text", "texts", "text", "text", "Text", "Text", "TextView"),
    PARTICIPANT("participant", "participants", "participant", "participant", "Participant", "Participant",
            "ParticipantView"),
    LINK("document_link", "links", "link", "link", "Link", "Link", "LinkView"),
    MEDIA("media", "media", "media", "media item", "Media", "Media", "MediaView"),
    ANNOTATION("annotation", "annotations", "annotation", "annotation", "Annotation", "Annotation", "AnnotationView"),
    AGENT("agent", "agents", "agent", "agent", "Agent", "Agent", "AgentView"),
    PLACE("place", "places", "place", "place", "Place", "Place", "PlaceView"),
    SUBJECT("subject", "subjects", "subject", "subject", "Subject", "Subject", "SubjectView"),
    COLLECTION("collection", "collections", "collection", "collection", "Collection", "Collection",
            "CollectionView");

    private final String table;
    private final String segment;
    private final String parameterStem;
    private final String label;
    private final String noun;
    private final String viewSchema;
    private final String viewClass;

    ResourceType(String table, String segment, String parameterStem, String label, String noun, String viewSchema,
            String viewClass) {
        this.table = table;
        this.segment = segment;
        this.parameterStem = parameterStem;
        this.label = label;
        this.noun = noun;
        this.viewSchema = viewSchema;
        this.viewClass = viewClass;
    }

    String table() {
        return table;
    }

    public String label() {
        return label;
    }

    /** The label with its indefinite article ("an agent", "a media item"). */
    public String labelWithArticle() {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** The plural label ("media items"). */
    public String plural() {
        return label + "s";
    }

    /** The URL path segment of the collection of this type ("agents", "texts"). */
    public String segment() {
        return segment;
    }

    /** The name of the path parameter holding a resource's id ("agent_id"). */
    public String pathParameter() {
        return parameterStem + "_id";
    }

    /** The URL path template of one resource ("/agents/{agent_id}", "/documents/{document_id}/texts/{text_id}"). */
    public String pathTemplate() {
        return (isDocumentPart() ? DOCUMENT.pathTemplate() : "") + "/" + segment + "/{" + pathParameter() + "}";
    }

    /** The noun in the operationIds ("listAgentRevisions", "purgeAgent"). */
    public String operationNoun() {
        return noun;
    }

    /** The component schema of the resource's response body ("Agent"). */
    public String viewSchema() {
        return viewSchema;
    }

    /** The component schema of one revision with its typed state ("RevisionAgentView"). */
    public String revisionSchema() {
        return "Revision" + viewClass;
    }

    /**
     * Whether the resource is an authority record that documents refer to (an agent, place, subject or collection):
     * contributors create them, but only editors change them, since a change shows in every published document.
     */
    public boolean isAuthority() {
        return this == AGENT || this == PLACE || this == SUBJECT || this == COLLECTION;
    }

    /** Whether the resource belongs to a document (its URL is under /documents/{document_id}). */
    public boolean isDocumentPart() {
        return this == TEXT || this == PARTICIPANT || this == LINK || this == MEDIA;
    }
}
