package org.fonds.cmif;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fonds.access.Role;

/**
 * Writes the CMIF file (Correspondence Metadata Interchange Format 1.1, correspSearch) of every letter and cable the
 * caller sees, a keyset page at a time ({@link LetterReader}), so that memory stays flat whatever the archive's size.
 * Each document becomes a {@code correspDesc} whose {@code @ref} is its URL and whose {@code @source} points at the
 * one {@code bibl} of the file (the archive); both actions are always present (an unknown party is named
 * "unknown", as the CMIF guidelines do), names and places carry the URIs of their authority records, and dates
 * take only the forms CMIF allows ({@link CmifDates}).
 */
final class CmifWriter {

    static final String TEI = "http://www.tei-c.org/ns/1.0";
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** The {@code xml:id} of the file's one {@code bibl}, which every {@code correspDesc/@source} names. */
    static final String BIBL_ID = "fonds";
    static final List<String> KINDS = List.of("CABLE", "LETTER");
    static final int PAGE = 500;

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    /** What the header says: the file's title, editor and publisher, its URL and the archive's. */
    record Header(String title, String editor, String email, String publisher, String fileUrl, String archiveUrl) {
    }

    private final LetterReader letters;
    private final Role role;
    private final Header header;
    private XMLStreamWriter xml;

    CmifWriter(LetterReader letters, Role role, Header header) {
        this.letters = letters;
        this.role = role;
        this.header = header;
    }

    void write(OutputStream out) throws XMLStreamException {
        xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(TEI);
        xml.writeStartElement(TEI, "TEI");
        xml.writeDefaultNamespace(TEI);
        xml.writeStartElement(TEI, "teiHeader");
        fileDesc();
        xml.writeStartElement(TEI, "profileDesc");
        UUID after = null;
        List<Letter> page;
        do {
            page = letters.page(role, KINDS, after, PAGE);
            for (Letter letter : page) {
                correspDesc(letter);
                after = letter.id();
            }
            xml.flush();
        } while (page.size() == PAGE);
        xml.writeEndElement(); // profileDesc
        xml.writeEndElement(); // teiHeader
        xml.writeStartElement(TEI, "text");
        xml.writeStartElement(TEI, "body");
        xml.writeEmptyElement(TEI, "p");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement(); // TEI
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void fileDesc() throws XMLStreamException {
        xml.writeStartElement(TEI, "fileDesc");
        xml.writeStartElement(TEI, "titleStmt");
        element("title", header.title());
        xml.writeStartElement(TEI, "editor");
        xml.writeCharacters(header.editor());
        element("email", header.email());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement(TEI, "publicationStmt");
        xml.writeStartElement(TEI, "publisher");
        xml.writeStartElement(TEI, "ref");
        xml.writeAttribute("target", header.archiveUrl());
        xml.writeCharacters(header.publisher());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement(TEI, "idno");
        xml.writeAttribute("type", "url");
        xml.writeCharacters(header.fileUrl());
        xml.writeEndElement();
        xml.writeEmptyElement(TEI, "date");
        // with its seconds even when they are 0 (OffsetDateTime.toString leaves ":00" out; xs:dateTime needs it)
        xml.writeAttribute("when", java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                .format(OffsetDateTime.now(ZoneOffset.UTC)));
        xml.writeStartElement(TEI, "availability");
        xml.writeStartElement(TEI, "licence");
        xml.writeAttribute("target", "https://creativecommons.org/licenses/by/4.0/");
        xml.writeCharacters("This file is licensed under the terms of the Creative Commons License CC-BY 4.0");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement(); // publicationStmt
        xml.writeStartElement(TEI, "sourceDesc");
        xml.writeStartElement(TEI, "bibl");
        xml.writeAttribute("type", "online");
        xml.writeAttribute("xml", XML, "id", BIBL_ID);
        xml.writeCharacters(header.publisher() + ", ");
        xml.writeStartElement(TEI, "ref");
        xml.writeAttribute("target", header.archiveUrl());
        xml.writeCharacters(header.archiveUrl());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement(); // sourceDesc
        xml.writeEndElement(); // fileDesc
    }

    private void correspDesc(Letter letter) throws XMLStreamException {
        xml.writeStartElement(TEI, "correspDesc");
        xml.writeAttribute("ref", header.archiveUrl() + "documents/" + letter.id());
        xml.writeAttribute("source", "#" + BIBL_ID);
        List<Letter.Correspondent> senders = letter.senders();
        Letter.PlaceRef sentPlace = senders.stream().map(Letter.Correspondent::place)
                .filter(p -> p != null).findFirst().orElse(letter.origin());
        String sentDate = senders.stream().map(Letter.Correspondent::date).filter(d -> d != null).findFirst()
                .orElse(letter.dispatched() != null ? letter.dispatched() : letter.date());
        action("sent", senders, sentPlace, sentDate);
        List<Letter.Correspondent> recipients = letter.recipients();
        action("received", recipients, recipients.stream().map(Letter.Correspondent::place).filter(p -> p != null)
                .findFirst().orElse(null), recipients.stream().map(Letter.Correspondent::date)
                .filter(d -> d != null).findFirst().orElse(null));
        xml.writeEndElement();
    }

    private void action(String type, List<Letter.Correspondent> parties, Letter.PlaceRef place, String date)
            throws XMLStreamException {
        xml.writeStartElement(TEI, "correspAction");
        xml.writeAttribute("type", type);
        if (parties.isEmpty()) {
            element("persName", "unknown");
        }
        for (Letter.Correspondent party : parties) {
            xml.writeStartElement(TEI, party.person() ? "persName" : "orgName");
            String refs = Authorities.refs(party.identifiers());
            if (refs != null) {
                xml.writeAttribute("ref", refs);
            }
            xml.writeCharacters(party.name());
            xml.writeEndElement();
        }
        if (place != null) {
            xml.writeStartElement(TEI, "placeName");
            String refs = Authorities.refs(place.identifiers());
            if (refs != null) {
                xml.writeAttribute("ref", refs);
            }
            xml.writeCharacters(place.name());
            xml.writeEndElement();
        }
        Map<String, String> dates = CmifDates.attributes(date);
        if (!dates.isEmpty()) {
            xml.writeEmptyElement(TEI, "date");
            for (var attribute : dates.entrySet()) {
                xml.writeAttribute(attribute.getKey(), attribute.getValue());
            }
        }
        xml.writeEndElement();
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(TEI, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
