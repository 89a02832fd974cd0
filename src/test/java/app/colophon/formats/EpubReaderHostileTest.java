package app.colophon.formats;

import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static app.colophon.formats.EpubReaderTest.HANG_GUARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * DESIGN §9: every EPUB is hostile input. Broken corpus files and archives generated here (never checked in) end
 * in a {@link MetadataParseException} or a sane partial result, never another exception, a hang or an OOM.
 */
class EpubReaderHostileTest {

    private static final String CANARY = "COLOPHON-LOCAL-FILE-CANARY";
    private static final String DC = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

    private final EpubReader reader = new EpubReader();

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ broken EPUBs of the corpus

    /** DESIGN §1: epublib's stream reader never returns on the first three; the hang guard would catch a loop. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            epubcheck-ocf-zip-unreadable-empty-fatal                      | not a ZIP archive
            epubcheck-ocf-zip-unreadable-image-with-epub-extension-fatal  | not a ZIP archive
            epubcheck-ocf-zip-unreadable-no-end-header-fatal              | not a ZIP archive
            epubcheck-empty_archive                                       | not an EPUB (no META-INF/container.xml)
            epubcheck-ocf-container-not-ocf-error                         | not an EPUB (no META-INF/container.xml)
            komga-zip-as-epub                                             | not an EPUB (no META-INF/container.xml)
            epubcheck-no-rootfile                                         | invalid OPF structure (root element is {http://www.ipdf.org/2007/opf}package
            epubcheck-bad_opf_namespace                                   | invalid OPF structure (root element is {http://www.ipdf.org/2007/opf}package
            epubcheck-mimetypeAndVersion                                  | invalid OPF structure (no <metadata> element)
            """)
    void rejectsEveryBrokenCorpusEpubWithAClearMessage(String name, String problem) {
        // bad_opf_namespace: the manifest lists its metadata, but a package outside the OPF namespace is not an OPF
        // package (OPF 2.0.1 §1.3.2), and epublib's "success" with an empty title is what DESIGN §1 warns about.
        // no-rootfile's container names no usable rootfile (media type "oepbs"), so its one OPF is read: and that
        // OPF is in the wrong namespace.
        Path file = Corpus.file("epub/" + name + ".epub");
        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse EPUB: " + problem);
    }

    /** Their container.xml names no package document (no full-path, or an empty one): the archive's one OPF is read. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"epubcheck-Issue95", "epubcheck-issue236"})
    void readsTheOnlyOpfOfACorpusEpubWhoseContainerNamesNone(String name) throws Exception {
        ParsedMetadata m = reader.read(Corpus.file("epub/" + name + ".epub"));

        assertThat(m.title()).isEqualTo("Book title"); // OEBPS/content.opf's dc:title
        assertThat(m.language()).isEqualTo("en");
    }

    @Test
    void rejectsAMissingFileAndADirectory() {
        assertThatThrownBy(() -> reader.read(tmp.resolve("missing.epub")))
                .isInstanceOf(MetadataParseException.class).hasMessageStartingWith("Failed to parse EPUB: ");
        assertThatThrownBy(() -> reader.read(tmp))
                .isInstanceOf(MetadataParseException.class).hasMessageStartingWith("Failed to parse EPUB: ");
    }

    // ------------------------------------------------------------------ XML attacks

    /**
     * Each tries to pull a local file into the title, the description or the rootfile path (whose name would then
     * show in the "missing" error); the secret must appear in no field and no message.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"general entity", "parameter entity", "external DTD", "container.xml entity"})
    void neverReadsALocalFileThroughAnExternalEntity(String attack) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), CANARY);
        Path dtd = Files.writeString(tmp.resolve("secret.dtd"), "<!ENTITY leak \"" + CANARY + "\">");
        String body = "<dc:title>&leak;</dc:title><dc:description>before &leak; after</dc:description>";
        String opf = switch (attack) {
            case "general entity" -> "<!DOCTYPE package [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
                    + opf(body);
            case "parameter entity" -> "<!DOCTYPE package [<!ENTITY % ext SYSTEM \"" + dtd.toUri() + "\"> %ext;]>"
                    + opf(body);
            case "external DTD" -> "<!DOCTYPE package SYSTEM \"" + dtd.toUri() + "\">" + opf(body);
            default -> opf("<dc:title>Container Attack</dc:title>");
        };
        String container = attack.equals("container.xml entity")
                ? "<!DOCTYPE container SYSTEM \"" + dtd.toUri() + "\">" + container("EPUB/&leak;.opf")
                : container("EPUB/package.opf");

        Object outcome = readOutcome(epub(container, "EPUB/package.opf", opf));

        assertThat(outcome.toString()).doesNotContain(CANARY);
    }

    @Test
    void doesNotExpandABillionLaughs() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE package [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");

        Object outcome = readOutcome(epub(container("EPUB/package.opf"), "EPUB/package.opf",
                doctype + opf("<dc:title>&lol9;</dc:title>")));

        assertThat(outcome.toString().length()).isLessThan(10_000);
    }

    @Test
    void refusesAnOpfThatInflatesPast16MegabytesInsteadOfTruncatingIt() throws Exception {
        // Complete metadata in the first bytes: a reader that cut at 16 MB and parsed leniently would "succeed".
        String opf = opf("<dc:title>Bomb</dc:title>") + "<!--" + " ".repeat(17 * 1024 * 1024) + "-->";

        assertThatThrownBy(() -> read(epub(container("EPUB/package.opf"), "EPUB/package.opf", opf)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: entry EPUB/package.opf inflates past 16 MB");
    }

    @Test
    void readsALargeOpfBelowTheBound() throws Exception {
        String opf = opf("<!--" + " ".repeat(15 * 1024 * 1024) + "--><dc:title>Big But Fine</dc:title>");

        assertThat(read(epub(container("EPUB/package.opf"), "EPUB/package.opf", opf)).title())
                .isEqualTo("Big But Fine");
    }

    @Test
    void refusesAContainerXmlThatInflatesPastOneMegabyte() throws Exception {
        String container = container("EPUB/package.opf") + "<!--" + "x".repeat(2 * 1024 * 1024) + "-->";

        assertThatThrownBy(() -> read(epub(container, "EPUB/package.opf", opf("<dc:title>T</dc:title>"))))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: entry META-INF/container.xml inflates past 1 MB");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown element | x           | <dc:title>Deep</dc:title>
            a DC element       | dc:subject  | <dc:title>Deep</dc:title>
            an OPF 2 wrapper   | dc-metadata | <dc:title>Deep</dc:title>
            """)
    void survives10000DeepNestingInsideMetadata(String what, String element, String after) throws Exception {
        String nested = ("<" + element + ">").repeat(10_000) + "deep" + ("</" + element + ">").repeat(10_000);

        Object outcome = readOutcome(epub(container("EPUB/package.opf"), "EPUB/package.opf", opf(nested + after)));

        // Skipped iteratively, the nesting hides nothing that follows it.
        assertThat(outcome).isInstanceOfSatisfying(ParsedMetadata.class, m -> assertThat(m.title()).isEqualTo("Deep"));
    }

    // ------------------------------------------------------------------ paths

    @Test
    void neverReadsAPackageDocumentOutsideTheArchive() throws Exception {
        // A real file where "../outside.opf" would land if the path were resolved against the file system.
        Files.writeString(tmp.resolve("outside.opf"), opf("<dc:title>" + CANARY + "</dc:title>"));
        Path book = Files.createDirectories(tmp.resolve("books")).resolve("book.epub");
        write(book, container("../outside.opf"), "EPUB/package.opf", opf("<dc:title>T</dc:title>"));

        // the named OPF is not in the archive, so the archive's own one is read, never the file beside it
        assertThat(read(book).title()).isEqualTo("T");
    }

    @Test
    void readsAnEntryWhoseOwnNameClimbsUpAsAnOrdinaryEntry() throws Exception {
        // The ZIP really holds an entry named "../evil.opf": its bytes are inside the archive, so reading it is safe.
        ParsedMetadata m = read(epub(container("../evil.opf"), "../evil.opf", opf("<dc:title>Inside</dc:title>")));

        assertThat(m.title()).isEqualTo("Inside");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            images/cover.jpg             | EPUB/images/cover.jpg
            ./images/../cover%20art.jpg  | EPUB/cover art.jpg
            /root-cover.jpg              | root-cover.jpg
            ../cover.jpg#frag            | cover.jpg
            ../../../../etc/passwd       | -
            """)
    void resolvesCoverHrefsInsideTheArchiveOnly(String href, String cover) throws Exception {
        String opf = opf("<dc:title>T</dc:title>").replace("</package>", "<manifest><item id=\"c\" href=\"" + href
                + "\" media-type=\"image/jpeg\" properties=\"cover-image\"/></manifest></package>");

        assertThat(read(epub(container("EPUB/package.opf"), "EPUB/package.opf", opf)).cover()).isEqualTo(cover);
    }

    // ------------------------------------------------------------------ damaged archives

    @ParameterizedTest(name = "first {0} of the bytes")
    @ValueSource(doubles = {0.01, 0.25, 0.5, 0.9, 0.9999})
    void rejectsATruncatedCopyOfARealEpub(double fraction) throws Exception {
        byte[] original = Files.readAllBytes(Corpus.file("epub/se-love-among-the-chickens.epub"));
        Path cut = Files.write(tmp.resolve("cut.epub"), Arrays.copyOf(original, (int) (original.length * fraction)));

        assertThatThrownBy(() -> read(cut))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse EPUB: not a ZIP archive");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"epub/w3c-pkg-creator-order.epub", "epub/epubcheck-minimal.epub",
            "epub/kavita-TitleWithVolume.epub", "epub/idpf-childrens-media-query.epub"})
    void survivesRandomCorruptionOfRealEpubs(String file) throws Exception {
        byte[] original = Files.readAllBytes(Corpus.file(file));
        Random random = new Random(file.hashCode());
        for (int i = 0; i < 150; i++) {
            byte[] mutated = original.clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            Object outcome = readOutcome(Files.write(tmp.resolve("mutated.epub"), mutated));
            if (outcome instanceof MetadataParseException e) {
                // a clear parse error is fine; a wrapped RuntimeException would be a bug in the reader
                assertThat(e.getCause() instanceof RuntimeException).as("wrapped bug: %s", e.getCause()).isFalse();
            }
        }
    }

    // ------------------------------------------------------------------ a generated, well-formed EPUB

    @Test
    void stripsTheHtmlOfAnEscapedDescription() throws Exception {
        String opf = opf("<dc:title>T</dc:title><dc:description>&lt;p&gt;Fish &amp;amp; &lt;b&gt;chips&lt;/b&gt;"
                + "&lt;/p&gt;&lt;p&gt;Second&amp;#0; paragraph&lt;/p&gt;</dc:description>");

        assertThat(read(epub(container("EPUB/package.opf"), "EPUB/package.opf", opf)).description())
                .isEqualTo("Fish & chips\nSecond paragraph");
    }

    // ------------------------------------------------------------------ helpers

    private ParsedMetadata read(Path file) throws Exception {
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file));
    }

    /** The metadata, or the MetadataParseException; any other exception fails the test. */
    private Object readOutcome(Path file) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                return reader.read(file);
            } catch (MetadataParseException e) {
                assertThat(e).hasMessageStartingWith("Failed to parse EPUB: ");
                return e;
            }
        });
    }

    private static String container(String fullPath) {
        return "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                + "<rootfiles><rootfile full-path=\"" + fullPath + "\" media-type=\"application/oebps-package+xml\"/>"
                + "</rootfiles></container>";
    }

    /** An EPUB 3 package with the given metadata children (no XML declaration, so a DOCTYPE can precede it). */
    private static String opf(String metadata) {
        return "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata " + DC + ">" + metadata
                + "<dc:language>en</dc:language></metadata></package>";
    }

    private Path epub(String container, String opfName, String opf) throws IOException {
        return write(Files.createTempFile(tmp, "book", ".epub"), container, opfName, opf);
    }

    /** mimetype first and stored, as OCF wants, then container.xml and the OPF, deflated. */
    private static Path write(Path file, String container, String opfName, String opf) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(container.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(opfName));
            zip.write(opf.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
