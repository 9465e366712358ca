package org.fonds.participant;

/** An agent's role in a document (TEI correspDesc's sent/received actions, copy lists, conversations). */
public enum ParticipantRole {
    /** Sent the document (the sender of a cable; TEI correspAction type="sent"). */
    SENDER,
    AUTHOR,
    SIGNATORY,
    /** Addressed by the document (TEI correspAction type="received"). */
    RECIPIENT,
    /** The body the document is for or goes through: "To VYSHINSKY (for the Politburo)". */
    VIA,
    /** On the copy list, often with a copy number. */
    COPY_RECIPIENT,
    /** "Repeated to", "info" addressees. */
    INFORMATION_ADDRESSEE,
    /** Took part in the conversation a record of conversation reports. */
    CONVERSATION_PARTICIPANT,
    MENTIONED
}
