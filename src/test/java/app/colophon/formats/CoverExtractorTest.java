package app.colophon.formats;

import app.colophon.model.FileFormat;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way {@link CoverExtractor} finds a cover: the reader's reference is taken from the real reader, and the
 * image the extractor returns is compared with the bytes in the file.
 */
class CoverExtractorTest {

    private static final String CONTAINER = """
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """;

    @TempDir
    Path temp;

    private final byte[] png = png();

    // ------------------------------------------------------------------ EPUB

    @Test
    void epubCoverImageItemIsReadFromTheArchive() throws Exception {
        Path epub = epub("""
                <item id="img" href="images/cover.png" media-type="image/png" properties="cover-image"/>
                """, "", Map.of("OEBPS/images/cover.png", png));

        assertThat(coverOf(epub, FileFormat.EPUB)).isEqualTo(png);
    }

    @Test
    void epubCoverThatNamesNoEntryInTheArchiveIsNoCover() throws Exception {
        Path epub = epub("""
                <item id="img" href="images/gone.png" media-type="image/png" properties="cover-image"/>
                """, "", Map.of());

        assertThat(new EpubReader().read(epub).cover()).isEqualTo("OEBPS/images/gone.png");
        assertThat(CoverExtractor.extract(epub, FileFormat.EPUB, "OEBPS/images/gone.png")).isNull();
    }

    @Test
    void epubGuideCoverPageShowsItsImageThroughAnImgRelativeToThePage() throws Exception {
        Path epub = epub("""
                <item id="page" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
                <item id="img" href="images/cover.png" media-type="image/png"/>
                """, "<reference type=\"cover\" href=\"text/cover.xhtml\"/>", Map.of(
                "OEBPS/text/cover.xhtml", page("<img alt=\"\" src=\"../images/cover.png\"/>"),
                "OEBPS/images/cover.png", png));

        assertThat(new EpubReader().read(epub).cover()).isEqualTo("page:OEBPS/text/cover.xhtml");
        assertThat(coverOf(epub, FileFormat.EPUB)).isEqualTo(png);
    }

    @Test
    void epubGuideCoverPageShowsItsImageThroughAnSvgWrapper() throws Exception {
        Path epub = epub("""
                <item id="page" href="cover.xhtml" media-type="application/xhtml+xml"/>
                <item id="img" href="cover.png" media-type="image/png"/>
                """, "<reference type=\"cover\" href=\"cover.xhtml\"/>", Map.of(
                "OEBPS/cover.xhtml", page("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"cover.png\"/></svg>"),
                "OEBPS/cover.png", png));

        assertThat(coverOf(epub, FileFormat.EPUB)).isEqualTo(png);
    }

    @Test
    void epubGuideCoverThatIsAnImageRatherThanAPageIsFoundByEpublib() throws Exception {
        // The guide points straight at the image: no <img> to follow, so epublib's own cover detection (the
        // guide's cover reference to a bitmap item) is what finds it.
        Path epub = epub("""
                <item id="img" href="images/cover.png" media-type="image/png"/>
                """, "<reference type=\"cover\" href=\"images/cover.png\"/>", Map.of("OEBPS/images/cover.png", png));

        assertThat(new EpubReader().read(epub).cover()).isEqualTo("page:OEBPS/images/cover.png");
        assertThat(coverOf(epub, FileFormat.EPUB)).isEqualTo(png);
    }

    @Test
    void epubGuideCoverPageWithoutAnImageAndNoOtherCoverIsNoCover() throws Exception {
        Path epub = epub("""
                <item id="page" href="cover.xhtml" media-type="application/xhtml+xml"/>
                """, "<reference type=\"cover\" href=\"cover.xhtml\"/>", Map.of(
                "OEBPS/cover.xhtml", page("<p>Cover</p>")));

        assertThat(coverOf(epub, FileFormat.EPUB)).isNull();
    }

    @Test
    void epubGuideCoverPageMissingFromTheArchiveIsNoCover() throws Exception {
        Path epub = epub("", "<reference type=\"cover\" href=\"cover.xhtml\"/>", Map.of());

        assertThat(coverOf(epub, FileFormat.EPUB)).isNull();
    }

    @Test
    void aFileThatIsNotAZipIsAParseErrorNotACrash() throws Exception {
        Path fake = Files.write(temp.resolve("fake.epub"), png);

        assertThatThrownBy(() -> CoverExtractor.extract(fake, FileFormat.EPUB, "page:OEBPS/cover.xhtml"))
                .isInstanceOf(MetadataParseException.class).hasMessageStartingWith("Failed to parse EPUB: ");
    }

    // ------------------------------------------------------------------ CBZ, M4B, PDF: corpus files

