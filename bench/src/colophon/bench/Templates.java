package colophon.bench;

import colophon.bench.LibraryPlan.BookPlan;
import colophon.bench.LibraryPlan.Format;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus files the synthetic books are built from, and how each book's own title, authors and series are
 * written into a copy of its template: the OPF of an EPUB, the root ComicInfo.xml of a CBZ, the Info dictionary
 * of a PDF (PDFBox) and the {@code moov/udta/meta/ilst} tags of an M4B. Templates are small, valid files, so that
 * 100,000 books fit in about 2 GB.
 */
final class Templates {

    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String OPF = "http://www.idpf.org/2007/opf";

    private record Def(Format format, String path, int weight) {
    }

    /** Weighted so that small files dominate (a few larger ones with covers and real text keep it honest). */
    private static final List<Def> DEFS = List.of(
            new Def(Format.EPUB, "epub/epubcheck-minimal.epub", 10),
            new Def(Format.EPUB, "epub/idpf-hefty-water.epub", 15),
            new Def(Format.EPUB, "epub/w3c-pkg-creator-order.epub", 8),
            new Def(Format.EPUB, "epub/w3c-pkg-title-order.epub", 8),
            new Def(Format.EPUB, "epub/w3c-pkg-meta-whitespace.epub", 8),
            new Def(Format.EPUB, "epub/w3c-pkg-unique-id.epub", 5),
            new Def(Format.EPUB, "epub/w3c-pkg-linked-records.epub", 4),
            new Def(Format.EPUB, "epub/w3c-pkg-collections-unknown.epub", 4),
            new Def(Format.EPUB, "epub/epubcheck-UniqueIDNotUsed20.epub", 8),
            new Def(Format.EPUB, "epub/epubcheck-NullDate20.epub", 6),
            new Def(Format.EPUB, "epub/idpf-kusamakura-preview.epub", 6),
            new Def(Format.EPUB, "epub/komga-The Incomplete Theft - Ralph Burke.epub", 4),
            new Def(Format.EPUB, "epub/idpf-trees.epub", 2),
            new Def(Format.EPUB, "epub/stump-book.epub", 2),
            new Def(Format.CBZ, "comics/comicbox-Captain Science #001-cix.cbz", 1),
            new Def(Format.PDF, "pdf/comicbox-test_pdf.pdf", 1),
            new Def(Format.PDF, "pdf/pysf-annotated_pdf.pdf", 1),
            new Def(Format.M4B, "generated/gen-audiobook-chapters.m4b", 1));

    private final Map<Format, List<Object>> loaded = new EnumMap<>(Format.class);
    private final Map<Format, int[]> weights = new EnumMap<>(Format.class);

