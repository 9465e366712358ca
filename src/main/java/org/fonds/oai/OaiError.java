package org.fonds.oai;

/** An OAI-PMH error condition (section 3.6 of the protocol): answered with HTTP 200 and an {@code error} element. */
final class OaiError extends RuntimeException {

    static final String BAD_ARGUMENT = "badArgument";
    static final String BAD_RESUMPTION_TOKEN = "badResumptionToken";
    static final String BAD_VERB = "badVerb";
    static final String CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat";
    static final String ID_DOES_NOT_EXIST = "idDoesNotExist";
    static final String NO_RECORDS_MATCH = "noRecordsMatch";
    static final String NO_METADATA_FORMATS = "noMetadataFormats";
    static final String NO_SET_HIERARCHY = "noSetHierarchy";

    final String code;

    OaiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
