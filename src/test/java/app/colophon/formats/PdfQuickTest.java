package app.colophon.formats;

import app.colophon.testsupport.Corpus;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The quick reader reads what PDFBox reads, or leaves the file to PDFBox; it never reads something else. */
class PdfQuickTest {

    /** Text that string syntax must survive: parentheses, backslashes, ends of line, non-Latin letters. */
    private static final String[] PIECES = {"Dune", " ", "(", ")", "\\", "\n", "\r\n", "é", "Ω", "😀", "ß", "Le Guin",
        "\t", "%", "/", "<", ">", "[", "]", "#"};

    @TempDir
    Path dir;

    @Test
    void everyCorpusPdfIsReadAsPdfBoxReadsItOrLeftToPdfBox() throws Exception {
        List<String> quick = new ArrayList<>();
        for (Path file : corpusPdfs()) {
            ParsedMetadata fast = PdfReader.readQuick(file);
            if (fast != null) {
                quick.add(file.getFileName().toString());
                assertThat(fast).as(file.toString()).isEqualTo(PdfReader.readWithPdfBox(file));
            }
        }
        // the valid files written by ordinary tools, with tables or with cross-reference streams
        assertThat(quick).contains("pysf-GeoTopo-komprimiert.pdf", "pysf-minimal-document.pdf",
                "comicbox-test_pdf.pdf", "pysf-habibi.pdf");
    }

