package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bare OPF package documents in {@code corpus/opf/}, fed through {@link OpfParser} and {@link OpfInterpreter}
 * as if each sat at {@code OEBPS/content.opf} inside an EPUB.
 */
class OpfDocumentsTest {

    private static final String OPF_PATH = "OEBPS/content.opf";

    // ------------------------------------------------------------------ calibre and Sigil OPFs (komga)

    @Test
    void readsCalibresEpub2OpfWithAnEditorAndNoDate() throws Exception {
        ParsedMetadata m = read("opf/komga-1979.opf");

        assertThat(m.title()).isEqualTo("1979");
        assertThat(m.sortTitle()).isEqualTo("1979"); // calibre:title_sort
        // The file writes the author's name inverted; file-as is for sorting, so the name stays as written.
        assertThat(m.authors()).containsExactly(new Contributor("Kracht, Christian", "author", "Kracht, Christian"),
                new Contributor("The Editor", "editor", "Editor, The"));
        // dc:date 0101-01-01T00:00:00+00:00 is calibre's "undefined date", not a year-101 publication.
        assertThat(m.releaseDate()).isNull();
        assertThat(m.language()).isEqualTo("de");
        // The uuid-scheme and the calibre-scheme identifiers carry the same bare UUID: one identifier.
        assertThat(m.identifiers()).containsExactly(
                new Identifier(IdentifierType.UUID, "84b3a7d8-eb3f-4fd8-ad65-4e3f75d019f9"));
        assertThat(m.cover()).isEqualTo("OEBPS/cover.jpeg");
        assertThat(m.series()).isEmpty();
    }

    @Test
    void stripsTheHtmlOfAnEscapedCalibreDescription() throws Exception {
        String description = read("opf/komga-1979.opf").description();

        assertThat(description).startsWith("Auf dem Weg nach Teheran sah ich aus dem Autofenster")
                .doesNotContain("<", ">", "&lt;", "&gt;", "font-size", "MS Shell Dlg");
        // Each <div> was a paragraph; the empty <div><br></div> between them is one blank line, not several.
        assertThat(description).contains("Ich schlief.\n\nSpäter hielten wir an").doesNotContain("\n\n\n");
    }

    @Test
    void readsCalibresEpub3OpfWithPrefixedIdentifiersAndATypedSeries() throws Exception {
        ParsedMetadata m = read("opf/komga-Die Drei 3.opf");

        assertThat(m.title()).isEqualTo("Die Drei Fragezeichen-Kids, Bd.3, Invasion Der Fliegen");
        assertThat(m.authors())
                .containsExactly(Contributor.author("Ulf Blanck"), Contributor.author("Stefanie Wegner"));
        // Calibre's file-as names both people on each creator: it sorts neither, so each name is turned round
        assertThat(m.authors()).extracting(Contributor::sortName).containsExactly("Blanck, Ulf", "Wegner, Stefanie");
        assertThat(m.series()).containsExactly(new SeriesEntry("Die drei ??? Kids", 3.0));
        assertThat(m.publisher()).isEqualTo("Franckh-Kosmos Verlag");
        assertThat(m.releaseDate()).isEqualTo("1999-07-31");
        assertThat(m.genres()).containsExactly("Juvenile Fiction", "Mysteries & Detective Stories",
                "Kinder- und Jugendbücher");
        // The prefix names the scheme: AMAZON: is calibre's Amazon id, i.e. the ASIN (for a printed book the ASIN
        // is its ISBN-10, here a valid one). Schemes Colophon has no type for keep their prefix.
        assertThat(m.identifiers()).containsExactly(
                new Identifier(IdentifierType.ASIN, "3440077934"),
                new Identifier(IdentifierType.OTHER, "GOOGLE:pPamZwEACAAJ"),
                new Identifier(IdentifierType.ISBN13, "9783440077931"),
                new Identifier(IdentifierType.OTHER, "GOODREADS:71348"),
                new Identifier(IdentifierType.UUID, "38969b48-0187-4654-9e62-f2b21d4c5e40"),
                new Identifier(IdentifierType.OTHER, "calibre:38969b48-0187-4654-9e62-f2b21d4c5e40"));
        assertThat(m.cover()).isEqualTo("OEBPS/cover1.jpeg");
    }

