package org.fonds.tei;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin layer over StAX for the TEI writers: elements in the TEI namespace, checked exceptions made unchecked. */
final class Xml {

    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    /** A write to the response failed (the client went away, or the stream broke). */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(XMLStreamException cause) {
            super(cause);
        }
    }

    private final XMLStreamWriter out;

    Xml(XMLStreamWriter out) {
        this.out = out;
    }

    XMLStreamWriter writer() {
        return out;
    }

    Xml start(String name) {
        try {
            out.writeStartElement(TEI_NS, name);
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    Xml empty(String name) {
        try {
            out.writeEmptyElement(TEI_NS, name);
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    /** An attribute; nothing when the value is null or blank. */
    Xml attr(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        try {
            out.writeAttribute(name, clean(value.toString()));
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    /** An attribute in the XML namespace ({@code xml:id}, {@code xml:lang}); nothing when the value is null. */
    Xml xmlAttr(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        try {
            out.writeAttribute("xml", XMLConstants.XML_NS_URI, name, clean(value));
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    Xml text(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        try {
            out.writeCharacters(clean(text));
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    Xml end() {
        try {
            out.writeEndElement();
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    /** {@code <name>text</name>}, nothing when the text is null or blank. */
    Xml element(String name, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        return start(name).text(text).end();
    }

    /** The text without the characters XML 1.0 cannot carry (they become U+FFFD). */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c) && validSurrogate(s, i);
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