    @Test
    void aPasswordProtectedPdfIsLeftToPdfBox() {
        assertThat(PdfReader.readQuick(Corpus.file("pdf/pysf-libreoffice-writer-password.pdf"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void writtenMetadataIsReadAsPdfBoxReadsIt(boolean compressed) throws Exception {
        Random random = new Random(compressed ? 3 : 4);
        for (int i = 0; i < 40; i++) {
            Path file = pdf(random, compressed, "book" + i + ".pdf");

            ParsedMetadata fast = PdfReader.readQuick(file);

            assertThat(fast).as("quick reading of " + i).isNotNull();
            assertThat(fast).isEqualTo(PdfReader.readWithPdfBox(file));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anIncrementalUpdateIsReadForItsNewestValues(boolean compressed) throws Exception {
        Path file = pdf(new Random(9), compressed, "updated.pdf");
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            document.getDocumentInformation().setTitle("The Newer Title");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            try (OutputStream out = Files.newOutputStream(dir.resolve("updated-2.pdf"))) {
                document.saveIncremental(out); // the file as it was, then the update
            }
        }
        Path updated = dir.resolve("updated-2.pdf");

        ParsedMetadata fast = PdfReader.readQuick(updated);

        assertThat(fast).isNotNull().isEqualTo(PdfReader.readWithPdfBox(updated));
        assertThat(fast.title()).isEqualTo("The Newer Title");
    }

    @Test
    void damagedCopiesAreReadAsPdfBoxReadsThemOrLeftToIt() throws Exception {
        Random random = new Random(11);
        List<Path> sources = new ArrayList<>(corpusPdfs());
        sources.add(pdf(random, true, "made.pdf"));
        sources.add(pdf(random, false, "made-plain.pdf"));
        for (Path source : sources) {
            byte[] original = Files.readAllBytes(source);
            for (int i = 0; i < 25; i++) {
                byte[] copy = original.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                Path file = Files.write(dir.resolve("damaged.pdf"), copy);

                ParsedMetadata fast = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PdfReader.readQuick(file));

                if (fast != null) {
                    assertThat(fast).as(source + ", copy " + i).isEqualTo(pdfBoxOrNull(file));
                }
            }
        }
    }

    @Test
    void aTruncatedCopyIsLeftToPdfBox() throws Exception {
        byte[] whole = Files.readAllBytes(pdf(new Random(5), true, "whole.pdf"));
        Path file = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThat(PdfReader.readQuick(file)).isNull();
    }

    @Test
    void anInfoInAnObjectStreamIsReadThroughACrossReferenceStream() throws Exception {
        Path file = Files.write(dir.resolve("stream.pdf"), withObjectStream("/Length " + LOOP.length()));

        ParsedMetadata fast = PdfReader.readQuick(file);

        assertThat(fast).isNotNull().isEqualTo(PdfReader.readWithPdfBox(file));
        assertThat(fast.title()).isEqualTo("Loop");
    }

    @Test
    void anObjectStreamWhoseLengthIsInsideItselfIsLeftToPdfBox() throws Exception {
        // object 6 (the Info) lives in object stream 5, whose /Length is object 6: reading either needs the other
        Path file = Files.write(dir.resolve("loop.pdf"), withObjectStream("/Length 6 0 R"));

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PdfReader.readQuick(file))).isNull();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> pdfBoxOrNull(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(Tom (and) Jerry)", "(c:\\)\n/Author (Doe, Jane)", "(open ( paren)\n/Subject (S)",
        "(a long \\\r\n title)", "(caf\\351 \\(\\) \\q)", "<FEFF00440075006E0065>", "(Dune\r\n/Keywords (x; y))"})
    void stringsAreReadAsPdfBoxReadsThem(String title) throws Exception {
        Path file = Files.write(dir.resolve("strings.pdf"), withTable(List.of(
                "<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>",
                "<< /Title " + title + " /CreationDate (D:19650801120000+01'00') >>")));

        ParsedMetadata fast = PdfReader.readQuick(file);

        assertThat(fast).as(title).isNotNull().isEqualTo(PdfReader.readWithPdfBox(file));
    }

    /** A PDF of {@code objects} (1, 2, …) with a cross-reference table; object 4 is the Info dictionary. */
    private static byte[] withTable(List<String> objects) {
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f\r\n");
        offsets.forEach(o -> out.append(String.format("%010d 00000 n\r\n", o)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Object 6, the Info dictionary, in object stream 5. */
    private static final String LOOP = "6 0 << /Title (Loop) >>";

    private static byte[] withObjectStream(String length) throws IOException {
        return withXrefStream(java.util.Arrays.asList(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>",
                null,
                "<< /Type /ObjStm /N 1 /First 4 " + length + " >>\nstream\n" + LOOP + "\nendstream"), 6, 5);
    }

    /**
     * A PDF of {@code objects} (1, 2, …; null for none) and object {@code inStream} as the only object of object
     * stream {@code stream}, with a cross-reference stream (rows of 1 + 4 + 2 bytes, no filter) and /Info inStream.
     */
    private static byte[] withXrefStream(List<String> objects, int inStream, int stream) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        int xrefNumber = objects.size() + 2;
        long[][] rows = new long[xrefNumber + 1][];
        rows[0] = new long[] {0, 0, 65535};
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) != null) {
                rows[i + 1] = new long[] {1, out.size(), 0};
                out.write(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
            } else {
                rows[i + 1] = new long[] {0, 0, 0};
            }
        }
        rows[inStream] = new long[] {2, stream, 0};
        long xrefAt = out.size();
        rows[xrefNumber] = new long[] {1, xrefAt, 0};
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        for (long[] row : rows) {
            data.write((int) row[0]);
            for (int b = 3; b >= 0; b--) {
                data.write((int) (row[1] >> (8 * b)));
            }
            data.write((int) (row[2] >> 8));
            data.write((int) row[2]);
        }
        out.write((xrefNumber + " 0 obj\n<< /Type /XRef /Size " + (xrefNumber + 1) + " /W [1 4 2] /Root 1 0 R /Info "
                + inStream + " 0 R /Length " + data.size() + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        data.writeTo(out);
        out.write(("\nendstream\nendobj\nstartxref\n" + xrefAt + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static ParsedMetadata pdfBoxOrNull(Path file) {
        try {
            return PdfReader.readWithPdfBox(file);
        } catch (MetadataParseException e) {
            return null;
        }
    }

    private Path pdf(Random random, boolean compressed, String name) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            for (int p = random.nextInt(4); p >= 0; p--) {
                document.addPage(new PDPage());
            }
            PDDocumentInformation info = document.getDocumentInformation();
            if (random.nextInt(5) > 0) {
                info.setTitle(awkward(random));
            }
            if (random.nextInt(5) > 0) {
                info.setAuthor(awkward(random) + (random.nextBoolean() ? ", " + awkward(random) : ""));
            }
            if (random.nextBoolean()) {
                info.setSubject(awkward(random));
            }
            if (random.nextBoolean()) {
                info.setKeywords(awkward(random) + "; " + awkward(random));
            }
            if (random.nextBoolean()) {
                Calendar date = new GregorianCalendar(TimeZone.getTimeZone(random.nextBoolean() ? "UTC" : "GMT+09:30"));
                date.set(1900 + random.nextInt(200), random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), 7);
                info.setCreationDate(date);
            } else if (random.nextBoolean()) {
                info.getCOSObject().setString(COSName.CREATION_DATE, "D:2019" + random.nextInt(10) + "x");
            }
            if (random.nextBoolean()) {
                document.getDocumentCatalog().setLanguage(random.nextBoolean() ? "de-CH" : awkward(random));
            }
            if (random.nextBoolean()) {
                String xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                        + "<dc:publisher><rdf:Bag><rdf:li>Tor " + random.nextInt(99) + "</rdf:li></rdf:Bag></dc:publisher>"
                        + "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>XMP Title</rdf:li></rdf:Alt></dc:title>"
                        + "</rdf:Description></rdf:RDF></x:xmpmeta>";
                COSStream stream = document.getDocument().createCOSStream();
                try (OutputStream out = random.nextBoolean() ? stream.createOutputStream(COSName.FLATE_DECODE)
                        : stream.createOutputStream()) {
                    out.write(xmp.getBytes(StandardCharsets.UTF_8));
                }
                document.getDocumentCatalog().setMetadata(new PDMetadata(stream));
            }
            document.save(file.toFile(), compressed ? CompressParameters.DEFAULT_COMPRESSION
                    : CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    private static String awkward(Random random) {
        StringBuilder s = new StringBuilder("x");
        for (int n = random.nextInt(6); n > 0; n--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static List<Path> corpusPdfs() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.file("pdf/pysf-habibi.pdf").getParent())) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
    }
}
