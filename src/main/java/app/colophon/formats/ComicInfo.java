package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of a {@code ComicInfo.xml} (the ComicRack schema, maintained by the Anansi project) that Colophon
 * keeps. Element names are matched case-sensitively, as the schema spells them, in any namespace (some taggers
 * put the elements in a default namespace of their own).
 */
final class ComicInfo {

    static final ComicInfo EMPTY = new ComicInfo(Map.of(), null);

    /** Credit elements and the role each becomes, in the order they are listed (writers first). */
    private static final List<Map.Entry<String, String>> CREDITS = List.of(
            Map.entry("Writer", "writer"),
            Map.entry("Penciller", "penciller"),
            Map.entry("Inker", "inker"),
            Map.entry("Colorist", "colorist"),
            Map.entry("Letterer", "letterer"),
            Map.entry("CoverArtist", "cover artist"),
            Map.entry("Editor", "editor"),
            Map.entry("Translator", "translator"));

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** First non-blank text of each direct child of the root, by element name. */
    private final Map<String, String> fields;
    /** The {@code Image} index of the first page typed {@code FrontCover}, if any. */
    private final Integer frontCoverImage;

    private ComicInfo(Map<String, String> fields, Integer frontCoverImage) {
        this.fields = fields;
        this.frontCoverImage = frontCoverImage;
    }

    /**
     * Parses a ComicInfo document. Malformed XML (including any DTD entity use: {@link SafeXml} declares none)
     * is an exception; a well-formed document whose root is not {@code ComicInfo} yields {@link #EMPTY}.
     */
    static ComicInfo parse(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml);
        try {
            Map<String, String> fields = new HashMap<>();
            Integer frontCover = null;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = r.getLocalName();
                if (depth == 1 && !"ComicInfo".equals(name)) {
                    return EMPTY;
                }
                if (depth == 2 && !"Pages".equals(name)) {
                    String text = Text.clean(SafeXml.elementText(r));
                    if (text != null) {
                        fields.putIfAbsent(name, text);
                    }
                    depth--; // elementText consumed the end tag's nesting
                } else if (depth == 3 && "Page".equals(name) && frontCover == null && isFrontCover(r)) {
                    frontCover = imageIndex(SafeXml.attribute(r, "Image"));
                }
            }
            return new ComicInfo(Map.copyOf(fields), frontCover);
        } finally {
            r.close();
        }
    }

    /** The schema's page Type is a space-separated list of ComicPageType values. */
    private static boolean isFrontCover(XMLStreamReader r) {
        String type = SafeXml.attribute(r, "Type");
        if (type == null) {
            return false;
        }
        for (String t : Text.words(type)) {
            if (t.equalsIgnoreCase("FrontCover")) {
                return true;
            }
        }
        return false;
    }

    private static Integer imageIndex(String raw) {
        String v = raw == null ? "" : raw.trim();
        if (!Text.isDigits(v, 1, 9)) {
            return null;
        }
        return Integer.parseInt(v);
    }

    /** The 0-based index, among the archive's images, of the page marked as front cover; null if none is marked. */
    Integer frontCoverImage() {
        return frontCoverImage;
    }

    void applyTo(ParsedMetadata.Builder b) {
        b.title(get("Title"));
        String series = get("Series");
        if (series != null) {
            // Number is the position in the series. Volume is not: it is usually the year the
            // volume started (e.g. 1950), and the series name already identifies the run.
            b.series(new SeriesEntry(series, number(get("Number"))));
        }
        b.description(Text.htmlToText(get("Summary")));
        for (Map.Entry<String, String> credit : CREDITS) {
            // ComicInfo lists several people in one element, comma-separated
            for (String name : Text.split(get(credit.getKey()), ",")) {
                b.author(new Contributor(name, credit.getValue()));
            }
        }
        String publisher = get("Publisher");
        b.publisher(publisher != null ? publisher : get("Imprint"));
        b.releaseDate(Dates.ymd(get("Year"), get("Month"), get("Day")));
        b.language(get("LanguageISO"));
        Text.split(get("Genre"), ",").forEach(b::genre);
        Text.split(get("Tags"), ",").forEach(b::tag);
        Identifier gtin = Identifiers.parse(get("GTIN"), "isbn");
        if (gtin != null) {
            b.identifier(gtin);
        }
    }

    private String get(String element) {
        return fields.get(element);
    }

    /** An issue number as a number when it is one ("1", "001", "2.5"); null for "1AU", "½" and such. */
    static Double number(String raw) {
        String v = raw == null ? null : raw.trim();
        if (v == null || !NUMBER.matcher(v).matches()) {
            return null;
        }
        double d = Double.parseDouble(v);
        return Double.isFinite(d) ? d : null;
    }
}
