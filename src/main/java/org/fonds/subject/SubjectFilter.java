package org.fonds.subject;

/** The filters of GET /subjects. */
public record SubjectFilter(String label) {

    /** Identifies the listing a cursor belongs to. */
    public String scope() {
        return String.join("|", "subjects", String.valueOf(label));
    }
}