    @Test
    void cbzCoverIsTheEntryTheReaderNamed() throws Exception {
        Path cbz = Corpus.file("comics/comicbox-Captain Science #001-cix.cbz");
        String ref = new CbzReader().read(cbz).cover();
        assertThat(ref).startsWith(CbzReader.COVER_PREFIX);
        byte[] entry;
        try (ZipFile zip = new ZipFile(cbz.toFile())) {
            entry = zip.getInputStream(zip.getEntry(ref.substring(CbzReader.COVER_PREFIX.length()))).readAllBytes();
        }

        assertThat(CoverExtractor.extract(cbz, FileFormat.CBZ, ref)).isEqualTo(entry);
    }

    @Test
    void cbzWithoutAnEntryReferenceHasNoCover() throws Exception {
        Path cbz = Corpus.file("comics/comicbox-Captain Science #001-cix.cbz");

        assertThat(CoverExtractor.extract(cbz, FileFormat.CBZ, null)).isNull();
        assertThat(CoverExtractor.extract(cbz, FileFormat.CBZ, "not-an-entry-reference")).isNull();
    }

    @Test
    void m4bCoverIsTheCovrPayloadAtTheOffsetTheReaderFound() throws Exception {
        Path m4b = Corpus.file("generated/gen-audiobook-chapters.m4b");
        String ref = new M4bReader().read(m4b).cover();
        String[] parts = ref.split(":");
        byte[] expected = new byte[Integer.parseInt(parts[2])];
        try (RandomAccessFile raf = new RandomAccessFile(m4b.toFile(), "r")) {
            raf.seek(Long.parseLong(parts[1]));
            raf.readFully(expected);
        }

        byte[] cover = CoverExtractor.extract(m4b, FileFormat.M4B, ref);

        assertThat(cover).isEqualTo(expected);
        assertThat(ImageIO.read(new ByteArrayInputStream(cover))).as("a decodable image").isNotNull();
    }

    @Test
    void m4bCoverReferenceBeyondTheFileOrEmptyIsNoCover() throws Exception {
        Path m4b = Corpus.file("generated/gen-audiobook-chapters.m4b");
        long size = Files.size(m4b);

        assertThat(CoverExtractor.extract(m4b, FileFormat.M4B, "covr:" + (size - 10) + ":100:image/jpeg")).isNull();
        assertThat(CoverExtractor.extract(m4b, FileFormat.M4B, "covr:0:0:image/jpeg")).isNull();
        assertThat(CoverExtractor.extract(m4b, FileFormat.M4B, "covr:0:" + (CoverExtractor.MAX_IMAGE_BYTES + 1)
                + ":image/jpeg")).isNull();
        assertThat(CoverExtractor.extract(m4b, FileFormat.M4B, null)).isNull();
    }

    @Test
    void pdfCoverIsTheFirstPageRenderedSmall() throws Exception {
        Path pdf = Corpus.file("pdf/pysf-GeoTopo-komprimiert.pdf");
        String ref = new PdfReader().read(pdf).cover();
        assertThat(ref).isNotNull();

        BufferedImage page = ImageIO.read(new ByteArrayInputStream(CoverExtractor.extract(pdf, FileFormat.PDF, ref)));

        assertThat(page).isNotNull();
        assertThat(Math.max(page.getWidth(), page.getHeight())).isBetween(100, 800);
    }

    @Test
    void pdfWithoutACoverReferenceIsNotRendered() throws Exception {
        assertThat(CoverExtractor.extract(Corpus.file("pdf/pysf-GeoTopo-komprimiert.pdf"), FileFormat.PDF, null)).isNull();
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] coverOf(Path file, FileFormat format) throws MetadataParseException {
        String ref = new EpubReader().read(file).cover();
        return CoverExtractor.extract(file, format, ref);
    }

    /** An EPUB 2 package with the given manifest items, guide references and extra entries. */
    private Path epub(String items, String guide, Map<String, byte[]> entries) throws IOException {
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="uid">urn:uuid:0f9c7c1e-1111-4222-8333-944455556666</dc:identifier>
                    <dc:title>Covers</dc:title>
                    <dc:language>en</dc:language>
                  </metadata>
                  <manifest>
                    <item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>
                    %s
                  </manifest>
                  <spine><itemref idref="c"/></spine>
                  <guide>%s</guide>
                </package>
                """.formatted(items, guide);
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("META-INF/container.xml", CONTAINER.getBytes(StandardCharsets.UTF_8));
        all.put("OEBPS/content.opf", opf.getBytes(StandardCharsets.UTF_8));
        all.put("OEBPS/c.xhtml", page("<p>Text</p>"));
        all.putAll(entries);
        Path file = temp.resolve("book-" + System.nanoTime() + ".epub");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return file;
    }

    private static byte[] page(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                + "<title>Cover</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(12, 18, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
