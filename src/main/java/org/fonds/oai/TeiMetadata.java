package org.fonds.oai;

import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The TEI of one document as OAI-PMH's second metadata format ({@code metadataPrefix=tei}): implemented by the TEI
 * export (issue 10, item 1) when it lands, which writes the document's {@code TEI} element into the response. While
 * no bean implements it, the format is not offered (ListMetadataFormats lists only oai_dc, and {@code tei} is
 * answered cannotDisseminateFormat).
 */
public interface TeiMetadata {

    /** Writes the {@code TEI} element (namespace {@code http://www.tei-c.org/ns/1.0}) of a document the caller sees. */
    void write(UUID documentId, XMLStreamWriter xml) throws XMLStreamException;
}