    @Test
    void readsTheSameMetadataWhateverPrefixesTheNamespacesAreBoundTo() throws Exception {
        ParsedMetadata plain = read("opf/komga-Panik im Paradies.opf");
        ParsedMetadata oddPrefixes = read("opf/komga-Panik im Paradies - namespace.opf");

        assertThat(oddPrefixes).isEqualTo(plain);
        assertThat(plain.title()).isEqualTo("Panik im Paradies");
        // EPUB 3 file-as refines: the sort form of each creator
        assertThat(plain.authors()).containsExactly(new Contributor("Ulf Blanck", "author", "Blanck, Ulf"),
                new Contributor("The Editor", "editor", "Editor, The"));
        assertThat(plain.series()).containsExactly(new SeriesEntry("Die drei ??? Kids", 1.5));
        assertThat(plain.publisher()).isEqualTo("Kosmos");
        // The two uuid: identifiers are the same value, so the book has it once.
        assertThat(plain.identifiers()).containsExactly(
                new Identifier(IdentifierType.OTHER, "goodreads:222735"),
                new Identifier(IdentifierType.ISBN13, "9783440077894"),
                new Identifier(IdentifierType.OTHER, "calibre:255"),
                new Identifier(IdentifierType.UUID, "499def46-39dc-4e79-b474-d0ec12ea5dc5"));
        assertThat(plain.description()).startsWith("Bereits im ersten Band \"Panik im Paradies\"").doesNotContain("<");
        assertThat(plain.cover()).isEqualTo("OEBPS/cover.jpeg");
    }

    @Test
    void readsAnIsbnSchemeWithHyphensAndThePublicationEvent() throws Exception {
        ParsedMetadata m = read("opf/komga-clash.opf");

        assertThat(m.title()).isEqualTo("A Clash of Kings");
        assertThat(m.authors()).containsExactly(new Contributor("George R. R. Martin", "author", "Martin, George R. R."));
        assertThat(m.identifiers()).containsExactly(new Identifier(IdentifierType.ISBN13, "9780553897845"));
        assertThat(m.releaseDate()).isEqualTo("2011-03-22");
        assertThat(m.publisher()).isEqualTo("Random House Publishing Group");
        assertThat(m.cover()).isEqualTo("OEBPS/Images/Mart_9780553897852_epub_cvi_r1.jpg");
    }

    // ------------------------------------------------------------------ epubcheck edge cases

    @Test
    void ignoresCollectionsThatOnlyRefineOtherCollections() throws Exception {
        // The manifest lists col1, col2 and col3 as series. Each of them refines another collection, and in EPUB 3.3
        // (D.3.1 belongs-to-collection) a collection that refines a collection names that collection's parent,
        // not a collection the book belongs to. In a cycle none is the book's own, so there is no series.
        ParsedMetadata m = read("opf/epubcheck-metadata-refines-cycle-error.opf");

        assertThat(m.series()).isEmpty();
        assertThat(m.title()).isEqualTo("Title");
    }

    @Test
    void keepsTheBooksOwnCollectionAndDropsItsParentCollection() throws Exception {
        ParsedMetadata m = interpret(opf("""
                <meta property="belongs-to-collection" id="c1">Inner Saga</meta>
                <meta refines="#c1" property="collection-type">series</meta>
                <meta refines="#c1" property="group-position">2</meta>
                <meta property="belongs-to-collection" id="c2" refines="#c1">Outer Universe</meta>
                <meta refines="#c2" property="collection-type">series</meta>"""));

        assertThat(m.series()).containsExactly(new SeriesEntry("Inner Saga", 2.0));
    }

    @Test
    void mainTitleWinsOverEarlierTitles() throws Exception {
        ParsedMetadata m = interpret(opf("""
                <dc:title id="t1">Encyclopaedia Britannica</dc:title>
                <meta refines="#t1" property="title-type">collection</meta>
                <dc:title id="t2">A Slice of Volume 11</dc:title>
                <meta refines="#t2" property="title-type">subtitle</meta>
                <dc:title id="t3">Georgia</dc:title>
                <meta refines="#t3" property="title-type"> Main </meta>
                <meta refines="#t3" property="file-as">Georgia, The State</meta>"""));

        assertThat(m.title()).isEqualTo("Georgia");
        assertThat(m.subtitle()).isEqualTo("A Slice of Volume 11");
        assertThat(m.sortTitle()).isEqualTo("Georgia, The State");
    }

