package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §3 "Filepath conventions": {@code [Author, Other] Title (Series #2) {Narrator}}, comics' trailing volume
 * or issue number, underscores for spaces, the file stem first and then the parent folder. Paths are only parsed,
 * never opened, so none of them has to exist.
 */
class FilepathParserTest {

    /** Authors and narrators joined with ';', series as "Name #n"; '-' for nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /lib/[Frank Herbert] Dune (Dune #1).epub                 | Dune                    | Frank Herbert       | -                  | Dune #1
            /lib/Dune (Dune, Book 1).epub                            | Dune                    | -                   | -                  | Dune #1
            /lib/Children of Dune (Dune Book 3).epub                 | Children of Dune        | -                   | -                  | Dune #3
            /lib/Dune Messiah (Dune # 2).epub                        | Dune Messiah            | -                   | -                  | Dune #2
            /lib/Edgedancer (Stormlight Archive #2.5).epub           | Edgedancer              | -                   | -                  | Stormlight Archive #2.5
            /lib/[A, B] Title.epub                                   | Title                   | A;B                 | -                  | -
            /lib/[Ann; Bob & Cy] Title.epub                          | Title                   | Ann;Bob;Cy          | -                  | -
            /lib/Title {Narrator Name}.m4b                           | Title                   | -                   | Narrator Name      | -
            /lib/[Frank Herbert] Dune {Scott Brick, Simon Vance}.m4b | Dune                    | Frank Herbert       | Scott Brick;Simon Vance | -
            /lib/Dune (1965).epub                                    | Dune (1965)             | -                   | -                  | -
            /lib/The_Left_Hand_of_Darkness.epub                      | The Left Hand of Darkness | -                 | -                  | -
            /lib/[Frank_Herbert]_Dune_(Dune_#1).epub                 | Dune                    | Frank Herbert       | -                  | Dune #1
            /lib/Dune - .epub                                        | Dune                    | -                   | -                  | -
            /lib/— Dune:.epub                                        | Dune                    | -                   | -                  | -
            /lib/Dune,.epub                                          | Dune                    | -                   | -                  | -
            /lib/Dune..epub                                          | Dune.                   | -                   | -                  | -
            /lib/: Dune.epub                                         | Dune                    | -                   | -                  | -
            """)
    void readsTitleAuthorsNarratorsAndSeriesFromTheFileName(String path, String title, String authors,
            String narrators, String series) {
        ParsedMetadata m = parse(path);

        assertThat(m.title()).isEqualTo(title);
        assertThat(names(m.authors())).isEqualTo(authors);
        assertThat(m.authors()).allSatisfy(a -> assertThat(a.role()).isEqualTo(Contributor.AUTHOR));
        assertThat(join(m.narrators())).isEqualTo(narrators);
        assertThat(join(m.series().stream().map(SeriesEntry::display).toList())).isEqualTo(series);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /lib/[Ann Leckie] Ancillary Justice/book.epub                  | book    | Ann Leckie   | -          | -
            /lib/Dune (Dune #1)/Dune.epub                                  | Dune    | -            | -          | Dune #1
            /audio/[Frank Herbert] Dune {Scott Brick}/track.m4b            | track   | Frank Herbert | Scott Brick | -
            /lib/[Folder Author] X/[File Author] Y.epub                    | Y       | File Author  | -          | -
            /lib/Folder (Folder Saga #9)/Book (File Saga #2).epub          | Book    | -            | -          | File Saga #2
            """)
    void fallsBackToTheParentFolderForWhatTheFileNameLacks(String path, String title, String authors,
            String narrators, String series) {
        ParsedMetadata m = parse(path);

        // The title comes from the stem whenever the stem has one (DESIGN §3: the stem first), even "book".
        assertThat(m.title()).isEqualTo(title);
        assertThat(names(m.authors())).isEqualTo(authors);
        assertThat(join(m.narrators())).isEqualTo(narrators);
        assertThat(join(m.series().stream().map(SeriesEntry::display).toList())).isEqualTo(series);
    }

    /** A comic (CBZ, CB7, CBR) keeps "Saga v01" as its title (each volume needs its own) and gets the series from the number. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /comics/Saga v01.cbz          | Saga v01          | Saga #1
            /comics/Saga vol. 2.cbz       | Saga vol. 2       | Saga #2
            /comics/Saga Vol 10.cbz       | Saga Vol 10       | Saga #10
            /comics/Saga #3.cbz           | Saga #3           | Saga #3
            /comics/Saga c004.cbz         | Saga c004         | Saga #4
            /comics/Saga - v05.cbz        | Saga - v05        | Saga #5
            /comics/Saga_v06.cbz          | Saga v06          | Saga #6
            /comics/Saga (Saga #7).cbz    | Saga              | Saga #7
            /comics/Saga v08.cb7          | Saga v08          | Saga #8
            /comics/Saga #9.cbr           | Saga #9           | Saga #9
            """)
    void takesAComicsSeriesFromItsTrailingNumber(String path, String title, String series) {
        ParsedMetadata m = FilepathParser.parse(Path.of(path), FileFormat.fromPath(Path.of(path)).orElseThrow());

        assertThat(m.title()).isEqualTo(title);
        assertThat(m.series()).extracting(SeriesEntry::display).containsExactly(series);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /lib/Saga v01.epub    | EPUB
            /lib/Saga #3.m4b      | M4B
            /lib/Saga c004.pdf    | PDF
            """)
    void givesNoSeriesFromATrailingNumberOutsideComics(String path, FileFormat format) {
        ParsedMetadata m = FilepathParser.parse(Path.of(path), format);

        assertThat(m.series()).isEmpty();
        assertThat(m.title()).isEqualTo(FilepathParser.stem(Path.of(path)));
    }

    @Test
    void takesTheTitleFromTheFolderWhenTheStemIsOnlyGroups() {
        ParsedMetadata m = parse("/lib/Dune/[Frank Herbert] {Scott Brick}.m4b");

        assertThat(m.title()).isEqualTo("Dune");
        assertThat(m.authors()).containsExactly(Contributor.author("Frank Herbert"));
        assertThat(m.narrators()).containsExactly("Scott Brick");
    }

    @Test
    void keepsTheRawStemWhenNeitherStemNorFolderLeavesATitle() {
        // Nothing but groups in both: better the raw name than no title at all.
        ParsedMetadata m = parse("/[Shelf]/[Frank Herbert].epub");

        assertThat(m.title()).isEqualTo("[Frank Herbert]");
        assertThat(m.authors()).containsExactly(Contributor.author("Frank Herbert"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /lib/.hidden.epub        | .hidden     | hidden
            /lib/README              | README      | README
            /lib/Dune.               | Dune        | Dune
            /lib/archive.tar.epub    | archive.tar | archive.tar
            lonely.epub              | lonely      | lonely
            """)
    void handlesHiddenDotlessAndMultiDotNames(String path, String stem, String title) {
        assertThat(FilepathParser.stem(Path.of(path))).isEqualTo(stem);
        assertThat(parse(path).title()).isEqualTo(title);
    }

    @Test
    void givesNoTitleForARootPath() {
        ParsedMetadata m = parse("/");

        assertThat(m.title()).isNull();
        assertThat(m.authors()).isEmpty();
        assertThat(m.series()).isEmpty();
    }

    @Test
    void fillsOnlyTitleAuthorsNarratorsAndSeries() {
        ParsedMetadata m = parse("/lib/[Frank Herbert] Dune (Dune #1) {Scott Brick}.epub");

        assertThat(m).usingRecursiveComparison()
                .ignoringFields("title", "authors", "narrators", "series")
                .isEqualTo(ParsedMetadata.empty());
    }

    // ------------------------------------------------------------------ helpers

    private static ParsedMetadata parse(String path) {
        Path p = Path.of(path);
        return FilepathParser.parse(p, FileFormat.fromPath(p).orElse(FileFormat.EPUB));
    }

    private static String names(List<Contributor> people) {
        return join(people.stream().map(Contributor::name).toList());
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining(";"));
    }
}
