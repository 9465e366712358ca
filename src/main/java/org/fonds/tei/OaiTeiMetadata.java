package org.fonds.tei;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fonds.oai.TeiMetadata;

/** The TEI export as OAI-PMH's {@code tei} metadata format: each record's metadata is the document's {@code TEI}. */
@ApplicationScoped
public class OaiTeiMetadata implements TeiMetadata {

    private final TeiService tei;

    public OaiTeiMetadata(TeiService tei) {
        this.tei = tei;
    }

    @Override
    public void write(UUID documentId, String base, XMLStreamWriter xml) throws XMLStreamException {
        xml.setDefaultNamespace(Xml.TEI_NS); // in the scope of the record's metadata element, which this ends
        try {
            tei.writeInto(tei.prepare(documentId), base, xml);
        } catch (Xml.WriteFailed e) {
            throw (XMLStreamException) e.getCause();
        }
    }
}