    /** OPF 2 {@code opf:event}s in document order as event=date ('-' for none): the best event wins, not the first. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            modification=2020;ops-publication=2006;-=2001;publication=1999;original-publication=1898 | 1898
            modification=2020;ops-publication=2006;-=2001;publication=1999                          | 1999
            conversion=2021-04-05T23:00:07;creation=2006;-=2001                                     | 2001
            conversion=2021-04-05T23:00:07;creation=2006                                            | 2006
            modification=2015-03-03                                                                 | 2015-03-03
            -= ;publication=1999                                                                    | 1999
            """)
    void prefersTheOriginalPublicationDateWhereverItStands(String dates, String expected) throws Exception {
        StringBuilder xml = new StringBuilder("<dc:title>T</dc:title>");
        for (String date : dates.split(";")) {
            String[] eventAndDate = date.split("=", 2);
            String event = eventAndDate[0].equals("-") ? "" : " opf:event=\"" + eventAndDate[0] + "\"";
            xml.append("<dc:date").append(event).append('>').append(eventAndDate[1]).append("</dc:date>");
        }

        assertThat(interpret(opf(xml.toString())).releaseDate()).isEqualTo(expected);
    }

    @Test
    void leavesTheTitleEmptyWhenThereIsNoDcTitle() throws Exception {
        ParsedMetadata m = read("opf/epubcheck-metadata-title-missing-error.opf");

        assertThat(m.title()).isNull();
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.identifiers()).containsExactly(new Identifier(IdentifierType.OTHER, "NOID"));
    }

    @Test
    void takesTheFirstOfSeveralDates() throws Exception {
        // EPUB 3 allows one dc:date; of "2011" and "2012" the first is the one a reading system shows.
        assertThat(read("opf/epubcheck-metadata-date-multiple-error.opf").releaseDate()).isEqualTo("2011");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            opf/epubcheck-metadata-date-invalid-syntax-error.opf  | 1977-05-04
            opf/epubcheck-metadata-date-unknown-format-warning.opf | Anno Domini Twenty
            """)
    void readsWrittenDatesAndKeepsUnreadableOnesAsWritten(String file, String date) throws Exception {
        // "May 4th, 1977" is not W3CDTF (epubcheck's error) but it is unambiguous; "Anno Domini Twenty" is kept
        // verbatim so the user still sees what the file says.
        assertThat(read(file).releaseDate()).isEqualTo(date);
    }

    @Test
    void takesTheFirstOfSeveralCoverImages() throws Exception {
        assertThat(read("opf/epubcheck-item-property-cover-image-multiple-error.opf").cover())
                .isEqualTo("OEBPS/image.png");
    }

    @Test
    void acceptsAWebpCoverImage() throws Exception {
        assertThat(read("opf/epubcheck-item-property-cover-image-webp-valid.opf").cover())
                .isEqualTo("OEBPS/cover.webp");
    }

    @Test
    void keepsAnUnknownRoleAsWritten() throws Exception {
        assertThat(read("opf/epubcheck-metadata-creator-role-unknown-error.opf").authors())
                .containsExactly(new Contributor("Who?", "companion"));
    }

    @Test
    void doesNotTypeAMalformedUuidUrnAsAUuid() throws Exception {
        // The body is 13 digits (an ISBN-13, in fact), not a UUID; the manifest shows it raw, and so do we.
        assertThat(read("opf/epubcheck-metadata-identifier-uuid-as-urn-invalid-warning.opf").identifiers())
                .containsExactly(new Identifier(IdentifierType.OTHER, "urn:uuid:9781101539545"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"opf/komga-1979.opf", "opf/komga-Die Drei 3.opf", "opf/komga-Panik im Paradies.opf",
            "opf/komga-clash.opf", "opf/epubcheck-metadata-creator-role-unknown-error.opf",
            "opf/epubcheck-metadata-date-multiple-error.opf", "opf/epubcheck-item-property-cover-image-webp-valid.opf"})
    void agreesWithTheManifestOnTitleLanguageAndPublisher(String file) throws Exception {
        var row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        String firstTitle = row.get("title").split(" \\| ")[0].replaceAll("\\[\\w+]$", "");
        assertThat(m.title()).isEqualTo(firstTitle);
        assertThat(m.language()).isEqualTo(row.get("language"));
        assertThat(m.publisher()).isEqualTo(Text.clean(row.get("publisher")));
    }

    // ------------------------------------------------------------------ structure and roles

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not xml                        | this is not XML                                                | malformed XML at line 1
            wrong root                     | <html xmlns="http://www.w3.org/1999/xhtml"/>                   | not an OPF package
            wrong namespace                | <package xmlns="http://www.ipdf.org/2007/opf"><metadata/></package> | not an OPF package
            no metadata                    | <package xmlns="http://www.idpf.org/2007/opf"><manifest/></package> | no <metadata> element
            empty                          | <?xml version="1.0"?>                                          | invalid OPF structure
            """)
    void rejectsDocumentsThatAreNotOpfPackages(String what, String xml, String problem) {
        assertThatThrownBy(() -> OpfParser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse EPUB: invalid OPF structure")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            aut          | author
            AUT          | author
            aut,dto      | author
            dto,aut      | author
            ill          | illustrator
            trl          | translator
            edt          | editor
            nrt          | narrator
            marc:ill     | illustrator
            ' Ill '      | illustrator
            ill,trl      | illustrator
            companion    | companion
            ''           | author
            """)
    void mapsMarcRelatorCodesToRoleWords(String codes, String role) {
        List<String> list = codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
        assertThat(MarcRoles.primaryRole(list)).isEqualTo(role);
    }

    @Test
    void collectsRolesFromBothTheOpfAttributeAndRefines() throws Exception {
        ParsedMetadata m = interpret(opf("""
                <dc:creator id="a" opf:role="dto">Dedicating Author</dc:creator>
                <meta refines="#a" property="role" scheme="marc:relators">aut</meta>
                <dc:creator id="b">Ill Ustrator</dc:creator>
                <meta refines="#b" property="role" scheme="marc:relators">ill</meta>
                <dc:creator>   </dc:creator>
                <dc:contributor id="c">Not An Author</dc:contributor>"""));

        assertThat(m.authors()).containsExactly(new Contributor("Dedicating Author", "author"),
                new Contributor("Ill Ustrator", "illustrator"));
    }

    @Test
    void looksIntoOpf2MetadataWrappers() throws Exception {
        ParsedMetadata m = interpret("""
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0">
                  <metadata>
                    <dc-metadata xmlns:dc="http://purl.org/dc/elements/1.0/">
                      <dc:Title>Not A Title</dc:Title><dc:title>Wrapped</dc:title>
                      <dc-metadata><dc:creator>Too Deep</dc:creator></dc-metadata>
                    </dc-metadata>
                    <x-metadata><meta name="calibre:series" content="Wrapped Saga"/></x-metadata>
                  </metadata>
                </package>""".getBytes(StandardCharsets.UTF_8));

        assertThat(m.title()).isEqualTo("Wrapped"); // DC element names are case-sensitive
        assertThat(m.series()).containsExactly(new SeriesEntry("Wrapped Saga", null));
        // Wrappers sit directly under metadata (OPF 2.0.1 §2.2); one inside another is not looked into.
        assertThat(m.authors()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static ParsedMetadata read(String corpusFile) throws Exception {
        return interpret(Files.readAllBytes(Corpus.file(corpusFile)));
    }

    private static ParsedMetadata interpret(byte[] opf) throws MetadataParseException {
        return OpfInterpreter.interpret(OpfParser.parse(opf), OPF_PATH);
    }

    /** A minimal EPUB 3 package around the given metadata children. */
    static byte[] opf(String metadata) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                """ + metadata + """

                  </metadata>
                </package>
                """).getBytes(StandardCharsets.UTF_8);
    }
}
