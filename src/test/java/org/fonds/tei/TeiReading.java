package org.fonds.tei;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.fonds.testing.SharedSchemas;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads TEI back the way the TEI import will: validates it against tei_all.rng with Jing, and rebuilds each text's
 * content (blocks joined by a blank line, {@code lb} as a line break, {@code note} and {@code reg} not text) with the
 * offsets of every element that has an {@code xml:id} (anchors are points), so tests can say which words a note
 * points at.
 */
final class TeiReading {

    static final String NS = Xml.TEI_NS;
    private static ValidationDriver driver;
    private static final List<String> ERRORS = new ArrayList<>();

    final Document dom;
    final XPath xpath;

    TeiReading(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            dom = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return prefix.equals("t") ? NS : prefix.equals("xml") ? XMLConstants.XML_NS_URI : null;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    /** Validates against tei/tei_all.rng (skipped, or failed in CI, when the schema is missing). */
    static synchronized void assertValid(String xml) {
        try {
            if (driver == null) {
                PropertyMapBuilder properties = new PropertyMapBuilder();
                properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
                    @Override
                    public void warning(SAXParseException e) {
                    }

                    @Override
                    public void error(SAXParseException e) {
                        ERRORS.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                    }

                    @Override
                    public void fatalError(SAXParseException e) {
                        error(e);
                    }
                });
                ValidationDriver d = new ValidationDriver(properties.toPropertyMap());
                if (!d.loadSchema(ValidationDriver.fileInputSource(SharedSchemas.require("tei/tei_all.rng").toFile()))) {
                    throw new AssertionError("cannot load tei_all.rng: " + ERRORS);
                }
                driver = d;
            }
            ERRORS.clear();
            boolean valid = driver.validate(new InputSource(new StringReader(xml)));
            List<String> shown = new ArrayList<>();
            String[] lines = xml.split("\n", -1);
            for (String error : ERRORS.subList(0, Math.min(10, ERRORS.size()))) {
                String[] at = error.split("[: ]", 3);
                try {
                    String line = lines[Integer.parseInt(at[0]) - 1];
                    int col = Integer.parseInt(at[1]);
                    shown.add(error + "\n    near: " + line.substring(Math.max(0, col - 200), Math.min(line.length(), col + 50)));
                } catch (RuntimeException e) {
                    shown.add(error);
                }
            }
            assertEquals(List.of(), shown, "TEI invalid against tei_all.rng");
            if (!valid) {
                throw new AssertionError("TEI invalid against tei_all.rng");
            }
        } catch (SAXException | IOException e) {
            throw new AssertionError(e);
        }
    }

    NodeList nodes(String expression, Object context) {
        try {
            return (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new AssertionError(expression, e);
        }
    }

    List<Element> elements(String expression) {
        return elements(expression, dom);
    }

    List<Element> elements(String expression, Object context) {
        NodeList list = nodes(expression, context);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    Element element(String expression) {
        List<Element> found = elements(expression);
        assertEquals(1, found.size(), "one element " + expression);
        return found.get(0);
    }

    String string(String expression, Object context) {
        try {
            return xpath.evaluate(expression, context);
        } catch (XPathExpressionException e) {
            throw new AssertionError(expression, e);
        }
    }

    /** A text div read back: its content and where each element with an xml:id lies in it. */
    record Text(String content, Map<String, int[]> spans) {
        String words(String id) {
            int[] span = spans.get(id);
            if (span == null) {
                throw new AssertionError("no element " + id + " in the text");
            }
            return content.substring(span[0], span[1]);
        }

        /** The words of a note's target {@code i}: from its start anchor to its end anchor. */
        String between(String startRef, String endRef) {
            int[] start = spans.get(startRef.substring(1));
            int[] end = spans.get(endRef.substring(1));
            if (start == null || end == null) {
                throw new AssertionError("no anchors " + startRef + " " + endRef);
            }
            return content.substring(start[0], end[0]);
        }

        /** The words of a wrap and of the fragments chained to it by @next: from the first to the last. */
        String chained(TeiReading r, String id) {
            String last = id;
            Element e = r.element("//*[@xml:id='" + id + "']");
            while (e.hasAttribute("next")) {
                last = e.getAttribute("next").substring(1);
                Element next = r.element("//*[@xml:id='" + last + "']");
                assertEquals("#" + e.getAttributeNS(XMLConstants.XML_NS_URI, "id"), next.getAttribute("prev"));
                e = next;
            }
            words(last); // known
            return content.substring(spans.get(id)[0], spans.get(last)[1]);
        }
    }

    Text text(String textId) {
        Element div = element("//t:div[@xml:id='text-" + textId + "']");
        StringBuilder content = new StringBuilder();
        Map<String, int[]> spans = new LinkedHashMap<>();
        boolean first = true;
        for (Element block : elements("t:div/t:head | t:div/t:p", div)) {
            if (!first) {
                content.append("\n\n");
            }
            first = false;
            read(block, content, spans);
        }
        return new Text(content.toString(), spans);
    }

    private static void read(Node node, StringBuilder content, Map<String, int[]> spans) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                content.append(n.getNodeValue());
            } else if (n instanceof Element e) {
                String name = e.getLocalName();
                int start = content.length();
                if (name.equals("lb")) {
                    content.append('\n');
                } else if (!name.equals("note") && !name.equals("reg")) {
                    read(e, content, spans);
                }
                String id = e.getAttributeNS(XMLConstants.XML_NS_URI, "id");
                if (!id.isEmpty() && !name.equals("note")) {
                    spans.put(id, new int[] {start, content.length()});
                }
            }
        }
    }
}
