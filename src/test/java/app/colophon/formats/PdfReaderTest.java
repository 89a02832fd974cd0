package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.testsupport.Corpus;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PdfReaderTest {

    private final PdfReader reader = new PdfReader();

    @TempDir
    Path dir;

    private ParsedMetadata read(String corpusName) throws MetadataParseException {
        return reader.read(Corpus.file(corpusName));
    }

    // --- the corpus, field by field against MANIFEST.tsv ---------------------------------------------------

    /** Files on which the reader and the manifest agree on title, authors, page count and creation date. */
    @ParameterizedTest
    @ValueSource(strings = {
            "pdf/pysf-GeoTopo-komprimiert.pdf",
            "pdf/pysf-annotated_pdf.pdf",
            "pdf/pysf-habibi.pdf",
            "pdf/pysf-minimal-document.pdf",
            "pdf/pysf-crazyones-pdfa.pdf"})
    void agreesWithTheManifestOnTitleAuthorsPagesAndDate(String file) throws Exception {
        Map<String, String> row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        assertThat(m.title()).isEqualTo(blankToNull(row.get("title")));
        assertThat(m.authors()).extracting(Contributor::name).containsExactlyElementsOf(names(row.get("creators")));
        assertThat(m.pageCount()).isEqualTo(manifestPages(row));
        assertThat(m.releaseDate()).isEqualTo(manifestCreationDate(row));
    }

    @Test
    void readsGeoTopoTitleAuthorPagesAndCreationDate() throws Exception {
        ParsedMetadata m = read("pdf/pysf-GeoTopo-komprimiert.pdf");

        assertThat(m.title()).isEqualTo("Geometrie und Topologie");
        assertThat(m.authors()).containsExactly(Contributor.author("Martin Thoma"));
        assertThat(m.pageCount()).isEqualTo(117);
        // D:20161231184323+01'00' is 17:43 UTC; the date is the one written, in the file's own time zone
        assertThat(m.releaseDate()).isEqualTo("2016-12-31");
    }

    @Test
    void readsKeywordsAsTags() throws Exception {
        assertThat(read("pdf/pysf-GeoTopo-komprimiert.pdf").tags()).containsExactly("Geometrie", "Topologie");
    }

    @Test
    void treatsAnEmptySubjectAsNoDescription() throws Exception {
        assertThat(read("pdf/pysf-GeoTopo-komprimiert.pdf").description()).isNull();
    }

    @Test
    void keepsTheLocalDateOfACreationDateJustAfterMidnight() throws Exception {
        // D:19900428000000+02'00' is 1990-04-27T22:00Z; the file says the 28th
        assertThat(read("pdf/pysf-annotated_pdf.pdf").releaseDate()).isEqualTo("1990-04-28");
    }

    @Test
    void usesTheFirstPageAsCover() throws Exception {
        assertThat(read("pdf/pysf-habibi.pdf").cover()).isEqualTo("page:1");
    }

    @Test
    void readsSubjectAsDescriptionAndKeywordsAsTags() throws Exception {
        ParsedMetadata m = read("pdf/comicbox-test_pdf.pdf");

        assertThat(m.title()).isEqualTo("the tangle of their lives");
        assertThat(m.authors()).containsExactly(Contributor.author("Jon Osterman"));
        assertThat(m.description()).isEqualTo("Science Fiction");
        assertThat(m.tags()).containsExactly("d", "e", "f");
        assertThat(m.pageCount()).isEqualTo(4);
    }

    @Test
    void treatsAUnixEpochCreationDateAsNoDate() throws Exception {
        // The manifest lists "created 1970-01-01T00:00:00Z": that is comicbox writing a zero timestamp, not a date
        // the comic was made on, so it is left empty for the file path or the user to fill.
        assertThat(Corpus.manifest("pdf/comicbox-test_pdf.pdf").get("date")).startsWith("created 1970-01-01T00:00:00Z");
        assertThat(read("pdf/comicbox-test_pdf.pdf").releaseDate()).isNull();
    }

    @Test
    void ignoresComicInfoXmlStuffedIntoKeywords() throws Exception {
        ParsedMetadata m = read("pdf/comicbox-test_pdf_legacy_keywords.pdf");

        assertThat(m.tags()).isEmpty();
        assertThat(m.title()).isEqualTo("the tangle of their lives");
        assertThat(m.authors()).containsExactly(Contributor.author("Jon Osterman"));
        assertThat(m.description()).isEqualTo("Science Fiction");
    }

    @Test
    void dropsReportLabPlaceholderTitleAuthorAndSubject() throws Exception {
        // the manifest records the raw Info values "untitled" / "anonymous" / "unspecified"; none is metadata
        ParsedMetadata m = read("pdf/pysf-inline-image.pdf");

        assertThat(m.title()).isNull();
        assertThat(m.authors()).isEmpty();
        assertThat(m.description()).isNull();
        assertThat(m.releaseDate()).isEqualTo("2022-04-15");
        assertThat(m.pageCount()).isEqualTo(1);
    }

    @Test
    void stripsTheNulFromImageMagickTitleAndDropsItsUrlAuthor() throws Exception {
        // the manifest title is "komga\x00" and its author "https://imagemagick.org"
        ParsedMetadata m = read("pdf/komga-komga.pdf");

        assertThat(m.title()).isEqualTo("komga");
        assertThat(m.authors()).isEmpty();
        assertThat(m.releaseDate()).isEqualTo("2022-01-05");
    }

    @Test
    void readsEmptyInfoAndEmptyXmpAsNoMetadata() throws Exception {
        ParsedMetadata m = read("pdf/pysf-crazyones-pdfa.pdf");

        assertThat(m.title()).isNull();
        assertThat(m.authors()).isEmpty();
        assertThat(m.description()).isNull();
        assertThat(m.tags()).isEmpty();
    }

    @Test
    void fallsBackToXmpForTitleCreatorsAndDescription() throws Exception {
        // Its XMP: dc:title Alt x-default "Sample PDF with XMP Metadata", dc:creator Seq ["John Doe"],
        // dc:description as plain text "This is a text" (not an rdf:Alt), dc:date 1990-04-28.
        ParsedMetadata m = read("pdf/pysf-output_with_metadata_pymupdf.pdf");

        assertThat(m.title()).isEqualTo("Sample PDF with XMP Metadata");
        assertThat(m.authors()).containsExactly(Contributor.author("John Doe"));
        assertThat(m.description()).isEqualTo("This is a text");
    }

    @Test
    void prefersTheInfoCreationDateOverXmpDcDate() throws Exception {
        // Info CreationDate D:20230410074654Z07'46' (odd, but a date) is present, so dc:date 1990-04-28 is not used
        assertThat(read("pdf/pysf-output_with_metadata_pymupdf.pdf").releaseDate()).isEqualTo("2023-04-10");
    }

    @Test
    void reportsAPdfThatNeedsAUserPassword() {
        assertThatThrownBy(() -> read("pdf/pysf-libreoffice-writer-password.pdf"))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse PDF: encrypted (password required)");
    }

    @Test
    void reportsAPdfWhosePageTreeCannotBeRecovered() {
        // pdfinfo recovers 4 pages, but PDFBox's repair ends with "Page tree root must be a dictionary"
        assertThatThrownBy(() -> read("pdf/pysf-unreadablemetadata.pdf"))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse PDF: damaged file: ")
                .hasMessageContaining("Page tree root must be a dictionary");
    }

    // --- generated files ------------------------------------------------------------------------------------

    @Test
    void fallsBackToXmpForEachFieldTheInfoLacks() throws Exception {
        Path pdf = pdf(info -> info.setTitle("Info Title"), xmp(
                "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Xmp Title</rdf:li></rdf:Alt></dc:title>"
                        + "<dc:creator><rdf:Seq><rdf:li>Doe, Jane</rdf:li><rdf:li>John Roe</rdf:li></rdf:Seq></dc:creator>"));

        ParsedMetadata m = reader.read(pdf);

        assertThat(m.title()).isEqualTo("Info Title");
        assertThat(m.authors()).containsExactly(Contributor.author("Doe, Jane"), Contributor.author("John Roe"));
    }

    @Test
    void fallsBackToXmpWhenTheInfoTitleIsAPlaceholder() throws Exception {
        Path pdf = pdf(info -> info.setTitle("Unknown"), xmp(
                "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Real Title</rdf:li></rdf:Alt></dc:title>"));

        assertThat(reader.read(pdf).title()).isEqualTo("Real Title");
    }

    @Test
    void prefersTheXDefaultTitleOverOtherLanguages() throws Exception {
        Path pdf = pdf(info -> { }, xmp("<dc:title><rdf:Alt><rdf:li xml:lang='de'>Titel</rdf:li>"
                + "<rdf:li xml:lang='x-default'>Title</rdf:li></rdf:Alt></dc:title>"));

        assertThat(reader.read(pdf).title()).isEqualTo("Title");
    }

    @Test
    void readsXmpCreateDateWrittenAsAnAttribute() throws Exception {
        Path pdf = pdf(info -> { }, "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='" + RDF + "'>"
                + "<rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/' "
                + "xmp:CreateDate='2001-02-03T04:05:06+01:00'/></rdf:RDF></x:xmpmeta>");

        assertThat(reader.read(pdf).releaseDate()).isEqualTo("2001-02-03");
    }

    @Test
    void ignoresXmpThatIsNotWellFormed() throws Exception {
        Path pdf = pdf(info -> info.setAuthor("Jane Doe"), "<x:xmpmeta><rdf:RDF><dc:title>unclosed");

        ParsedMetadata m = reader.read(pdf);

        assertThat(m.authors()).containsExactly(Contributor.author("Jane Doe"));
        assertThat(m.title()).isNull();
    }

    @Test
    void neverResolvesAnExternalEntityInXmp() throws Exception {
        String secret = "SECRET-" + UUID.randomUUID();
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
        Path pdf = pdf(info -> info.setAuthor("Jane Doe"), "<?xml version='1.0'?><!DOCTYPE x:xmpmeta ["
                + "<!ENTITY xxe SYSTEM '" + secretFile.toUri() + "'>]>" + xmp(
                "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>&xxe;</rdf:li></rdf:Alt></dc:title>"));

        ParsedMetadata m = reader.read(pdf);

        assertThat(m.toString()).doesNotContain(secret);
        assertThat(m.authors()).containsExactly(Contributor.author("Jane Doe"));
    }

    @Test
    void reportsAFileThatIsNotAPdf() throws Exception {
        Path html = Files.writeString(dir.resolve("page.pdf"), "<html><body>404 Not Found</body></html>");

        assertThatThrownBy(() -> reader.read(html))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse PDF: not a PDF file");
    }

    @Test
    void reportsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pdf"));

        assertThatThrownBy(() -> reader.read(empty)).hasMessage("Failed to parse PDF: not a PDF file (empty)");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> reader.read(dir.resolve("gone.pdf")))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse PDF: cannot read file");
    }

    @Test
    void reportsATruncatedPdfAsDamaged() throws Exception {
        // GeoTopo keeps its page tree near the end; PDFBox's repair of the first third cannot find it
        byte[] whole = Files.readAllBytes(Corpus.file("pdf/pysf-GeoTopo-komprimiert.pdf"));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(whole, whole.length / 3));

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(truncated)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse PDF: damaged file: ");
    }

    @Test
    void readsAPageTreeThatContainsItself() throws Exception {
        Path loop = Files.writeString(dir.resolve("loop.pdf"), """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj
                3 0 obj << /Title (Loop) >> endobj
                trailer << /Root 1 0 R /Info 3 0 R >>
                %%EOF
                """, StandardCharsets.ISO_8859_1);

        ParsedMetadata m = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(loop));

        assertThat(m.title()).isEqualTo("Loop");
    }

    @Test
    void survivesDeeplyNestedObjectsWithoutOverflowingTheStack() throws Exception {
        int depth = 200_000;
        String nested = "[".repeat(depth) + "]".repeat(depth);
        Path deep = Files.writeString(dir.resolve("deep.pdf"), "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "3 0 obj << /Title " + nested + " >> endobj\n"
                + "trailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n", StandardCharsets.ISO_8859_1);

        // PDFBox gives up on the Info object at its recursion limit; what is left is a document without metadata
        ParsedMetadata m = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(deep));

        assertThat(m.title()).isNull();
        assertThat(m.pageCount()).isZero();
        assertThat(m.cover()).isNull();
    }

    // --- value rules ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "Author \"{0}\" is [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Martin Thoma                 | Martin Thoma",
            "Jane Doe; John Roe           | Jane Doe + John Roe",
            "Jane Doe & John Roe          | Jane Doe + John Roe",
            "Jane Doe, John Roe           | Jane Doe + John Roe",
            "Doe, Jane                    | Doe, Jane",
            "Jane Doe, Prince             | Jane Doe, Prince",
            "Doe, Jane; Roe, John         | Doe, Jane + Roe, John",
            "anonymous                    | ''",
            "Unknown                      | ''",
            "https://imagemagick.org      | ''",
            "Jane Doe; http://example.com | Jane Doe"})
    void splitsAuthorsOnSemicolonsAmpersandsAndCommasBetweenFullNames(String raw, String expected) {
        List<String> names = expected.isEmpty() ? List.of() : List.of(expected.split(" \\+ "));
        assertThat(PdfReader.authors(raw)).containsExactlyElementsOf(names);
    }

    @ParameterizedTest(name = "Keywords \"{0}\" are [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Geometrie, Topologie          | Geometrie + Topologie",
            "a;b, c                        | a + b + c",
            "'  '                          | ''",
            "<?xml version=\"1.0\"?><x/>   | ''"})
    void splitsKeywordsOnCommasAndSemicolons(String raw, String expected) {
        List<String> tags = expected.isEmpty() ? List.of() : List.of(expected.split(" \\+ "));
        assertThat(PdfReader.keywords(raw)).containsExactlyElementsOf(tags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"untitled", "Untitled", "UNKNOWN", "  unknown  "})
    void treatsPlaceholderTitlesAsEmpty(String title) {
        assertThat(PdfReader.title(title)).isNull();
    }

    @Test
    void readsAsThePdfFormat() {
        assertThat(reader.format()).isEqualTo(FileFormat.PDF);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** An XMP packet with one rdf:Description holding the given Dublin Core properties. */
    private static String xmp(String dcProperties) {
        return "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='" + RDF + "'>"
                + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                + dcProperties + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    /** A one-page PDF with the given Info values and XMP packet (none when null). */
    private Path pdf(Consumer<PDDocumentInformation> info, String xmp) throws IOException {
        Path file = Files.createTempFile(dir, "generated", ".pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDDocumentInformation information = new PDDocumentInformation();
            info.accept(information);
            doc.setDocumentInformation(information);
            if (xmp != null) {
                PDMetadata metadata = new PDMetadata(doc,
                        new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
                doc.getDocumentCatalog().setMetadata(metadata);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Manifest creators: "A; B" (PDF rows carry no roles). */
    private static List<String> names(String creators) {
        return creators.isBlank() ? List.of() : List.of(creators.split(";\\s*"));
    }

    /** "pages=117; XMP=no; …" → 117. */
    private static Integer manifestPages(Map<String, String> row) {
        String meta = row.get("other_meta");
        int at = meta.indexOf("pages=");
        return Integer.valueOf(meta.substring(at + 6, meta.indexOf(';', at)));
    }

    /** "created 2016-12-31T18:43:23+01; mod …" → 2016-12-31 (the local date as written). */
    private static String manifestCreationDate(Map<String, String> row) {
        String date = row.get("date");
        return date.startsWith("created ") ? date.substring(8, 18) : null;
    }
}
