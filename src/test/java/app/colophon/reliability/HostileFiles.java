package app.colophon.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.Adler32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static app.colophon.reliability.SampleBooks.box;
import static app.colophon.reliability.SampleBooks.concat;
import static app.colophon.reliability.SampleBooks.ftyp;
import static app.colophon.reliability.SampleBooks.ilst;
import static app.colophon.reliability.SampleBooks.item;
import static app.colophon.reliability.SampleBooks.lyingBox;
import static app.colophon.reliability.SampleBooks.meta;
import static app.colophon.reliability.SampleBooks.moov;
import static app.colophon.reliability.SampleBooks.mvhd;
import static app.colophon.reliability.SampleBooks.udta;

/**
 * The hostile inputs of the hardening issue, generated at test time (never checked in). Each case is one file;
 * The per-reader tests and the whole-library scan write the same cases.
 *
 * <p>The XML attacks point their external entities at {@link #CANARY_FILE}, a local file holding {@link #CANARY}:
 * that string must never appear in any value or message.
 */
final class HostileFiles {

    static final String CANARY = "COLOPHON-CANARY-7f3a";
    static final String CANARY_FILE = "secret-canary.txt";
    /** Inflated size of every bomb: past 1 GB, as the issue asks. */
    static final int BOMB_MEGABYTES = 1025;
    static final int DEEP = 100_000;
    static final int MANY_ENTRIES = 100_000;

    /**
     * One hostile file.
     *
     * @param problem what the file's error must say (a fragment of it); null when the reader must import the file
     *                anyway: the attack is defused (an ignored DTD, a skipped unsafe entry) or the damage is one
     *                readers tolerate (a lying size after the metadata, a PDF that PDFBox repairs)
     */
    record Case(String name, String fileName, String problem, Function<Path, byte[]> bytes) {
        /** Writes the file into {@code folder}, with the canary (for the entity attacks) in the same folder. */
        Path write(Path folder) {
            return write(folder, folder);
        }

        /** Writes the file into {@code folder}, pointing its entity attacks at a canary in {@code canaryDir}. */
        Path write(Path folder, Path canaryDir) {
            return SampleBooks.write(folder.resolve(fileName), bytes.apply(canaryDir));
        }

        boolean mustFail() {
            return problem != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileFiles() {
    }

    /** Writes the canary file into {@code dir}; returns its URI as an XML system id. */
    static String canary(Path dir) {
        try {
            Path f = dir.resolve(CANARY_FILE);
            if (!Files.exists(f)) {
                Files.writeString(f, CANARY);
            }
            return f.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(epub());
        cases.addAll(cbz());
        cases.addAll(m4b());
        cases.addAll(pdf());
        return cases;
    }

    // ------------------------------------------------------------------ EPUB

    static List<Case> epub() {
        return List.of(
                new Case("EPUB: external entity (general) in the OPF", "xxe-general.epub", "malformed XML",
                        dir -> epubBytes(container("OEBPS/p.opf"), "<!DOCTYPE package [<!ENTITY leak SYSTEM \""
                                + canary(dir) + "\">]>" + opf("<dc:title>&leak;</dc:title>"))),
                new Case("EPUB: external entity (parameter) in the OPF", "xxe-parameter.epub", null,
                        dir -> epubBytes(container("OEBPS/p.opf"), "<!DOCTYPE package [<!ENTITY % ext SYSTEM \""
                                + canary(dir) + "\"> %ext;]>" + opf("<dc:title>T</dc:title>"))),
                new Case("EPUB: external DTD in container.xml", "xxe-container.epub", null,
                        dir -> epubBytes("<!DOCTYPE container SYSTEM \"" + canary(dir) + "\">"
                                + container("OEBPS/p.opf"), opf("<dc:title>T</dc:title>"))),
                new Case("EPUB: billion laughs", "laughs.epub", "malformed XML",
                        dir -> epubBytes(container("OEBPS/p.opf"), laughs("package") + opf("<dc:title>&lol9;</dc:title>"))),
                new Case("EPUB: OPF inflating to 1 GB (size declared)", "bomb.epub", "inflates past",
                        dir -> bombZip(true, "META-INF/container.xml", container("OEBPS/p.opf"), "OEBPS/p.opf",
                                opfHead(), true)),
                new Case("EPUB: OPF inflating to 1 GB (size lies: 1 KB)", "bomb-lying.epub", "inflates past",
                        dir -> bombZip(true, "META-INF/container.xml", container("OEBPS/p.opf"), "OEBPS/p.opf",
                                opfHead(), false)),
                new Case("EPUB: 100,000-deep XML nesting", "deep.epub", null,
                        dir -> epubBytes(container("OEBPS/p.opf"), opf(deep("x") + "<dc:title>Deep</dc:title>"))),
                new Case("EPUB: 100,000 entries", "many.epub", null, dir -> manyEntries(true)),
                // the named OPF is not in the archive: the archive's own one is read, never the canary beside it
                new Case("EPUB: rootfile path with ../", "dotdot.epub", null,
                        dir -> epubBytes(container("../../" + CANARY_FILE), opf("<dc:title>T</dc:title>"))),
                new Case("EPUB: truncated (first half)", "truncated.epub", "not a ZIP archive",
                        dir -> half(epubBytes(container("OEBPS/p.opf"), opf("<dc:title>Half</dc:title>")))),
                new Case("EPUB: zero bytes", "empty.epub", "not a ZIP archive", dir -> new byte[0]));
    }

    static byte[] epubBytes(String container, String opf) {
        return new RawZip().stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII))
                .deflated("META-INF/container.xml", container.getBytes(StandardCharsets.UTF_8))
                .deflated("OEBPS/p.opf", opf.getBytes(StandardCharsets.UTF_8))
                .bytes();
    }

