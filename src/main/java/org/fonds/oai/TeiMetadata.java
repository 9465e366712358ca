package org.fonds.oai;

import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The TEI of one document as OAI-PMH's second metadata format ({@code metadataPrefix=tei}), implemented by the TEI
 * export ({@code org.fonds.tei}), which writes the document's {@code TEI} element into the response: OAI-PMH depends
 * on this interface, not on the TEI package. Were no bean to implement it, the format would not be offered
 * (ListMetadataFormats would list only oai_dc, and {@code tei} would be answered cannotDisseminateFormat).
 */
public interface TeiMetadata {

    /**
     * Writes the {@code TEI} element (namespace {@code http://www.tei-c.org/ns/1.0}, declared on it) of a document the
     * caller sees, as {@code GET /documents/{document_id}/tei} gives it; {@code base} is the API's base URL.
     */
    void write(UUID documentId, String base, XMLStreamWriter xml) throws XMLStreamException;
}
