package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.testsupport.MadeCorpus;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's /Lang, XMP dc:language and dc:publisher, XMP filling every empty Info value, and author strings
 * split into people, on the PDFs of corpus/made/pdf (expected values: corpus/made/README.md, checked with exiftool).
 */
class PdfLanguageAndPublisherTest {

    private final PdfReader reader = new PdfReader();

    @TempDir
    Path dir;

    private ParsedMetadata read(String name) throws MetadataParseException {
        return reader.read(MadeCorpus.file("pdf/" + name));
    }

    @Test
    void readsTheLanguageFromTheCatalogBeforeXmp() throws Exception {
        ParsedMetadata m = read("lang-in-catalog.pdf");

        assertThat(m.title()).isEqualTo("Language in the Catalog");
        assertThat(m.authors()).containsExactly(Contributor.author("Blaine Simpson"), Contributor.author("Fred Toussi"));
        assertThat(m.language()).isEqualTo("de-CH"); // XMP says fr: the catalog wins
        assertThat(m.publisher()).isEqualTo("The HSQL Development Group"); // only XMP has one
        assertThat(m.releaseDate()).isEqualTo("2011-05-17");
        assertThat(m.pageCount()).isEqualTo(1);
    }

    @Test
    void takesEveryFieldFromXmpWhenTheInfoDictionaryIsEmpty() throws Exception {
        ParsedMetadata m = read("xmp-only.pdf");

        assertThat(m.title()).isEqualTo("Only in XMP");
        // each dc:creator entry is one person, commas and all
        assertThat(m.authors()).containsExactly(Contributor.author("Ann Leckie"), Contributor.author("Doe, Jane"));
        assertThat(m.description()).isEqualTo("Told by the packet.");
        assertThat(m.language()).isEqualTo("en-GB");
        assertThat(m.publisher()).isEqualTo("Orchard Press");
        assertThat(m.tags()).containsExactly("gardens", "orchards"); // dc:subject, as no Keywords exist
        assertThat(m.releaseDate()).isEqualTo("2019-03-04");
        assertThat(m.pageCount()).isEqualTo(2);
    }

    @Test
    void keepsTheInfoValuesAndFillsOnlyWhatTheyLackFromXmp() throws Exception {
        ParsedMetadata m = read("info-and-xmp.pdf");

        assertThat(m.title()).isEqualTo("Info Title Wins");
        assertThat(m.authors()).containsExactly(Contributor.author("Jane Roe"), Contributor.author("John Doe"));
        assertThat(m.language()).isEqualTo("nl");
        assertThat(m.publisher()).isEqualTo("Uitgeverij Boom");
        assertThat(m.tags()).containsExactly("tulips", "windmills"); // pdf:Keywords
        assertThat(m.releaseDate()).isEqualTo("1999-12-31"); // dc:date, as the Info has no CreationDate
        assertThat(m.description()).isNull();
        assertThat(m.pageCount()).isEqualTo(3);
    }

    @ParameterizedTest(name = "/Lang \"{0}\" is {1}")
    @CsvSource(nullValues = "-", textBlock = """
            en-US,      en-US
            ' fr ',     fr
            x-unknown,  -
            und,        -
            '',         -
            """)
    void readsTheCatalogLanguageAsWrittenUnlessItSaysNothing(String lang, String expected) throws Exception {
        Path file = dir.resolve("lang.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().getCOSObject().setString(COSName.LANG, lang);
            doc.save(file.toFile());
        }
        assertThat(reader.read(file).language()).isEqualTo(expected);
    }

    @Test
    void ignoresACatalogLanguageOfTheWrongType() throws Exception {
        Path file = dir.resolve("lang-number.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.LANG, COSInteger.get(42));
            doc.save(file.toFile());
        }
        ParsedMetadata m = reader.read(file);
        assertThat(m.language()).isNull();
        assertThat(m.pageCount()).isEqualTo(1);
    }
}