    Templates(Path corpus) throws Exception {
        Map<Format, List<Integer>> w = new EnumMap<>(Format.class);
        for (Def def : DEFS) {
            Path file = corpus.resolve(def.path());
            Object template = switch (def.format()) {
                case EPUB -> EpubTemplate.load(file);
                case CBZ -> CbzTemplate.load(file);
                case PDF -> Files.readAllBytes(file);
                case M4B -> M4bTemplate.load(file);
            };
            loaded.computeIfAbsent(def.format(), f -> new ArrayList<>()).add(template);
            w.computeIfAbsent(def.format(), f -> new ArrayList<>()).add(def.weight());
        }
        w.forEach((f, list) -> weights.put(f, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Names of the templates, for the README and the generator's log. */
    static List<String> describe() {
        return DEFS.stream().map(d -> d.format() + " " + d.path() + " (weight " + d.weight() + ")").toList();
    }

    int pick(Format format, Random r) {
        int[] w = weights.get(format);
        int total = 0;
        for (int x : w) {
            total += x;
        }
        int n = r.nextInt(total);
        for (int i = 0; i < w.length; i++) {
            n -= w[i];
            if (n < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** The bytes of one file of a book; {@code title} may differ from the plan's (a "changed" file). */
    byte[] render(BookPlan book, LibraryPlan.FilePlan file, String title) throws IOException {
        Object template = loaded.get(file.format()).get(file.template());
        return switch (file.format()) {
            case EPUB -> ((EpubTemplate) template).render(book, title);
            case CBZ -> ((CbzTemplate) template).render(book, title);
            case PDF -> renderPdf((byte[]) template, book, title);
            case M4B -> ((M4bTemplate) template).render(book, title);
        };
    }

    // ---------------------------------------------------------------------------------------------------- EPUB

    /** An EPUB whose OPF was stripped of title, creators and series once, with a marker where the new ones go. */
    static final class EpubTemplate {
        private static final String MARK = "COLOPHON-BENCH-METADATA";
        private static final String UID_MARK = "COLOPHON-BENCH-UID";

        private final List<RawZip.Entry> entries;
        private final int opfIndex;
        private final String opfName;
        private final String skeleton;
        private final boolean epub3;
        private final String dc;
        private final String meta;

        private EpubTemplate(List<RawZip.Entry> entries, int opfIndex, String opfName, String skeleton, boolean epub3,
                             String dc, String meta) {
            this.entries = entries;
            this.opfIndex = opfIndex;
            this.opfName = opfName;
            this.skeleton = skeleton;
            this.epub3 = epub3;
            this.dc = dc;
            this.meta = meta;
        }

        static EpubTemplate load(Path file) throws Exception {
            List<RawZip.Entry> entries = RawZip.read(file);
            String container = new String(content(entries, "META-INF/container.xml"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("full-path\\s*=\\s*\"([^\"]+)\"").matcher(container);
            if (!m.find()) {
                throw new IllegalStateException("no rootfile in " + file);
            }
            String opfName = m.group(1);
            int opfIndex = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).name().equals(opfName)) {
                    opfIndex = i;
                }
            }
            Document doc = parse(content(entries, opfName));
            Element pkg = doc.getDocumentElement();
            boolean epub3 = pkg.getAttribute("version").startsWith("3");
            Element metadata = null;
            for (Node n = pkg.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "metadata".equals(e.getLocalName())) {
                    metadata = e;
                    break;
                }
            }
            if (metadata == null) {
                throw new IllegalStateException("no metadata in " + file);
            }
            // Remove titles, creators and every way of naming a series, then whatever refined them.
            Set<String> removedIds = new HashSet<>();
            List<Element> remove = new ArrayList<>();
            for (Element e : children(metadata)) {
                String local = e.getLocalName();
                boolean dcElement = DC.equals(e.getNamespaceURI());
                boolean series = "meta".equals(local) && (e.getAttribute("name").startsWith("calibre:series")
                        || e.getAttribute("name").equals("calibre:title_sort")
                        || e.getAttribute("property").equals("belongs-to-collection"));
                if ((dcElement && ("title".equals(local) || "creator".equals(local))) || series) {
                    remove.add(e);
                    if (e.hasAttribute("id")) {
                        removedIds.add(e.getAttribute("id"));
                    }
                }
            }
            boolean more = true;
            while (more) {
                more = false;
                for (Element e : children(metadata)) {
                    String refines = e.getAttribute("refines");
                    if (!remove.contains(e) && refines.startsWith("#") && removedIds.contains(refines.substring(1))) {
                        remove.add(e);
                        if (e.hasAttribute("id")) {
                            removedIds.add(e.getAttribute("id"));
                        }
                        more = true;
                    }
                }
            }
            for (Element e : remove) {
                Node before = e.getPreviousSibling();
                metadata.removeChild(e);
                if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                    metadata.removeChild(before);
                }
            }
            // Each book gets its own unique identifier (the templates share theirs).
            String uidRef = pkg.getAttribute("unique-identifier");
            Element uid = null;
            for (Element e : children(metadata)) {
                if (DC.equals(e.getNamespaceURI()) && "identifier".equals(e.getLocalName())
                        && (uid == null || e.getAttribute("id").equals(uidRef))) {
                    if (uid == null || e.getAttribute("id").equals(uidRef)) {
                        uid = e;
                    }
                }
            }
            if (uid != null) {
                uid.setTextContent(UID_MARK);
            }
            Comment mark = doc.createComment(MARK);
            metadata.appendChild(mark);
            String dcPrefix = metadata.lookupPrefix(DC);
            String dcTag = dcPrefix == null ? null : dcPrefix + ":";
            String metaTag;
            if (OPF.equals(metadata.getNamespaceURI())) {
                metaTag = metadata.getPrefix() == null ? "meta" : metadata.getPrefix() + ":meta";
            } else {
                metaTag = null;
            }
            String skeleton = serialize(doc);
            return new EpubTemplate(entries, opfIndex, opfName, skeleton, epub3, dcTag, metaTag);
        }

        byte[] render(BookPlan book, String title) throws IOException {
            StringBuilder md = new StringBuilder();
            md.append('\n');
            md.append("    ").append(dcOpen("title", " id=\"cb-title\"")).append(xml(title)).append(dcClose("title")).append('\n');
            int n = 0;
            for (String author : book.authors()) {
                n++;
                String id = "cb-creator" + n;
                if (epub3) {
                    md.append("    ").append(dcOpen("creator", " id=\"" + id + "\"")).append(xml(author))
                            .append(dcClose("creator")).append('\n');
                    md.append("    ").append(metaOpen(" refines=\"#" + id + "\" property=\"role\" scheme=\"marc:relators\""))
                            .append("aut").append(metaClose()).append('\n');
                    md.append("    ").append(metaOpen(" refines=\"#" + id + "\" property=\"file-as\""))
                            .append(xml(fileAs(author))).append(metaClose()).append('\n');
                } else {
                    md.append("    ").append(dcOpen("creator", " xmlns:opf=\"" + OPF + "\" opf:role=\"aut\" opf:file-as=\""
                            + xml(fileAs(author)) + "\"")).append(xml(author)).append(dcClose("creator")).append('\n');
                }
            }
            if (book.series() != null) {
                md.append("    ").append(metaEmpty(" name=\"calibre:series\" content=\"" + xml(book.series()) + "\"")).append('\n');
                md.append("    ").append(metaEmpty(" name=\"calibre:series_index\" content=\"" + book.seriesNumber() + "\""))
                        .append('\n');
            }
            md.append("  ");
            String opf = skeleton.replace("<!--" + MARK + "-->", md.toString())
                    .replace(UID_MARK, "urn:uuid:" + book.uuid());
            List<RawZip.Entry> out = new ArrayList<>(entries);
            out.set(opfIndex, RawZip.entry(opfName, opf.getBytes(StandardCharsets.UTF_8), false));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RawZip.write(out, bytes);
            return bytes.toByteArray();
        }

        private String dcOpen(String name, String attrs) {
            return dc != null ? "<" + dc + name + attrs + ">" : "<dc:" + name + " xmlns:dc=\"" + DC + "\"" + attrs + ">";
        }

        private String dcClose(String name) {
            return dc != null ? "</" + dc + name + ">" : "</dc:" + name + ">";
        }

        private String metaOpen(String attrs) {
            return meta != null ? "<" + meta + attrs + ">" : "<meta xmlns=\"" + OPF + "\"" + attrs + ">";
        }

        private String metaClose() {
            return meta != null ? "</" + meta + ">" : "</meta>";
        }

        private String metaEmpty(String attrs) {
            return meta != null ? "<" + meta + attrs + "/>" : "<meta xmlns=\"" + OPF + "\"" + attrs + "/>";
        }

        private static List<Element> children(Element parent) {
            List<Element> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    static String fileAs(String name) {
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(space + 1) + ", " + name.substring(0, space);
    }

    // ----------------------------------------------------------------------------------------------------- CBZ

    /** A CBZ whose root ComicInfo.xml has placeholders for the book's own values. */
    static final class CbzTemplate {
        private static final List<String> FIELDS = List.of("Title", "Series", "Number", "Volume", "Year", "Writer",
                "Penciller", "Inker");

        private final List<RawZip.Entry> entries;
        private final int infoIndex;
        private final String skeleton;

        private CbzTemplate(List<RawZip.Entry> entries, int infoIndex, String skeleton) {
            this.entries = entries;
            this.infoIndex = infoIndex;
            this.skeleton = skeleton;
        }

        static CbzTemplate load(Path file) throws IOException {
            List<RawZip.Entry> entries = RawZip.read(file);
            int index = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).name().equalsIgnoreCase("ComicInfo.xml")) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalStateException("no root ComicInfo.xml in " + file);
            }
            String xml = new String(inflate(file, entries.get(index).name()), StandardCharsets.UTF_8);
            // The alternate series would read as a second series; drop it.
            xml = xml.replaceAll("\\s*<AlternateSeries>[^<]*</AlternateSeries>", "")
                    .replaceAll("\\s*<AlternateNumber>[^<]*</AlternateNumber>", "");
            for (String field : FIELDS) {
                Pattern p = Pattern.compile("<" + field + ">[^<]*</" + field + ">");
                Matcher m = p.matcher(xml);
                if (m.find()) {
                    xml = m.replaceFirst("<" + field + ">@@" + field + "@@</" + field + ">");
                } else {
                    xml = xml.replace("</ComicInfo>", "\t<" + field + ">@@" + field + "@@</" + field + ">\n</ComicInfo>");
                }
            }
            return new CbzTemplate(entries, index, xml);
        }

        byte[] render(BookPlan book, String title) throws IOException {
            String xml = skeleton.replace("@@Title@@", xml(title))
                    .replace("@@Series@@", xml(book.series()))
                    .replace("@@Number@@", String.valueOf(book.seriesNumber()))
                    .replace("@@Volume@@", String.valueOf(book.year() - (book.seriesNumber() - 1) / 12))
                    .replace("@@Year@@", String.valueOf(book.year()))
                    .replace("@@Writer@@", xml(String.join(", ", book.authors())))
                    .replace("@@Penciller@@", xml(book.artist()))
                    .replace("@@Inker@@", xml(book.artist()));
            List<RawZip.Entry> out = new ArrayList<>(entries);
            out.set(infoIndex, RawZip.entry(entries.get(infoIndex).name(), xml.getBytes(StandardCharsets.UTF_8), false));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RawZip.write(out, bytes);
            return bytes.toByteArray();
        }

        private static byte[] inflate(Path zip, String name) throws IOException {
            try (java.util.zip.ZipFile f = new java.util.zip.ZipFile(zip.toFile())) {
                return f.getInputStream(f.getEntry(name)).readAllBytes();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- PDF

    private static byte[] renderPdf(byte[] template, BookPlan book, String title) throws IOException {
        try (PDDocument doc = Loader.loadPDF(template)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(String.join("; ", book.authors()));
            info.setSubject("A " + (book.year() % 2 == 0 ? "study" : "novel") + " from " + book.year() + ".");
            GregorianCalendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            date.clear();
            date.set(book.year(), 0, 1);
            info.setCreationDate(date);
            doc.setDocumentInformation(info);
            ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ----------------------------------------------------------------------------------------------------- M4B

    /**
     * An MP4 audiobook split into the bytes before its {@code moov} (ftyp, mdat …), its {@code moov} and what
     * follows. A book gets a new {@code moov} whose {@code udta/meta/ilst} carries its own tags; the new moov goes
     * after the media data (where the old one was, if it was last; else the old one becomes a {@code free} box of
     * the same size), so no chunk offset moves.
     */
    static final class M4bTemplate {
        /** Tags we rewrite, and the series/name items that would otherwise win over ours. */
        private static final Set<String> DROP = Set.of("\u00A9nam", "\u00A9alb", "\u00A9ART", "aART", "\u00A9wrt",
                "\u00A9nrt", "\u00A9cmp", "\u00A9grp", "\u00A9mvn", "\u00A9mvi", "sonm", "----");

        private final byte[] file;
        private final long moovStart;
        private final long moovSize;

        private M4bTemplate(byte[] file, long moovStart, long moovSize) {
            this.file = file;
            this.moovStart = moovStart;
            this.moovSize = moovSize;
        }

        static M4bTemplate load(Path path) throws IOException {
            byte[] file = Files.readAllBytes(path);
            for (long[] box : boxes(file, 0, file.length)) {
                if (type(file, box[0]).equals("moov")) {
                    return new M4bTemplate(file, box[0], box[1]);
                }
            }
            throw new IllegalStateException("no moov in " + path);
        }

        byte[] render(BookPlan book, String title) throws IOException {
            ByteArrayOutputStream ilst = new ByteArrayOutputStream();
            item(ilst, "\u00A9nam", title);
            item(ilst, "\u00A9alb", title);
            item(ilst, "\u00A9ART", String.join(", ", book.authors()));
            item(ilst, "\u00A9nrt", book.narrator());
            if (book.series() != null) {
                item(ilst, "\u00A9grp", book.series() + " #" + book.seriesNumber());
            }
            byte[] newMoov = rebuild((int) moovStart, (int) moovSize, "moov", ilst.toByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 512);
            out.write(file, 0, (int) moovStart);
            long moovEnd = moovStart + moovSize;
            if (moovEnd < file.length) {
                // moov before the media: leave a hole of the same size so chunk offsets stay valid
                byte[] free = new byte[(int) moovSize];
                ByteBuffer.wrap(free).putInt((int) moovSize).put("free".getBytes(StandardCharsets.ISO_8859_1));
                out.write(free);
                out.write(file, (int) moovEnd, (int) (file.length - moovEnd));
            }
            out.write(newMoov);
            return out.toByteArray();
        }

        /** Copies the container at {@code start}, rebuilding the path moov → udta → meta → ilst on the way. */
        private byte[] rebuild(int start, int size, String type, byte[] newItems) throws IOException {
            int header = 8;
            int skip = type.equals("meta") ? 4 : 0; // meta is a full box: version + flags
            ByteArrayOutputStream body = new ByteArrayOutputStream(size + newItems.length);
            body.write(file, start + header, skip);
            boolean sawChild = false;
            for (long[] child : boxes(file, start + header + skip, start + size)) {
                String t = type(file, child[0]);
                int cs = (int) child[0];
                int cz = (int) child[1];
                boolean onPath = switch (type) {
                    case "moov" -> t.equals("udta");
                    case "udta" -> t.equals("meta");
                    case "meta" -> t.equals("ilst");
                    default -> false;
                };
                if (type.equals("ilst")) {
                    if (!DROP.contains(t)) {
                        body.write(file, cs, cz);
                    }
                } else if (onPath) {
                    sawChild = true;
                    body.write(rebuild(cs, cz, t, newItems));
                } else {
                    body.write(file, cs, cz);
                }
            }
            if (type.equals("ilst")) {
                body.write(newItems);
            } else if (!sawChild) {
                throw new IllegalStateException("template has no " + type + " on the moov/udta/meta/ilst path");
            }
            byte[] b = body.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(8 + b.length);
            out.putInt(8 + b.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(b);
            return out.array();
        }

        private static void item(ByteArrayOutputStream ilst, String type, String value) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            int dataSize = 16 + text.length;
            ByteBuffer b = ByteBuffer.allocate(8 + dataSize);
            b.putInt(8 + dataSize).put(type.getBytes(StandardCharsets.ISO_8859_1));
            b.putInt(dataSize).put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(1).putInt(0).put(text);
            ilst.writeBytes(b.array());
        }

        /** The boxes between {@code from} and {@code to}: {start, size}. 32-bit sizes only (templates are small). */
        private static List<long[]> boxes(byte[] file, long from, long to) {
            List<long[]> out = new ArrayList<>();
            long pos = from;
            while (pos + 8 <= to) {
                long size = ByteBuffer.wrap(file, (int) pos, 4).getInt() & 0xffffffffL;
                if (size == 0) {
                    size = to - pos;
                }
                if (size < 8 || pos + size > to) {
                    throw new IllegalStateException("unsupported box at " + pos);
                }
                out.add(new long[] {pos, size});
                pos += size;
            }
            return out;
        }

        private static String type(byte[] file, long start) {
            return new String(file, (int) start + 4, 4, StandardCharsets.ISO_8859_1);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static byte[] content(List<RawZip.Entry> entries, String name) throws IOException {
        for (RawZip.Entry e : entries) {
            if (e.name().equals(name)) {
                if (e.method() == java.util.zip.ZipEntry.STORED) {
                    return e.data();
                }
                java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
                inflater.setInput(e.data());
                byte[] out = new byte[(int) e.size()];
                try {
                    int n = 0;
                    while (n < out.length && !inflater.finished()) {
                        n += inflater.inflate(out, n, out.length - n);
                    }
                } catch (java.util.zip.DataFormatException ex) {
                    throw new IOException(ex);
                } finally {
                    inflater.end();
                }
                return out;
            }
        }
        throw new IOException("no entry " + name);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String serialize(Document doc) throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
