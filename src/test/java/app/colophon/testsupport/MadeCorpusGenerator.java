package app.colophon.testsupport;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the files of {@code src/test/resources/corpus/made/} that are made in Java (the others are made with
 * ffmpeg, mid3v2 and 7-Zip: the folder's README.md has their commands). Run it from the project folder after
 * {@code mvn test-compile}:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *   app.colophon.testsupport.MadeCorpusGenerator
 * </pre>
 *
 * Everything is fixed (ZIP times, PDF document IDs), so every run writes the same bytes. The tests read the
 * committed files, never this class.
 */
public final class MadeCorpusGenerator {

    private MadeCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : MadeCorpus.root();
        pdfs(root.resolve("pdf"));
        epubs(root.resolve("epub"));
        comics(root.resolve("comics"));
    }

    // ------------------------------------------------------------------ CB7, CBR

    static void comics(Path dir) throws IOException {
        Files.createDirectories(dir);
        String comicInfo = "<?xml version=\"1.0\"?><ComicInfo><Title>Safe Inside</Title></ComicInfo>";
        String evilInfo = "<?xml version=\"1.0\"?><ComicInfo><Title>Climbed Out</Title></ComicInfo>";
        // names that would land outside a folder they were unpacked into; 7-Zip's own tool refuses to write them
        sevenZip(dir.resolve("traversal.cb7"),
                "../../evil.jpg", JPEG,
                "/etc/absolute.jpg", JPEG,
                "C:evil.jpg", JPEG,
                "../ComicInfo.xml", evilInfo,
                "ok/../../sneaky.jpg", JPEG,
                "page.jpg", JPEG,
                "ComicInfo.xml", comicInfo);
        // a real RAR 5 archive's signature and main header start: enough for any tool to call it RAR
        Files.write(dir.resolve("rar5.cbr"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00,
            0x33, (byte) 0x92, (byte) 0xB5, (byte) 0xE5, 0x0A, 0x01, 0x05, 0x06, 0x00, 0x05, 0x01, 0x01, (byte) 0x80,
            (byte) 0x80, 0x00});
        // a ZIP named .cbr, as shops and renaming tools leave them
        zip(dir.resolve("zip-named.cbr"),
                "ComicInfo.xml", "<?xml version=\"1.0\"?><ComicInfo><Title>Really a ZIP</Title><Number>3</Number>"
                        + "<Series>Misnamed</Series></ComicInfo>",
                "p1.jpg", JPEG,
                "p2.jpg", JPEG);
    }

    /** A 7-Zip archive (LZMA2, one entry per block) of (name, text) pairs, with fixed times. */
    private static void sevenZip(Path file, String... nameThenText) throws IOException {
        Files.deleteIfExists(file);
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                byte[] bytes = bytes(nameThenText[i + 1]);
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(nameThenText[i]);
                entry.setSize(bytes.length);
                entry.setHasLastModifiedDate(true);
                entry.setLastModifiedTime(java.nio.file.attribute.FileTime.fromMillis(ZIP_TIME));
                out.putArchiveEntry(entry);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
    }

    /** Text holding only code points up to U+00FF, one of them non-ASCII or NUL, is binary: written as those bytes. */
    private static byte[] bytes(String text) {
        boolean binary = text.chars().anyMatch(c -> c >= 0x80 || c == 0) && text.chars().allMatch(c -> c <= 0xFF);
        return text.getBytes(binary ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ EPUB

    /** 2020-01-01, so that the same entries give the same bytes on every run. */
    private static final long ZIP_TIME = 1_577_836_800_000L;

    static void epubs(Path dir) throws IOException {
        Files.createDirectories(dir);
        // A whole book under epub/, zipped from a build folder without META-INF (as real builds ship)
        zip(dir.resolve("no-container.epub"),
                "mimetype", "application/epub+zip",
                "epub/content.opf", opf("Zipped Without a Container", "Ann Leckie", "images/cover.jpg"),
                "epub/text/chapter1.xhtml", XHTML,
                "epub/images/cover.jpg", JPEG);
        // container.xml names OEBPS/content.opf, but the package document is OPS/package.opf
        zip(dir.resolve("container-points-nowhere.epub"),
                "mimetype", "application/epub+zip",
                "META-INF/container.xml", container("OEBPS/content.opf"),
                "OPS/package.opf", opf("The Container Points Nowhere", "Jane Roe", null),
                "OPS/chapter1.xhtml", XHTML);
        // No container and several OPFs: the shallowest real one counts, not the macOS resource fork or a nested copy
        zip(dir.resolve("several-opfs.epub"),
                "mimetype", "application/epub+zip",
                "__MACOSX/._content.opf", "\0\5\026\7",
                "book/._content.opf", "\0\5\026\7",
                "book/old/content.opf", opf("An Older Draft", "Nobody", null),
                "book/content.opf", opf("The Shallowest Package", "John Doe", null),
                "book/chapter1.xhtml", XHTML);
    }

    private static final String XHTML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body><p>Text.</p></body></html>
            """;

    /** Not a real picture, only its JPEG start and end markers: readers point at it, nobody decodes it. */
    private static final String JPEG = "\u00FF\u00D8\u00FF\u00D9";

    private static String opf(String title, String author, String coverHref) {
        String cover = coverHref == null ? "" : "<item id=\"cover\" href=\"" + coverHref
                + "\" media-type=\"image/jpeg\" properties=\"cover-image\"/>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="uid">urn:uuid:6d1f3a52-8c1e-4f5b-9b7a-2f0e1c3d4b5a</dc:identifier>
                    <dc:title>%s</dc:title>
                    <dc:creator>%s</dc:creator>
                    <dc:language>en</dc:language>
                    <meta property="dcterms:modified">2020-01-01T00:00:00Z</meta>
                  </metadata>
                  <manifest>
                    <item id="c1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
                    %s
                  </manifest>
                  <spine><itemref idref="c1"/></spine>
                </package>
                """.formatted(title, author, cover);
    }

    private static String container(String fullPath) {
        return """
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="%s" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """.formatted(fullPath);
    }

    /** A ZIP of (name, text) pairs; text holding only code points up to U+00FF is written as those bytes. */
    private static void zip(Path file, String... nameThenText) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                byte[] bytes = bytes(nameThenText[i + 1]);
                ZipEntry entry = new ZipEntry(nameThenText[i]);
                entry.setTime(ZIP_TIME);
                if (nameThenText[i].equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    // ------------------------------------------------------------------ PDF

    static void pdfs(Path dir) throws IOException {
        Files.createDirectories(dir);
        // The catalog's /Lang wins over XMP dc:language; an Oxford-comma author list from a real PDF (HyperSQL's guide)
        pdf(dir.resolve("lang-in-catalog.pdf"), 1, info -> {
            info.setTitle("Language in the Catalog");
            info.setAuthor(", Blaine Simpson, and Fred Toussi");
            info.setCreationDate(date(2011, 5, 17));
        }, "de-CH", xmp("""
                <dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>The HSQL Development Group</rdf:li></rdf:Bag></dc:publisher>
                """));
        // No Info dictionary values at all: every field comes from XMP
        pdf(dir.resolve("xmp-only.pdf"), 2, info -> { }, null, xmp("""
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Only in XMP</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>Ann Leckie</rdf:li><rdf:li>Doe, Jane</rdf:li></rdf:Seq></dc:creator>
                <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Told by the packet.</rdf:li></rdf:Alt></dc:description>
                <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>Orchard Press</rdf:li></rdf:Bag></dc:publisher>
                <dc:subject><rdf:Bag><rdf:li>gardens</rdf:li><rdf:li>orchards</rdf:li></rdf:Bag></dc:subject>
                <xmp:CreateDate>2019-03-04T10:00:00Z</xmp:CreateDate>
                """));
        // Info has title and author; XMP fills keywords (pdf:Keywords), date, language and publisher
        pdf(dir.resolve("info-and-xmp.pdf"), 3, info -> {
            info.setTitle("Info Title Wins");
            info.setAuthor("Jane Roe & John Doe");
        }, null, xmp("""
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">XMP Title Loses</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>Someone Else</rdf:li></rdf:Seq></dc:creator>
                <dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>Uitgeverij Boom</rdf:li></rdf:Bag></dc:publisher>
                <pdf:Keywords>tulips; windmills</pdf:Keywords>
                <dc:date><rdf:Seq><rdf:li>1999-12-31</rdf:li></rdf:Seq></dc:date>
                """));
    }

    private interface InfoFiller {
        void fill(PDDocumentInformation info);
    }

    private static void pdf(Path file, int pages, InfoFiller info, String lang, String xmp) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            PDDocumentInformation information = new PDDocumentInformation();
            info.fill(information);
            doc.setDocumentInformation(information);
            if (lang != null) {
                doc.getDocumentCatalog().getCOSObject().setString(COSName.LANG, lang);
            }
            if (xmp != null) {
                doc.getDocumentCatalog().setMetadata(
                        new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
            }
            // a fixed document ID: without one PDFBox writes a random one, and every run would change the files
            COSArray id = new COSArray();
            id.add(new COSString(file.getFileName().toString().getBytes(StandardCharsets.US_ASCII)));
            id.add(new COSString(file.getFileName().toString().getBytes(StandardCharsets.US_ASCII)));
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            doc.save(file.toFile());
        }
    }

    private static String xmp(String properties) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                %s</rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(properties);
    }

    private static Calendar date(int year, int month, int day) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(year, month - 1, day, 12, 0, 0);
        return c;
    }
}
