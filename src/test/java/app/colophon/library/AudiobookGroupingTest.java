package app.colophon.library;

import app.colophon.model.Edits;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.MadeCorpus;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Audiobooks told in chapter files (issue #16): the MP3 or M4A files of one folder that share an album are one
 * book, their files ordered by disc and track, their durations summed; a lone song stays out.
 */
class AudiobookGroupingTest {

    @TempDir
    Path temp;

    private TestLibrary lib;

    @BeforeEach
    void open() {
        lib = TestLibrary.create(temp);
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void threeMp3ChaptersAreOneBookWithTheAlbumsValuesAndTheirDurationsSummed() throws IOException {
        Path folder = copyFolder("audio/mp3-three-chapters", "Roe - The Three Chapter Book");

        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isEqualTo(1);
        BookWithFiles book = lib.book(lib.books().get(0).id());
        Book b = book.book();
        assertThat(b.title()).isEqualTo("The Three Chapter Book");
        assertThat(b.authors()).extracting(Contributor::name).containsExactly("Jane Roe");
        assertThat(b.series()).containsExactly(new SeriesEntry("Chapter Saga", 2.0));
        assertThat(book.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactlyInAnyOrder("01 Chapter One.mp3", "02 Chapter Two.mp3", "03 Chapter Three.mp3");
        BookFile first = lib.fileAt(folder.resolve("01 Chapter One.mp3"));
        assertThat(first.fields().<String>list(FileField.NARRATORS)).containsExactly("Nora Narrator");
        assertThat(book.durationSeconds()).isCloseTo(1.071 + 2.064 + 3.056, within(0.05));
    }

    @Test
    void chapterFilesAreOrderedByDiscAndTrackNotByName() throws IOException {
        Path folder = Files.createDirectories(lib.root.resolve("Book"));
        // names that sort the wrong way round: the track numbers must decide
        Files.copy(MadeCorpus.file("audio/mp3-three-chapters/01 Chapter One.mp3"), folder.resolve("c.mp3"));
        Files.copy(MadeCorpus.file("audio/mp3-three-chapters/02 Chapter Two.mp3"), folder.resolve("b.mp3"));
        Files.copy(MadeCorpus.file("audio/mp3-three-chapters/03 Chapter Three.mp3"), folder.resolve("a.mp3"));

        lib.scan();

        List<BookFile> ordered = lib.book(lib.books().get(0).id()).files().stream()
                .sorted(app.colophon.model.FileOrder.FILES).toList();
        assertThat(ordered).extracting(f -> f.path().getFileName().toString()).containsExactly("c.mp3", "b.mp3", "a.mp3");
        assertThat(ordered).extracting(f -> f.track().number()).containsExactly(1, 2, 3);
    }

    @Test
    void twoM4aPartsAreOneBookWithItsNarratorAndSeries() throws IOException {
        copyFolder("audio/m4a-two-parts", "M4A Book");

        lib.scan();

        assertThat(lib.books()).hasSize(1);
        BookWithFiles book = lib.book(lib.books().get(0).id());
        assertThat(book.book().title()).isEqualTo("The M4A Book");
        assertThat(book.book().authors()).extracting(Contributor::name).containsExactly("John Doe");
        assertThat(book.book().series()).containsExactly(new SeriesEntry("M4A Saga", 3.0));
        assertThat(book.files()).hasSize(2)
                .allSatisfy(f -> assertThat(f.fields().<String>list(FileField.NARRATORS)).containsExactly("Rhea Reader"));
        assertThat(book.durationSeconds()).isCloseTo(4.0, within(0.1));
    }

    @Test
    void twoAlbumsInOneFolderAreTwoBooks() throws IOException {
        copyFolder("audio/two-albums", "Two");

        lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactlyInAnyOrder("First Album Book", "Second Album Book");
        assertThat(lib.books()).allSatisfy(b -> assertThat(lib.book(b.id()).files()).hasSize(2));
    }

    @Test
    void aLoneSongIsNotABookButALoneTaggedAudiobookIs() throws IOException {
        Files.copy(MadeCorpus.file("audio/music.mp3"), lib.root.resolve("music.mp3"));
        Files.copy(MadeCorpus.file("audio/single-music.m4a"), lib.root.resolve("single-music.m4a"));
        Files.copy(MadeCorpus.file("audio/single-audiobook.m4a"), lib.root.resolve("single-audiobook.m4a"));

        lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactly("One File Book");
    }

    @Test
    void aManualTitleOnAChapterBookSurvivesARescanAfterAChapterChanged() throws IOException {
        Path folder = copyFolder("audio/mp3-three-chapters", "Book");
        lib.scan();
        long id = lib.books().get(0).id();
        lib.app.editor().editBook(id, app.colophon.model.Edits.ofBook().set(BookField.TITLE, "Mine"));
        Files.setLastModifiedTime(folder.resolve("02 Chapter Two.mp3"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        lib.scan();

        assertThat(lib.books()).singleElement().satisfies(b -> assertThat(b.title()).isEqualTo("Mine"));
    }

    private Path copyFolder(String made, String as) throws IOException {
        Path target = Files.createDirectories(lib.root.resolve(as));
        try (var files = Files.list(MadeCorpus.file(made))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }
}
