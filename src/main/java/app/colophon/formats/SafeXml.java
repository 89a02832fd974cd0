package app.colophon.formats;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * StAX readers for untrusted XML: no DTD processing, so no external entities and no entity expansion
 * ("billion laughs" fails on the first undeclared reference instead of inflating).
 */
public final class SafeXml {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,40})[\"']");
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::newFactory);

    private SafeXml() {
    }

    public static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        return FACTORY.get().createXMLStreamReader(new StringReader(decode(xml)));
    }

    /**
     * The document as text, decoded here rather than by the parser: the JDK's parser prints "[Fatal Error] …" to
     * stderr for every malformed byte sequence (noise on the command line, whose stderr carries one clear line per
     * error — fuzzing showed it), and a malformed byte then costs one character (U+FFFD), not the whole document.
     * The encoding is found as XML 1.0 appendix F does: a byte order mark, else the declaration's, else UTF-8.
     */
    static String decode(byte[] xml) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(xml, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(xml, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(xml, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(xml, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(xml, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredEncoding(xml);
        }
        // String's constructor replaces malformed input as a REPLACE decoder does, with its fast paths (ASCII, UTF-8)
        return new String(xml, skip, xml.length - skip, charset);
    }

    /** The {@code encoding} of an ASCII-compatible XML declaration, if Java knows it; else UTF-8. */
    private static Charset declaredEncoding(byte[] xml) {
        if (!startsWith(xml, '<', '?', 'x', 'm', 'l')) {
            return StandardCharsets.UTF_8; // no declaration
        }
        String head = new String(xml, 0, Math.min(xml.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (m.lookingAt()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                // an unknown or illegal name: UTF-8, the default, is the best guess
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static XMLInputFactory newFactory() {
        // Woodstox, named rather than looked up, so the readers get it and these settings whatever the class path
        // offers: making a JDK reader (its security manager, entity manager and property tables) was a fifth of an
        // EPUB's reading, ~70 us a document; a Woodstox reader costs ~15 us and parses as fast.
        XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Woodstox's own limits would refuse what the JDK's parser read (10,000-deep nesting, attributes past 512 KB);
        // what bounds a document here is the size its entry may inflate to (Zips.read), as before.
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ELEMENT_DEPTH, Integer.MAX_VALUE);
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Integer.MAX_VALUE);
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, Integer.MAX_VALUE);
        // Parsed as it goes, so a malformed text fails in next() as an XMLStreamException (the readers' "malformed XML"),
        // not later as an unchecked WstxLazyException out of getText() (QuickMutationTest found it).
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_LAZY_PARSING, false);
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