    static String container(String fullPath) {
        return "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
                + "<rootfile full-path=\"" + fullPath + "\" media-type=\"application/oebps-package+xml\"/>"
                + "</rootfiles></container>";
    }

    static String opf(String metadata) {
        return "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" + metadata
                + "<dc:language>en</dc:language></metadata></package>";
    }

    /** An OPF that is complete in its first bytes, then opens a comment that 1 GB of zeros never closes. */
    private static byte[] opfHead() {
        return (opf("<dc:title>Bomb</dc:title>") + "<!--").getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ CBZ

    static List<Case> cbz() {
        return List.of(
                new Case("CBZ: external entity in ComicInfo.xml", "xxe.cbz", "invalid ComicInfo.xml",
                        dir -> cbzBytes(("<!DOCTYPE ComicInfo [<!ENTITY leak SYSTEM \"" + canary(dir) + "\">]>"
                                + "<ComicInfo><Title>&leak;</Title></ComicInfo>").getBytes(StandardCharsets.UTF_8))),
                new Case("CBZ: billion laughs in ComicInfo.xml", "laughs.cbz", "invalid ComicInfo.xml",
                        dir -> cbzBytes((laughs("ComicInfo") + "<ComicInfo><Title>&lol9;</Title></ComicInfo>")
                                .getBytes(StandardCharsets.UTF_8))),
                new Case("CBZ: ComicInfo.xml inflating to 1 GB (size declared)", "bomb.cbz", "inflates past",
                        dir -> bombZip(false, "page01.jpg", null, "ComicInfo.xml", comicHead(), true)),
                new Case("CBZ: ComicInfo.xml inflating to 1 GB (size lies: 1 KB)", "bomb-lying.cbz", "inflates past",
                        dir -> bombZip(false, "page01.jpg", null, "ComicInfo.xml", comicHead(), false)),
                new Case("CBZ: 100,000-deep XML nesting", "deep.cbz", null,
                        dir -> cbzBytes(SampleBooks.comicInfo("<Summary>" + deep("x") + "</Summary><Title>Deep</Title>"))),
                new Case("CBZ: 100,000 entries", "many.cbz", null, dir -> manyEntries(false)),
                new Case("CBZ: entry names with ../, / and C:", "dotdot.cbz", null, dir -> new RawZip()
                        .deflated("../ComicInfo.xml", SampleBooks.comicInfo("<Title>" + CANARY + "</Title>"))
                        .stored("../../evil.jpg", SampleBooks.jpeg())
                        .stored("/etc/evil.jpg", SampleBooks.jpeg())
                        .stored("C:evil.jpg", SampleBooks.jpeg())
                        .stored("page01.jpg", SampleBooks.jpeg())
                        .bytes()),
                new Case("CBZ: truncated (first half)", "truncated.cbz", "not a ZIP archive",
                        dir -> half(cbzBytes(SampleBooks.comicInfo("<Title>Half</Title>")))),
                new Case("CBZ: zero bytes", "empty.cbz", "not a ZIP archive", dir -> new byte[0]));
    }

    static byte[] cbzBytes(byte[] comicInfo) {
        return new RawZip().deflated("ComicInfo.xml", comicInfo).stored("page01.jpg", SampleBooks.jpeg()).bytes();
    }

    private static byte[] comicHead() {
        return "<?xml version=\"1.0\"?><ComicInfo><Title>Bomb</Title></ComicInfo><!--".getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ M4B

    static List<Case> m4b() {
        byte[] tags = udta(meta(ilst(item("\u00A9nam", "Lying"), item("\u00A9ART", "Author"))));
        return List.of(
                new Case("MP4: moov claims 4 GB past the end of the file", "moov-past-eof.m4b", null,
                        dir -> concat(ftyp(), lyingBox("moov", 0xFFFFFF00L, concat(mvhd(1000, 5000), tags)))),
                new Case("MP4: item size smaller than its header", "tiny-size.m4b", null,
                        dir -> concat(ftyp(), moov(mvhd(1000, 5000), udta(meta(ilst(
                                lyingBox("\u00A9nam", 4, item("data", "x")), item("\u00A9ART", "After"))))))),
                new Case("MP4: 64-bit size of 2^63-1 before moov", "huge64.m4b", "no moov",
                        dir -> concat(ftyp(), lyingBox("free", Long.MAX_VALUE, new byte[16]),
                                moov(mvhd(1000, 5000), tags))),
                new Case("MP4: negative 64-bit size", "negative64.m4b", "no moov",
                        dir -> concat(ftyp(), lyingBox("moov", -16L, concat(mvhd(1000, 5000), tags)))),
                new Case("MP4: data box claiming 3 GB inside a small item", "data-3gb.m4b", null,
                        dir -> concat(ftyp(), moov(mvhd(1000, 5000), udta(meta(ilst(
                                box("\u00A9nam", lyingBox("data", 3_000_000_000L, new byte[12])),
                                item("\u00A9ART", "Author"))))))),
                new Case("MP4: 100,000 empty boxes before moov", "many-boxes.m4b", "too many boxes",
                        dir -> concat(ftyp(), repeat(box("free", new byte[0]), MANY_ENTRIES), moov(mvhd(1000, 5000), tags))),
                new Case("MP4: udta nested 100,000 deep", "deep.m4b", null,
                        dir -> concat(ftyp(), moov(mvhd(1000, 5000), nestedBoxes("udta", DEEP / 10), tags))),
                new Case("MP4: series number of 400 digits", "huge-number.m4b", null,
                        dir -> concat(ftyp(), moov(mvhd(1000, 5000), udta(meta(ilst(item("\u00A9nam", "Huge"),
                                item("\u00A9grp", "Saga #" + "9".repeat(400)))))))),
                new Case("MP4: truncated (first half)", "truncated.m4b", null,
                        dir -> half(SampleBooks.m4bBytes("Half", "Author"))),
                new Case("MP4: zero bytes", "empty.m4b", "truncated file (0 bytes)", dir -> new byte[0]));
    }

    /** {@code levels} boxes of one type, each the only child of the one before (built inside out). */
    private static byte[] nestedBoxes(String type, int levels) {
        int total = 8 * levels;
        ByteBuffer b = ByteBuffer.allocate(total);
        for (int i = 0; i < levels; i++) {
            b.putInt(total - 8 * i).put(type.getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.array();
    }

    // ------------------------------------------------------------------ PDF

    static List<Case> pdf() {
        return List.of(
                new Case("PDF: xref /Prev pointing at itself", "xref-self.pdf", null, dir -> {
                    SampleBooks.Pdf p = pdfObjects();
                    int at = p.size();
                    p.raw(p.xrefText("/Root 1 0 R /Info 4 0 R /Prev " + at));
                    return p.end(at);
                }),
                new Case("PDF: two xref sections whose /Prev point at each other", "xref-cycle.pdf", null, dir -> {
                    SampleBooks.Pdf p = pdfObjects();
                    int a = p.size();
                    int b = a + p.xrefText("/Root 1 0 R /Info 4 0 R /Prev " + pad(0)).length();
                    p.raw(p.xrefText("/Root 1 0 R /Info 4 0 R /Prev " + pad(b)));
                    p.raw(p.xrefText("/Root 1 0 R /Info 4 0 R /Prev " + pad(a)));
                    return p.end(a);
                }),
                new Case("PDF: /XRefStm pointing at its own table", "xrefstm-self.pdf", null, dir -> {
                    SampleBooks.Pdf p = pdfObjects();
                    int at = p.size();
                    p.raw(p.xrefText("/Root 1 0 R /Info 4 0 R /XRefStm " + at));
                    return p.end(at);
                }),
                new Case("PDF: page tree that contains itself", "pages-cycle.pdf", null, dir -> new SampleBooks.Pdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                        .object("<< /Title (Cycle) >>")
                        .bytes("/Root 1 0 R /Info 4 0 R")),
                new Case("PDF: indirect references in a cycle", "ref-cycle.pdf", null, dir -> new SampleBooks.Pdf()
                        .object("<< /Type /Catalog /Pages 2 0 R >>")
                        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                        .object("5 0 R")
                        .object("4 0 R")
                        .bytes("/Root 1 0 R /Info 4 0 R")),
                new Case("PDF: startxref past the end of the file", "startxref-past-eof.pdf", null, dir -> {
                    SampleBooks.Pdf p = pdfObjects();
                    p.xref("/Root 1 0 R /Info 4 0 R");
                    return p.end(999_999_999);
                }),
                new Case("PDF: external entity in the XMP packet", "xmp-xxe.pdf", null,
                        dir -> xmpPdf(("<!DOCTYPE x:xmpmeta [<!ENTITY leak SYSTEM \"" + canary(dir) + "\">]>"
                                + xmp("&leak;")).getBytes(StandardCharsets.UTF_8), "")),
                new Case("PDF: billion laughs in the XMP packet", "xmp-laughs.pdf", null,
                        dir -> xmpPdf((laughs("x:xmpmeta") + xmp("&lol9;")).getBytes(StandardCharsets.UTF_8), "")),
                new Case("PDF: XMP packet nested 100,000 deep", "xmp-deep.pdf", null,
                        dir -> xmpPdf(xmp(deep("x")).getBytes(StandardCharsets.UTF_8), "")),
                new Case("PDF: XMP stream inflating to 1 GB", "xmp-bomb.pdf", "decodes to more than 32 MB",
                        dir -> xmpPdf(zlibBomb(xmp("Bomb").getBytes(StandardCharsets.UTF_8)), "/Filter /FlateDecode")),
                new Case("PDF: object stream inflating to 1 GB", "objstm-bomb.pdf", "decodes to more than 32 MB", dir -> {
                    SampleBooks.Pdf p = new SampleBooks.Pdf()
                            .object("<< /Type /Catalog /Pages 2 0 R >>")
                            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                            .skip()
                            .stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
                                    zlibBomb("4 0\n<< /Title (Bomb) >>\n".getBytes(StandardCharsets.US_ASCII)));
                    int xref = p.size();
                    ByteBuffer rows = ByteBuffer.allocate(7 * 7);
                    rows.put((byte) 0).putInt(0).putShort((short) -1);
                    for (int n = 1; n <= 3; n++) {
                        rows.put((byte) 1).putInt(p.offsetOf(n)).putShort((short) 0);
                    }
                    rows.put((byte) 2).putInt(5).putShort((short) 0);
                    rows.put((byte) 1).putInt(p.offsetOf(5)).putShort((short) 0);
                    rows.put((byte) 1).putInt(xref).putShort((short) 0);
                    p.stream("/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Info 4 0 R", rows.array());
                    return p.end(xref);
                }),
                new Case("PDF: cross-reference stream inflating to 1 GB", "xrefstm-bomb.pdf", "decodes to more than 32 MB", dir -> {
                    SampleBooks.Pdf p = pdfObjects();
                    int xref = p.size();
                    p.stream("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Info 4 0 R /Filter /FlateDecode",
                            zlibBomb(new byte[0]));
                    return p.end(xref);
                }),
                new Case("PDF: truncated (first half)", "truncated.pdf", null,
                        dir -> half(pdfObjects().bytes("/Root 1 0 R /Info 4 0 R"))),
                new Case("PDF: zero bytes", "empty.pdf", "not a PDF file (empty)", dir -> new byte[0]));
    }

    private static SampleBooks.Pdf pdfObjects() {
        return new SampleBooks.Pdf()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                .object("<< /Title (Hostile) /Author (Mallory) >>");
    }

    private static byte[] xmpPdf(byte[] stream, String filter) {
        return new SampleBooks.Pdf()
                .object("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>")
                .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>")
                .stream("/Type /Metadata /Subtype /XML " + filter, stream)
                .bytes("/Root 1 0 R");
    }

    private static String xmp(String title) {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt>"
                + "<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title></rdf:Description>"
                + "</rdf:RDF></x:xmpmeta>";
    }

    private static String pad(int n) {
        return String.format("%010d", n);
    }

    // ------------------------------------------------------------------ shared pieces

    /** Ten levels of ten-fold entity expansion: 10^9 "lol"s if a parser expanded them. */
    static String laughs(String root) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return sb.append("]>").toString();
    }

    static String deep(String element) {
        return ("<" + element + ">").repeat(DEEP) + ("</" + element + ">").repeat(DEEP);
    }

    private static final Map<String, RawZip.Bomb> BOMBS = new ConcurrentHashMap<>();

    /** An XML head then 1,025 MiB of zeros, as raw deflate (about 1 MB); built once per head and JVM. */
    static RawZip.Bomb bomb(byte[] head) {
        return BOMBS.computeIfAbsent(new String(head, StandardCharsets.UTF_8), h -> RawZip.bomb(head, BOMB_MEGABYTES));
    }

    private static byte[] bombZip(boolean epub, String firstName, String container, String bombName, byte[] head,
                                  boolean honestSize) {
        RawZip.Bomb b = bomb(head);
        RawZip zip = new RawZip();
        if (epub) {
            zip.stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII))
                    .deflated(firstName, container.getBytes(StandardCharsets.UTF_8));
        } else {
            zip.stored(firstName, SampleBooks.jpeg());
        }
        return zip.deflated(bombName, b.deflated(), b.crc(), honestSize ? b.size() : 1024).bytes();
    }

    /** The same bomb as a zlib stream (a PDF FlateDecode filter): header, raw deflate, Adler-32 of the content. */
    private static byte[] zlibBomb(byte[] head) {
        RawZip.Bomb b = bomb(head);
        Adler32 adler = new Adler32();
        adler.update(head);
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < BOMB_MEGABYTES; i++) {
            adler.update(zeros);
        }
        return concat(new byte[] {0x78, (byte) 0xDA}, b.deflated(),
                ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
    }

    /** A ZIP of 100,000 tiny entries (ZIP64, as java.util.zip writes past 65,535), as an EPUB or a CBZ. */
    private static byte[] manyEntries(boolean epub) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            if (epub) {
                zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
                zip.write(container("OEBPS/p.opf").getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("OEBPS/p.opf"));
                zip.write(opf("<dc:title>Many</dc:title>").getBytes(StandardCharsets.UTF_8));
            } else {
                zip.putNextEntry(new ZipEntry("ComicInfo.xml"));
                zip.write(SampleBooks.comicInfo("<Title>Many</Title>"));
            }
            for (int i = 0; i < MANY_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry((epub ? "x/" : "p/") + i + (epub ? ".xhtml" : ".jpg")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] half(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static byte[] repeat(byte[] unit, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }
}
