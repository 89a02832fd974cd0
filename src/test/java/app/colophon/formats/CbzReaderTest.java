package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CbzReaderTest {

    private static final String CAPTAIN_SCIENCE = "comics/comicbox-Captain Science #001.cbz";
    private static final byte[] IMAGE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final CbzReader reader = new CbzReader();

    @TempDir
    Path dir;

    private ParsedMetadata read(String corpusName) throws MetadataParseException {
        return reader.read(Corpus.file(corpusName));
    }

    // --- the corpus, field by field against MANIFEST.tsv ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {CAPTAIN_SCIENCE, "comics/comicbox-Captain Science #001-cix.cbz"})
    void agreesWithTheManifestOnEveryComicInfoField(String file) throws Exception {
        Map<String, String> row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        assertThat(m.title()).isEqualTo(row.get("title"));
        assertThat(m.authors()).containsExactlyElementsOf(manifestCredits(row.get("creators")));
        // the manifest's "| alt: Captain Science Alternate" is AlternateSeries, which Colophon does not read
        assertThat(m.series()).containsExactly(new SeriesEntry(row.get("series").split(" \\| ")[0],
                Double.valueOf(value(row.get("series_index"), "Number"))));
        assertThat(m.language()).isEqualTo(row.get("language"));
        assertThat(m.publisher()).isEqualTo(row.get("publisher"));
        assertThat(m.genres()).containsExactly(row.get("subjects"));
        assertThat(m.identifiers()).containsExactly(new Identifier(IdentifierType.OTHER, row.get("identifiers")));
        // the manifest writes ComicInfo's Year-Month-Day unpadded ("1950-11-1"); Colophon stores ISO dates
        String[] ymd = row.get("date").split("-");
        assertThat(m.releaseDate()).isEqualTo(Dates.ymd(ymd[0], ymd[1], ymd[2])).isEqualTo("1950-11-01");
        assertThat(m.pageCount()).isEqualTo(manifestImages(row));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "comics/comicbox-Captain Science #001-comet.cbz",
            "comics/comicbox-Captain Science #001-metron.cbz",
            "comics/comicbox-Captain Science #001 (1950) The Beginning - nothing.cbz",
            "comics/comicbox-macos_resource_fork.cbz",
            "comics/stump-nested-macos-compressed.cbz",
            "comics/stump-science_comics_001.cbz"})
    void agreesWithTheManifestOnPagesAndCoverOfComicsWithoutComicInfo(String file) throws Exception {
        Map<String, String> row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        assertThat(m.pageCount()).isEqualTo(manifestImages(row));
        assertThat(m.cover() == null).isEqualTo(row.get("has_cover").equals("no images"));
        // CoMet.xml and MetronInfo.xml are other schemas, not read: these comics have no embedded metadata
        assertThat(m).isEqualTo(ParsedMetadata.builder().pageCount(m.pageCount()).cover(m.cover()).build());
    }

    @Test
    void readsWriterPencillerAndInkerAsRoles() throws Exception {
        assertThat(read(CAPTAIN_SCIENCE).authors()).containsExactly(
                new Contributor("Joe Orlando", "writer"),
                new Contributor("Wally Wood", "penciller"),
                new Contributor("Wally Wood", "inker"));
    }

    @Test
    void readsNumberAsTheSeriesPositionAndNotVolume() throws Exception {
        // Volume is 1950 here: the year the run started, not a position
        assertThat(read(CAPTAIN_SCIENCE).series()).containsExactly(new SeriesEntry("Captain Science", 1.0));
    }

    @Test
    void keepsAGtinThatIsNotAnIsbnAsAnOtherIdentifier() throws Exception {
        assertThat(read(CAPTAIN_SCIENCE).identifiers())
                .containsExactly(new Identifier(IdentifierType.OTHER, "urn:comicvine:issue:145269"));
    }

    @Test
    void usesTheFrontCoverPageAsCover() throws Exception {
        assertThat(read(CAPTAIN_SCIENCE).cover()).isEqualTo("entry:Captain Science 001/CaptainScience#1_01.jpg");
    }

    @Test
    void countsImagesNotComicInfoPageCount() throws Exception {
        // the root comicinfo.xml says PageCount 0, the sub-folder copy 5; the archive holds 5 images
        assertThat(read(CAPTAIN_SCIENCE).pageCount()).isEqualTo(5);
    }

    @Test
    void readsTheComicInfoOfAnArchiveWithoutImages() throws Exception {
        ParsedMetadata m = read("comics/comicbox-Captain Science #001 (1950) The Beginning - multi.cbz");

        assertThat(m.title()).isNull();
        assertThat(m.series()).isEmpty(); // no Series element; Volume 999 is not a series
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.publisher()).isEqualTo("Youthful Adventure Stories");
        assertThat(m.genres()).containsExactly("Comic Info Genre");
        // Year is written "0591" (a comicbox test value); the manifest's "0591-11-1" is the same date unpadded
        assertThat(m.releaseDate()).isEqualTo("0591-11-01");
    }

    @Test
    void hasNoCoverWhenTheFrontCoverPageNamesAnImageThatIsNotThere() throws Exception {
        // The manifest says has_cover "Pages/FrontCover", but the archive has no images: there is nothing to show.
        ParsedMetadata m = read("comics/comicbox-Captain Science #001 (1950) The Beginning - multi.cbz");

        assertThat(m.pageCount()).isZero();
        assertThat(m.cover()).isNull();
    }

    @Test
    void readsAnEmptyArchiveAsAComicWithoutPages() throws Exception {
        ParsedMetadata m = read("comics/comicbox-Captain Science #001 (1950) The Beginning - nothing.cbz");

        assertThat(m).isEqualTo(ParsedMetadata.builder().pageCount(0).build());
    }

    @Test
    void doesNotCountMacOsResourceForksAsPages() throws Exception {
        ParsedMetadata m = read("comics/comicbox-macos_resource_fork.cbz");

        assertThat(m.pageCount()).isEqualTo(2);
        assertThat(m.cover()).isEqualTo("entry:CaptainScience#1_01.jpg");
    }

    @Test
    void findsPagesNestedInFoldersAndSkipsDsStoreFiles() throws Exception {
        ParsedMetadata m = read("comics/stump-nested-macos-compressed.cbz");

        assertThat(m.pageCount()).isEqualTo(3);
        assertThat(m.cover()).isEqualTo("entry:nested/BookFolder/1.jpeg");
    }

    @Test
    void countsEveryPageOfAScannedComicAndCoversWithTheFirstByName() throws Exception {
        ParsedMetadata m = read("comics/stump-science_comics_001.cbz");

        assertThat(m.pageCount()).isEqualTo(36);
        assertThat(m.cover()).isEqualTo("entry:Science_Comics_(Ace)_no.1_194601_pg00a.jpeg");
    }

    @Test
    void reportsAnArchiveWithPasswordProtectedEntries() {
        // The manifest expects one page and a cover. java.util.zip cannot even list an archive that holds an
        // encrypted entry ("invalid CEN header (encrypted entry)"), so this is a clear parse error instead.
        assertThatThrownBy(() -> read("comics/komga-zip-encrypted.cbz"))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBZ: encrypted archive (password-protected ZIP entries are not supported)");
    }

    @Test
    void reportsARarArchiveNamedCbz() {
        Path rar = Corpus.copy("comics/komga-rar4.cbr", dir, "renamed.cbz");

        assertThatThrownBy(() -> reader.read(rar))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: not a ZIP archive");
    }

    // --- which ComicInfo, which cover ----------------------------------------------------------------------

    @Test
    void readsTheRootComicInfoBeforeOneInASubFolder() throws Exception {
        Path cbz = cbz(entry("a/ComicInfo.xml", comicInfo("<Title>Sub</Title>")),
                entry("ComicInfo.xml", comicInfo("<Title>Root</Title>")));

        assertThat(reader.read(cbz).title()).isEqualTo("Root");
    }

    @Test
    void readsTheShallowestComicInfoWhenNoneIsAtTheRoot() throws Exception {
        Path cbz = cbz(entry("a/b/ComicInfo.xml", comicInfo("<Title>Deep</Title>")),
                entry("folder/ComicInfo.xml", comicInfo("<Title>Shallow</Title>")));

        assertThat(reader.read(cbz).title()).isEqualTo("Shallow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ComicInfo.xml", "comicinfo.xml", "COMICINFO.XML", "Comicinfo.Xml"})
    void findsComicInfoInAnyLetterCase(String name) throws Exception {
        assertThat(reader.read(cbz(entry(name, comicInfo("<Title>T</Title>")))).title()).isEqualTo("T");
    }

    @Test
    void usesTheImageTheFrontCoverPageNamesCountingInNaturalOrder() throws Exception {
        Path cbz = cbz(entry("p10.jpg", IMAGE), entry("p2.jpg", IMAGE), entry("p1.jpg", IMAGE),
                entry("ComicInfo.xml", comicInfo("<Pages><Page Image=\"0\"/><Page Image=\"1\"/>"
                        + "<Page Image=\"2\" Type=\"FrontCover\"/></Pages>")));

        assertThat(reader.read(cbz).cover()).isEqualTo("entry:p10.jpg");
    }

    @Test
    void usesTheFirstImageInNaturalOrderWithoutAFrontCoverPage() throws Exception {
        Path cbz = cbz(entry("page10.png", IMAGE), entry("page2.png", IMAGE), entry("page9.png", IMAGE));

        assertThat(reader.read(cbz).cover()).isEqualTo("entry:page2.png");
    }

    @Test
    void usesTheFirstImageWhenTheFrontCoverIndexIsOutOfRange() throws Exception {
        Path cbz = cbz(entry("b.jpg", IMAGE), entry("a.jpg", IMAGE),
                entry("ComicInfo.xml", comicInfo("<Pages><Page Image=\"7\" Type=\"FrontCover\"/></Pages>")));

        assertThat(reader.read(cbz).cover()).isEqualTo("entry:a.jpg");
    }

    @Test
    void countsEveryImageExtensionInAnyLetterCase() throws Exception {
        Path cbz = cbz(entry("01.JPG", IMAGE), entry("02.jpeg", IMAGE), entry("03.Png", IMAGE),
                entry("04.gif", IMAGE), entry("05.webp", IMAGE), entry("06.avif", IMAGE), entry("07.bmp", IMAGE),
                entry("08.jxl", IMAGE), entry("notes.txt", IMAGE), entry("scan.tiff", IMAGE), entry("jpg", IMAGE),
                entry("folder.jpg/", new byte[0]));

        assertThat(reader.read(cbz).pageCount()).isEqualTo(8);
    }

    @Test
    void skipsHiddenFilesAndAnythingUnderMacOsx() throws Exception {
        Path cbz = cbz(entry("1.jpg", IMAGE), entry(".hidden.jpg", IMAGE), entry("sub/._1.jpg", IMAGE),
                entry("__MACOSX/1.jpg", IMAGE), entry("__MACOSX/ComicInfo.xml", comicInfo("<Title>Fork</Title>")));

        ParsedMetadata m = reader.read(cbz);

        assertThat(m.pageCount()).isEqualTo(1);
        assertThat(m.title()).isNull();
    }

    @Test
    void readsAnArchiveWhoseEntryNamesAreNotUtf8() throws Exception {
        // old Windows archivers write names in the OEM code page without flagging it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.Charset.forName("IBM437"))) {
            for (String name : new String[] {"Caf\u00e9 02.jpg", "Caf\u00e9 01.jpg"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(IMAGE);
                zip.closeEntry();
            }
        }
        Path cbz = Files.write(dir.resolve("cp437.cbz"), out.toByteArray());

        ParsedMetadata m = reader.read(cbz);

        assertThat(m.pageCount()).isEqualTo(2);
        assertThat(m.cover()).isEqualTo("entry:Caf\u00e9 01.jpg");
    }

    @ParameterizedTest(name = "{0} sorts before {1}")
    @CsvSource({
            "page2.jpg, page10.jpg",
            "a/page9.jpg, a/page10.jpg",
            "pg00a.jpeg, pg00b.jpeg",
            "pg00b.jpeg, pg01.jpeg",
            "Page1.jpg, page2.jpg",
            "1.jpg, 01.jpg",
            "x99999999999999999999.jpg, x100000000000000000000.jpg"})
    void sortsEntryNamesInNaturalOrder(String first, String second) {
        assertThat(CbzReader.compareNatural(first, second)).isNegative();
        assertThat(CbzReader.compareNatural(second, first)).isPositive();
    }

    // --- ComicInfo fields ----------------------------------------------------------------------------------

    @Test
    void listsCreditsInRoleOrderSplittingCommaSeparatedNames() throws Exception {
        ParsedMetadata m = readComicInfo("<Translator>Tess</Translator><Editor>Ed</Editor>"
                + "<CoverArtist>Cat</CoverArtist><Letterer>Lee</Letterer><Colorist>Col</Colorist>"
                + "<Inker>Ink</Inker><Penciller>Pen</Penciller><Writer>Ann, Bob</Writer>");

        assertThat(m.authors()).containsExactly(
                new Contributor("Ann", "writer"), new Contributor("Bob", "writer"),
                new Contributor("Pen", "penciller"), new Contributor("Ink", "inker"),
                new Contributor("Col", "colorist"), new Contributor("Lee", "letterer"),
                new Contributor("Cat", "cover artist"), new Contributor("Ed", "editor"),
                new Contributor("Tess", "translator"));
    }

    @Test
    void readsSummaryHtmlAsPlainText() throws Exception {
        ParsedMetadata m = readComicInfo("<Summary>&lt;p&gt;Rocket &amp;amp; robots&lt;/p&gt;&lt;p&gt;Part two&lt;/p&gt;</Summary>");

        assertThat(m.description()).isEqualTo("Rocket & robots\nPart two");
    }

    @Test
    void usesImprintWhenThereIsNoPublisher() throws Exception {
        assertThat(readComicInfo("<Imprint>Vertigo</Imprint>").publisher()).isEqualTo("Vertigo");
    }

    @Test
    void prefersPublisherOverImprint() throws Exception {
        assertThat(readComicInfo("<Imprint>Vertigo</Imprint><Publisher>DC</Publisher>").publisher()).isEqualTo("DC");
    }

    @Test
    void readsAnIsbnGtinAsIsbn13() throws Exception {
        assertThat(readComicInfo("<GTIN>978-0-306-40615-7</GTIN>").identifiers())
                .containsExactly(new Identifier(IdentifierType.ISBN13, "9780306406157"));
    }

    @Test
    void readsLanguageGenresAndTags() throws Exception {
        ParsedMetadata m = readComicInfo("<LanguageISO>fr</LanguageISO><Genre>Sci-Fi, Horror</Genre><Tags>a,b</Tags>");

        assertThat(m.language()).isEqualTo("fr");
        assertThat(m.genres()).containsExactly("Sci-Fi", "Horror");
        assertThat(m.tags()).containsExactly("a", "b");
    }

    @Test
    void ignoresWeb() throws Exception {
        assertThat(readComicInfo("<Web>https://example.com/comic</Web>").identifiers()).isEmpty();
    }

    @ParameterizedTest(name = "Number \"{0}\" is position {1}")
    @CsvSource({"1, 1.0", "001, 1.0", "2.5, 2.5", "-1, -1.0", "1AU, ", "½, ", "'', "})
    void readsOnlyNumericIssueNumbersAsSeriesPosition(String number, Double expected) throws Exception {
        ParsedMetadata m = readComicInfo("<Series>Saga</Series><Number>" + number + "</Number><Volume>2012</Volume>");

        assertThat(m.series()).containsExactly(new SeriesEntry("Saga", expected));
    }

    @ParameterizedTest(name = "Year {0} Month {1} Day {2} is {3}")
    @CsvSource({"1950, 11, 1, 1950-11-01", "1950, 11, , 1950-11", "1950, , , 1950", "1950, 13, 1, 1950",
            "-1, -1, -1, ", ", 5, 5, "})
    void buildsTheReleaseDateFromYearMonthAndDay(String year, String month, String day, String expected)
            throws Exception {
        StringBuilder xml = new StringBuilder();
        if (year != null) {
            xml.append("<Year>").append(year).append("</Year>");
        }
        if (month != null) {
            xml.append("<Month>").append(month).append("</Month>");
        }
        if (day != null) {
            xml.append("<Day>").append(day).append("</Day>");
        }
        assertThat(readComicInfo(xml.toString()).releaseDate()).isEqualTo(expected);
    }

    @Test
    void toleratesANamespaceOnComicInfoElements() throws Exception {
        Path cbz = cbz(entry("ComicInfo.xml", bytes(
                "<ComicInfo xmlns=\"http://example.org/comicinfo\"><Title>Namespaced</Title></ComicInfo>")));

        assertThat(reader.read(cbz).title()).isEqualTo("Namespaced");
    }

    @Test
    void matchesElementNamesCaseSensitively() throws Exception {
        assertThat(readComicInfo("<title>lower case is not the schema's Title</title>").title()).isNull();
    }

    @Test
    void ignoresAWellFormedDocumentThatIsNotComicInfo() throws Exception {
        Path cbz = cbz(entry("1.jpg", IMAGE), entry("ComicInfo.xml", bytes("<Other><Title>No</Title></Other>")));

        ParsedMetadata m = reader.read(cbz);

        assertThat(m.title()).isNull();
        assertThat(m.pageCount()).isEqualTo(1);
    }

    @Test
    void treatsAnEmptyComicInfoAsNoMetadata() throws Exception {
        Path cbz = cbz(entry("1.jpg", IMAGE), entry("ComicInfo.xml", bytes(" \n")));

        assertThat(reader.read(cbz).pageCount()).isEqualTo(1);
    }

    @Test
    void readsAsTheCbzFormat() {
        assertThat(reader.format()).isEqualTo(FileFormat.CBZ);
    }

    // --- hostile input -------------------------------------------------------------------------------------

    @Test
    void reportsMalformedComicInfoWithTheParsersReason() throws Exception {
        Path cbz = cbz(entry("ComicInfo.xml", bytes("<ComicInfo>\n<Title>Open</ComicInfo>")));

        assertThatThrownBy(() -> reader.read(cbz))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: invalid ComicInfo.xml (")
                .hasMessageContaining("at line 2");
    }

    @Test
    void theParsersReasonIsOneShortLineWithoutItsPositionNotation() throws Exception {
        Path cbz = cbz(entry("ComicInfo.xml", bytes("<ComicInfo>\n<Title>&undeclared;</Title></ComicInfo>")));

        assertThatThrownBy(() -> reader.read(cbz))
                .hasMessage("Failed to parse CBZ: invalid ComicInfo.xml (Undeclared general entity \"undeclared\" at line 2)");
    }

    @Test
    void neverResolvesAnExternalEntity() throws Exception {
        String secret = "SECRET-" + UUID.randomUUID();
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
        Path cbz = cbz(entry("ComicInfo.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE ComicInfo [<!ENTITY xxe SYSTEM \""
                + secretFile.toUri() + "\">]>\n<ComicInfo><Title>&xxe;</Title></ComicInfo>")));

        Throwable failure = catchThrowable(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(cbz)));

        assertThat(failure).isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: invalid ComicInfo.xml (");
        assertThat(messages(failure)).doesNotContain(secret);
    }

    @Test
    void neverLoadsAnExternalDtd() throws Exception {
        String secret = "SECRET-" + UUID.randomUUID();
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + secret + "\">");
        Path cbz = cbz(entry("ComicInfo.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE ComicInfo SYSTEM \""
                + dtd.toUri() + "\">\n<ComicInfo><Title>Plain</Title></ComicInfo>")));

        ParsedMetadata m = assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(cbz));

        assertThat(m.title()).isEqualTo("Plain");
        assertThat(m.toString()).doesNotContain(secret);
    }

    @Test
    void refusesBillionLaughsWithoutExpandingIt() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE ComicInfo [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String ref = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(ref.repeat(10)).append("\">");
        }
        dtd.append("]>");
        Path cbz = cbz(entry("ComicInfo.xml", bytes(dtd + "<ComicInfo><Title>&lol9;</Title></ComicInfo>")));

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(cbz)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: invalid ComicInfo.xml (");
    }

    @Test
    void refusesAComicInfoThatInflatesPastTheBound() throws Exception {
        byte[] bomb = new byte[20 * 1024 * 1024];
        Arrays.fill(bomb, (byte) ' ');
        byte[] head = bytes("<ComicInfo><Title>");
        System.arraycopy(head, 0, bomb, 0, head.length);
        Path cbz = cbz(entry("1.jpg", IMAGE), entry("ComicInfo.xml", bomb));
        assertThat(Files.size(cbz)).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(cbz)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CBZ: entry ComicInfo.xml inflates past 8 MB");
    }

    @Test
    void ignoresEntriesWhosePathsClimbOutOfTheArchive() throws Exception {
        Path cbz = cbz(entry("../evil.jpg", IMAGE), entry("a/../../evil2.jpg", IMAGE), entry("/etc/evil3.jpg", IMAGE),
                entry("..\\evil4.jpg", IMAGE), entry("C:/evil5.jpg", IMAGE),
                entry("../ComicInfo.xml", comicInfo("<Title>Evil</Title>")), entry("ok.jpg", IMAGE));

        ParsedMetadata m = assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(cbz));

        assertThat(m.pageCount()).isEqualTo(1);
        assertThat(m.cover()).isEqualTo("entry:ok.jpg");
        assertThat(m.title()).isNull();
    }

    @Test
    void reportsAZeroByteFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.cbz"));

        assertThatThrownBy(() -> reader.read(empty))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: not a ZIP archive");
    }

    @Test
    void reportsATruncatedArchive() throws Exception {
        byte[] whole = Files.readAllBytes(Corpus.file(CAPTAIN_SCIENCE));
        Path truncated = Files.write(dir.resolve("truncated.cbz"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(truncated)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: not a ZIP archive");
    }

    @Test
    void reportsComicInfoWhoseCompressedDataIsCorrupt() throws Exception {
        byte[] zip = zipBytes(entry("ComicInfo.xml", comicInfo("<Title>" + "Corrupt me ".repeat(200) + "</Title>")));
        int dataStart = 30 + "ComicInfo.xml".length(); // the first local header has no extra field
        Arrays.fill(zip, dataStart + 2, dataStart + 40, (byte) 0xFF);
        Path cbz = Files.write(dir.resolve("corrupt.cbz"), zip);

        assertThatThrownBy(() -> reader.read(cbz))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: cannot read entry ComicInfo.xml");
    }

    @Test
    void reportsAnEncryptedComicInfoEntry() throws Exception {
        byte[] zip = zipBytes(entry("1.jpg", IMAGE), entry("ComicInfo.xml", comicInfo("<Title>T</Title>")));
        setEncryptedFlag(zip);
        Path cbz = Files.write(dir.resolve("encrypted.cbz"), zip);

        assertThatThrownBy(() -> reader.read(cbz))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CBZ: encrypted archive");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private record Entry(String name, byte[] data) {
    }

    private static Entry entry(String name, byte[] data) {
        return new Entry(name, data);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] comicInfo(String body) {
        return bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ComicInfo xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\">" + body + "</ComicInfo>");
    }

    private ParsedMetadata readComicInfo(String body) throws Exception {
        return reader.read(cbz(entry("1.jpg", IMAGE), entry("ComicInfo.xml", comicInfo(body))));
    }

    private static byte[] zipBytes(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.data());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Path cbz(Entry... entries) throws IOException {
        Path file = Files.createTempFile(dir, "generated", ".cbz");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(zipBytes(entries));
        }
        return file;
    }

    /** Sets the "encrypted" bit in every local and central header, as a ZipCrypto archiver would. */
    private static void setEncryptedFlag(byte[] zip) {
        for (int i = 0; i + 8 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K') {
                if (zip[i + 2] == 3 && zip[i + 3] == 4) {
                    zip[i + 6] |= 1;
                } else if (zip[i + 2] == 1 && zip[i + 3] == 2) {
                    zip[i + 8] |= 1;
                }
            }
        }
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }

    /** "Joe Orlando (Writer); Wally Wood (Penciller)" → contributors with lower-case roles. */
    private static List<Contributor> manifestCredits(String creators) {
        List<Contributor> out = new ArrayList<>();
        for (String credit : creators.split(";\\s*")) {
            int paren = credit.lastIndexOf(" (");
            out.add(new Contributor(credit.substring(0, paren),
                    credit.substring(paren + 2, credit.length() - 1).toLowerCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    /** "Number=1; Volume=1950" → value of the key. */
    private static String value(String pairs, String key) {
        for (String pair : pairs.split(";\\s*")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException(key + " not in " + pairs);
    }

    /** "entries=8 images=5 …" → 5. */
    private static int manifestImages(Map<String, String> row) {
        String meta = row.get("other_meta");
        int at = meta.indexOf("images=");
        int end = meta.indexOf(' ', at);
        return Integer.parseInt(meta.substring(at + 7, end < 0 ? meta.length() : end));
    }
}
