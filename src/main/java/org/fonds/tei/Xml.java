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

    /** One StAX call. */
    private interface Call {
        void run() throws XMLStreamException;
    }

    private Xml call(Call call) {
        try {
            call.run();
        } catch (XMLStreamException e) {
            throw new WriteFailed(e);
        }
        return this;
    }

    Xml start(String name) {
        return call(() -> out.writeStartElement(TEI_NS, name));
    }

    Xml empty(String name) {
        return call(() -> out.writeEmptyElement(TEI_NS, name));
    }

    /** An attribute; nothing when the value is null or blank. */
    Xml attr(String name, Object value) {
        return value == null || value.toString().isBlank() ? this
                : call(() -> out.writeAttribute(name, clean(value.toString())));
    }

    /** An attribute in the XML namespace ({@code xml:id}, {@code xml:lang}); nothing when the value is null. */
    Xml xmlAttr(String name, String value) {
        return value == null || value.isBlank() ? this
                : call(() -> out.writeAttribute("xml", XMLConstants.XML_NS_URI, name, clean(value)));
    }

    Xml text(String text) {
        return text == null || text.isEmpty() ? this : call(() -> out.writeCharacters(clean(text)));
    }

    Xml end() {
        return call(out::writeEndElement);
    }

    /** The default namespace declaration, on the element just started. */
    Xml teiNamespace() {
        return call(() -> out.writeDefaultNamespace(TEI_NS));
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
