package app.colophon.formats;

import app.colophon.model.FileFormat;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.HashMap;
import java.util.Map;

/** A single hardened StAX pass over an OPF package document (EPUB 2 and 3). */
final class OpfParser {

    static final String OPF_NS = "http://www.idpf.org/2007/opf";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String DC_NS_OLD = "http://purl.org/dc/elements/1.0/";
    private static final int MAX_ELEMENTS = 200_000;

    private OpfParser() {
    }

    static OpfPackage parse(byte[] opf) throws MetadataParseException {
        OpfPackage pkg = new OpfPackage();
        try {
            XMLStreamReader r = SafeXml.reader(opf);
            try {
                readRoot(r, pkg);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (malformed XML" + where + ")", e);
        }
        if (!pkg.hasMetadata) {
            throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (no <metadata> element)");
        }
        return pkg;
    }

    private static void readRoot(XMLStreamReader r, OpfPackage pkg) throws XMLStreamException, MetadataParseException {
        while (r.hasNext() && r.next() != XMLStreamReader.START_ELEMENT) {
            // skip prolog
        }
        if (!r.isStartElement()) {
            throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (empty document)");
        }
        if (!"package".equals(r.getLocalName()) || !OPF_NS.equals(r.getNamespaceURI())) {
            throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (root element is {"
                    + r.getNamespaceURI() + "}" + r.getLocalName() + ", not an OPF package)");
        }
        pkg.version = SafeXml.attribute(r, "version");
        int elements = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            if (++elements > MAX_ELEMENTS) {
                throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (too many elements)");
            }
            switch (isOpf(r) ? r.getLocalName() : "") {
                case "metadata" -> {
                    pkg.hasMetadata = true;
                    readMetadata(r, pkg, false);
                }
                case "manifest" -> readManifest(r, pkg);
                case "guide" -> readGuide(r, pkg);
                default -> skip(r);
            }
        }
    }

    /**
     * Reads the children of {@code metadata}; OPF 2.0's legacy {@code dc-metadata}/{@code x-metadata} wrappers are
     * looked into. They only ever sit directly under {@code metadata}, so a wrapper inside a wrapper is skipped:
     * recursing into hostile 10,000-deep nesting would overflow the stack.
     */
    private static void readMetadata(XMLStreamReader r, OpfPackage pkg, boolean inWrapper) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (DC_NS.equals(ns) || DC_NS_OLD.equals(ns)) {
                Map<String, String> attributes = attributes(r);
                String text = SafeXml.elementText(r);
                pkg.dc.add(new OpfPackage.DcElement(name, attributes.get("id"), text, attributes));
            } else if ((isOpf(r) || ns == null || ns.isEmpty()) && name.equals("meta")) {
                readMeta(r, pkg);
            } else if (!inWrapper && (isOpf(r) || ns == null || ns.isEmpty())
                    && (name.equals("dc-metadata") || name.equals("x-metadata"))) {
                readMetadata(r, pkg, true);
            } else {
                skip(r);
            }
        }
    }

    private static void readMeta(XMLStreamReader r, OpfPackage pkg) throws XMLStreamException {
        String property = SafeXml.attribute(r, "property");
        String name = SafeXml.attribute(r, "name");
        String content = SafeXml.attribute(r, "content");
        String id = SafeXml.attribute(r, "id");
        String refines = SafeXml.attribute(r, "refines");
        String scheme = SafeXml.attribute(r, "scheme");
        String text = SafeXml.elementText(r);
        if (property != null) {
            String target = refines == null ? null : refines.trim();
            if (target != null && target.startsWith("#")) {
                target = target.substring(1);
            }
            pkg.propertyMetas.add(new OpfPackage.PropertyMeta(property.trim(), id, target, scheme, text));
        } else if (name != null) {
            pkg.namedMetas.putIfAbsent(name.trim(), content != null ? content : text);
        }
    }

    private static void readManifest(XMLStreamReader r, OpfPackage pkg) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamReader.START_ELEMENT) {
                if (isOpf(r) && r.getLocalName().equals("item")) {
                    pkg.manifest.add(new OpfPackage.ManifestItem(SafeXml.attribute(r, "id"),
                            SafeXml.attribute(r, "href"), SafeXml.attribute(r, "media-type"),
                            SafeXml.attribute(r, "properties")));
                }
                skip(r);
            }
        }
    }

    private static void readGuide(XMLStreamReader r, OpfPackage pkg) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamReader.START_ELEMENT) {
                String type = SafeXml.attribute(r, "type");
                String href = SafeXml.attribute(r, "href");
                if (type != null && href != null) {
                    pkg.guide.putIfAbsent(type.trim().toLowerCase(java.util.Locale.ROOT), href);
                }
                skip(r);
            }
        }
    }

    private static boolean isOpf(XMLStreamReader r) {
        return OPF_NS.equals(r.getNamespaceURI());
    }

    private static Map<String, String> attributes(XMLStreamReader r) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attributes.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return attributes;
    }

    /** Skips the current element and its children, leaving the reader on its end tag. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }
}
