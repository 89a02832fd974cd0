package app.colophon.formats;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The few Dublin Core / XMP basic / Adobe PDF properties Colophon reads from a PDF's XMP packet, parsed with {@link SafeXml}
 * (not xmpbox, which is strict about schemas real files get wrong and pulls in a second XML stack).
 *
 * <p>Properties are matched by namespace URI, not prefix, in both the element form
 * ({@code <dc:title><rdf:Alt><rdf:li xml:lang="x-default">…}) and the attribute shorthand on
 * {@code rdf:Description} ({@code xmp:CreateDate="…"}). A property written as plain text instead of the
 * RDF container the spec asks for ({@code <dc:description>text</dc:description>}, as PyMuPDF writes) is
 * accepted too. Empty values count as absent.
 *
 * @param title       dc:title (x-default, else the first non-empty alternative)
 * @param creators    dc:creator, one entry per {@code rdf:li}
 * @param description dc:description (x-default, else the first non-empty alternative)
 * @param createDate  xmp:CreateDate, raw
 * @param date        dc:date (first entry), raw
 * @param language    dc:language (first entry: a bag of RFC 3066 codes)
 * @param publisher   dc:publisher (first entry)
 * @param keywords    pdf:Keywords, the XMP twin of the Info dictionary's Keywords, raw
 * @param subjects    dc:subject, one entry per {@code rdf:li}
 */
record XmpMetadata(String title, List<String> creators, String description, String createDate, String date,
                   String language, String publisher, String keywords, List<String> subjects) {

    static final XmpMetadata EMPTY = new XmpMetadata(null, List.of(), null, null, null, null, null, null, List.of());

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";

    XmpMetadata {
        creators = List.copyOf(creators);
        subjects = List.copyOf(subjects);
    }

    /** Parses an XMP packet; malformed XML is reported as an exception, for the caller to decide how much it matters. */
    static XmpMetadata parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml);
        Collector c = new Collector();
        try {
            int depth = 0;
            // depths of the open rdf:Description elements; properties are their direct children
            Deque<Integer> descriptions = new ArrayDeque<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    depth++;
                    if (isRdf(r, "Description")) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            c.offer(r.getAttributeNamespace(i), r.getAttributeLocalName(i),
                                    Property.of(r.getAttributeValue(i)));
                        }
                        descriptions.push(depth);
                    } else if (!descriptions.isEmpty() && descriptions.peek() == depth - 1
                            && isWanted(r.getNamespaceURI(), r.getLocalName())) {
                        String ns = r.getNamespaceURI();
                        String name = r.getLocalName();
                        c.offer(ns, name, readProperty(r)); // leaves the reader on the property's end tag
                        depth--;
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    if (!descriptions.isEmpty() && descriptions.peek() == depth) {
                        descriptions.pop();
                    }
                    depth--;
                }
            }
        } finally {
            r.close();
        }
        return new XmpMetadata(c.title, c.creators, c.description, c.createDate, c.date, c.language, c.publisher,
                c.keywords, c.subjects);
    }

    private static boolean isRdf(XMLStreamReader r, String localName) {
        return RDF.equals(r.getNamespaceURI()) && localName.equals(r.getLocalName());
    }

    private static boolean isWanted(String ns, String localName) {
        if (DC.equals(ns)) {
            return switch (localName) {
                case "title", "creator", "description", "date", "language", "publisher", "subject" -> true;
                default -> false;
            };
        }
        return (XMP.equals(ns) && "CreateDate".equals(localName)) || (PDF.equals(ns) && "Keywords".equals(localName));
    }

    /** Reads one property element: its {@code rdf:li} items (with their language) or its plain text. */
    private static Property readProperty(XMLStreamReader r) throws XMLStreamException {
        List<String> items = new ArrayList<>();
        String xDefault = null;
        StringBuilder direct = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamReader.START_ELEMENT -> {
                    if (isRdf(r, "li")) {
                        String lang = SafeXml.attribute(r, "lang");
                        String text = Text.clean(SafeXml.elementText(r));
                        if (text != null) {
                            items.add(text);
                            if (xDefault == null && "x-default".equalsIgnoreCase(lang)) {
                                xDefault = text;
                            }
                        }
                    } else {
                        depth++;
                    }
                }
                case XMLStreamReader.END_ELEMENT -> depth--;
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
                    if (depth == 1) {
                        direct.append(r.getText());
                    }
                }
                default -> {
                    // comments and processing instructions carry no metadata
                }
            }
        }
        if (items.isEmpty()) {
            return Property.of(direct.toString());
        }
        return new Property(items, xDefault != null ? xDefault : items.get(0));
    }

    /** A property's values in document order, and the one to use when a single value is wanted. */
    private record Property(List<String> items, String preferred) {
        static Property of(String text) {
            String clean = Text.clean(text);
            return clean == null ? new Property(List.of(), null) : new Property(List.of(clean), clean);
        }
    }

    /** Keeps the first non-empty value of each property across all {@code rdf:Description} blocks. */
    private static final class Collector {
        String title;
        List<String> creators = List.of();
        String description;
        String createDate;
        String date;
        String language;
        String publisher;
        String keywords;
        List<String> subjects = List.of();

        void offer(String ns, String localName, Property p) {
            if (p.preferred() == null) {
                return;
            }
            if (DC.equals(ns)) {
                switch (localName) {
                    case "title" -> title = title != null ? title : p.preferred();
                    case "creator" -> creators = !creators.isEmpty() ? creators : p.items();
                    case "description" -> description = description != null ? description : p.preferred();
                    // dc:date is an ordered list of dates; the first is the one that matters
                    case "date" -> date = date != null ? date : p.items().get(0);
                    // language and publisher are unordered bags; a PDF is one document, so the first entry serves
                    case "language" -> language = language != null ? language : p.items().get(0);
                    case "publisher" -> publisher = publisher != null ? publisher : p.items().get(0);
                    case "subject" -> subjects = !subjects.isEmpty() ? subjects : p.items();
                    default -> {
                        // other Dublin Core properties are not read
                    }
                }
            } else if (XMP.equals(ns) && "CreateDate".equals(localName) && createDate == null) {
                createDate = p.preferred();
            } else if (PDF.equals(ns) && "Keywords".equals(localName) && keywords == null) {
                keywords = p.preferred();
            }
        }
    }
}
