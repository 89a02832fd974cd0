package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.testsupport.MadeCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EPUBs whose META-INF/container.xml is missing or unusable are read from the archive's one OPF. */
class EpubContainerFallbackTest {

    private final EpubReader reader = new EpubReader();

    @TempDir
    Path tmp;

    @Test
    void readsTheOnlyOpfOfAnEpubWithoutAContainer() throws Exception {
        ParsedMetadata m = reader.read(MadeCorpus.file("epub/no-container.epub"));

        assertThat(m.title()).isEqualTo("Zipped Without a Container");
        assertThat(m.authors()).containsExactly(Contributor.author("Ann Leckie"));
        assertThat(m.language()).isEqualTo("en");
        // the cover's href is resolved against the OPF that was found, epub/content.opf
        assertThat(m.cover()).isEqualTo("epub/images/cover.jpg");
    }

    @Test
    void readsTheOnlyOpfWhenTheContainerNamesOneThatIsNotThere() throws Exception {
        ParsedMetadata m = reader.read(MadeCorpus.file("epub/container-points-nowhere.epub"));

        assertThat(m.title()).isEqualTo("The Container Points Nowhere");
        assertThat(m.authors()).containsExactly(Contributor.author("Jane Roe"));
    }

    @Test
    void readsTheShallowestOpfAndNeverAResourceFork() throws Exception {
        // book/content.opf, beside book/._content.opf and __MACOSX/._content.opf (resource forks) and book/old/content.opf
        ParsedMetadata m = reader.read(MadeCorpus.file("epub/several-opfs.epub"));

        assertThat(m.title()).isEqualTo("The Shallowest Package");
        assertThat(m.authors()).containsExactly(Contributor.author("John Doe"));
    }

    @Test
    void breaksATieBetweenOpfsAtTheSameDepthByTheShorterThenTheFirstName() throws Exception {
        Path epub = zip("a/content.opf", opf("Longer Name"), "c/b.opf", opf("Same Length, Later Name"),
                "b/a.opf", opf("Shorter Name, First"));
        assertThat(reader.read(epub).title()).isEqualTo("Shorter Name, First");
    }

    @Test
    void readsTheOnlyOpfWhenContainerXmlIsNotWellFormed() throws Exception {
        Path epub = zip("META-INF/container.xml", "<container><rootfiles>", "OEBPS/content.opf", opf("Still Read"));
        assertThat(reader.read(epub).title()).isEqualTo("Still Read");
    }

    @Test
    void prefersTheOpfTheContainerNamesOverAShallowerOne() throws Exception {
        Path epub = zip("META-INF/container.xml", container("deep/er/named.opf"), "root.opf", opf("Shallow"),
                "deep/er/named.opf", opf("Named"));
        assertThat(reader.read(epub).title()).isEqualTo("Named");
    }

    @Test
    void stillSaysNotAnEpubWhenThereIsNeitherContainerNorOpf() throws Exception {
        Path zip = zip("chapter.xhtml", "<html/>");
        assertThatThrownBy(() -> reader.read(zip)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: not an EPUB (no META-INF/container.xml)");
    }

    @Test
    void stillNamesTheMissingPackageDocumentWhenThereIsNoOpfAtAll() throws Exception {
        Path zip = zip("META-INF/container.xml", container("OEBPS/content.opf"), "OEBPS/chapter.xhtml", "<html/>");
        assertThatThrownBy(() -> reader.read(zip)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: invalid OPF structure (package document OEBPS/content.opf is missing)");
    }

    @Test
    void reportsTheFallbackOpfsOwnProblem() throws Exception {
        Path zip = zip("OEBPS/content.opf", "<package xmlns='http://www.idpf.org/2007/opf'/>");
        assertThatThrownBy(() -> reader.read(zip)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: invalid OPF structure (no <metadata> element)");
    }

    @Test
    void neverTakesAnOpfWhoseNameClimbsOutOfTheArchive() throws Exception {
        Path zip = zip("../evil.opf", opf("Evil"), "/abs.opf", opf("Absolute"));
        assertThatThrownBy(() -> reader.read(zip)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse EPUB: not an EPUB (no META-INF/container.xml)");
    }

    private static String opf(String title) {
        return "<package xmlns='http://www.idpf.org/2007/opf' version='3.0'><metadata"
                + " xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>" + title + "</dc:title></metadata></package>";
    }

    private static String container(String fullPath) {
        return "<container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles>"
                + "<rootfile full-path='" + fullPath + "' media-type='application/oebps-package+xml'/></rootfiles></container>";
    }

    private Path zip(String... nameThenText) throws IOException {
        Path file = Files.createTempFile(tmp, "book", ".epub");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameThenText[i]));
                zip.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }
}
