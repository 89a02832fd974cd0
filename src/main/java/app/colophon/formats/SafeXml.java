package app.colophon.formats;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;

/**
 * StAX readers for untrusted XML: no DTD processing, so no external entities and no entity expansion
 * ("billion laughs" fails on the first undeclared reference instead of inflating).
 */
public final class SafeXml {

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::newFactory);

    private SafeXml() {
    }

    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /**
     * The text content of the current element (including that of nested elements, e.g. inline HTML in a
     * description); leaves the reader on the matching end tag.
     */
    public static String elementText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamReader.START_ELEMENT -> depth++;
                case XMLStreamReader.END_ELEMENT -> depth--;
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                        sb.append(r.getText());
                default -> {
                    // comments and processing instructions carry no metadata
                }
            }
        }
        return sb.toString();
    }

    /** Attribute value by local name, ignoring its namespace (files bind opf: to odd prefixes or none). */
    public static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
