package app.colophon.reliability;

import app.colophon.library.ScanReport;
import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.Library;
import app.colophon.testsupport.Epubs;
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

/**
 * Symbolic links: followed while they lead inside the library's folders, not followed (and named in the scan
 * report) when they lead outside, and a file reached by several paths is one file, under its real path.
 */
class SymlinkTest {

    private static final String OUTSIDE = "Symbolic link to outside the library's folders: not followed";
    private static final String LOOP = "Symbolic link loop: not followed";

    @TempDir
    Path temp;

    private TestLibrary lib;
    private Path outside;

    @BeforeEach
    void open() throws IOException {
        lib = TestLibrary.create(temp);
        outside = Files.createDirectories(temp.resolve("outside"));
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aLinkToAFileOutsideTheLibraryIsNotFollowedAndIsNamedInTheReport() throws IOException {
        Epubs.write(outside.resolve("Secret.epub"), "Secret", "Nobody");
        Path link = Files.createSymbolicLink(lib.root.resolve("link.epub"), outside.resolve("Secret.epub"));

        ScanReport report = lib.scan();

        assertThat(lib.books()).isEmpty();
        assertThat(report.errors()).singleElement().isEqualTo(new ScanReport.FileError(link, OUTSIDE));
    }

    @Test
    void aLinkToAFolderOutsideTheLibraryIsNotWalked() throws IOException {
        Epubs.write(outside.resolve("Secret.epub"), "Secret", "Nobody");
        Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path link = Files.createSymbolicLink(lib.root.resolve("shelf"), outside);

        ScanReport report = lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactly("Dune");
        assertThat(report.errors()).singleElement().isEqualTo(new ScanReport.FileError(link, OUTSIDE));
    }

    @Test
    void aFileReachedThroughTwoLinksIsOneBookUnderItsRealPath() throws IOException {
        Path real = Epubs.write(Files.createDirectories(lib.root.resolve("real")).resolve("Dune.epub"), "Dune", "Frank Herbert");
        Files.createSymbolicLink(lib.root.resolve("a.epub"), real);
        Files.createSymbolicLink(Files.createDirectories(lib.root.resolve("b")).resolve("Dune.epub"), real);

        ScanReport report = lib.scan();

        assertThat(report.errors()).isEmpty();
        assertThat(lib.books()).singleElement().extracting(Book::title).isEqualTo("Dune");
        assertThat(onlyFiles()).extracting(BookFile::path).containsExactly(real.toAbsolutePath());
    }

    @Test
    void aLinkToAFolderThatIsAlsoWalkedDirectlyGivesEachBookOnce() throws IOException {
        Path shelf = Files.createDirectories(lib.root.resolve("shelf"));
        Epubs.write(shelf.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(shelf.resolve("Emma.epub"), "Emma", "Jane Austen");
        Files.createSymbolicLink(lib.root.resolve("alias"), shelf);
        Files.createSymbolicLink(lib.root.resolve("0-first-alias"), shelf); // walked before "shelf" in any order

        lib.scan();
        ScanReport again = lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactlyInAnyOrder("Dune", "Emma");
        assertThat(onlyFiles()).extracting(BookFile::path).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(shelf));
        assertThat(again.filesRead()).isZero();
        assertThat(again.filesMissing()).isZero();
    }

    @Test
    void aLinkIntoAnotherFolderOfTheLibraryIsFollowedOnce() throws IOException {
        Path second = Files.createDirectories(temp.resolve("second"));
        Path kim = Epubs.write(second.resolve("Kim.epub"), "Kim", "Rudyard Kipling");
        lib.app.libraries().addRoots(lib.library.id(), List.of(second));
        Files.createSymbolicLink(lib.root.resolve("Kim.epub"), kim);

        ScanReport report = lib.scan();

        assertThat(report.errors()).isEmpty();
        assertThat(onlyFiles()).extracting(BookFile::path).containsExactly(kim.toAbsolutePath());
    }

    @Test
    void aLinkToAFileInsideTheLibraryThatIsNotWalkedDirectlyIsABookAtTheLinkWithItsTargetsSize() throws IOException {
        Path real = Epubs.write(lib.root.resolve(".store").resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path link = Files.createSymbolicLink(lib.root.resolve("Dune.epub"), real);

        ScanReport report = lib.scan();

        assertThat(report.errors()).isEmpty();
        assertThat(onlyFiles()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(link.toAbsolutePath());
            assertThat(f.sizeBytes()).isEqualTo(Files.size(real));
        });
    }

    @Test
    void aLinkBackToAFolderAboveItIsALoopNamedInTheReportAndNotWalked() throws IOException {
        Path shelf = Files.createDirectories(lib.root.resolve("shelf"));
        Epubs.write(shelf.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path back = Files.createSymbolicLink(shelf.resolve("back"), lib.root);

        ScanReport report = lib.scan();

        assertThat(report.errors()).singleElement().isEqualTo(new ScanReport.FileError(back, LOOP));
        assertThat(onlyFiles()).extracting(BookFile::path).containsExactly(shelf.resolve("Dune.epub").toAbsolutePath());
    }

    @Test
    void aLinkBackToAFolderAboveItIsALoopEvenWhenReachedThroughAnotherLink() throws IOException {
        Path shelf = Files.createDirectories(lib.root.resolve(".shelf"));
        Epubs.write(shelf.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path alias = Files.createSymbolicLink(lib.root.resolve("alias"), shelf);
        Files.createSymbolicLink(shelf.resolve("back"), lib.root);

        ScanReport report = lib.scan();

        assertThat(report.errors()).singleElement().isEqualTo(new ScanReport.FileError(alias.resolve("back"), LOOP));
        assertThat(onlyFiles()).extracting(BookFile::path).containsExactly(alias.resolve("Dune.epub").toAbsolutePath());
    }

    @Test
    void aLibraryFolderThatIsItselfALinkIsWalkedUnderTheLinksPath() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real-comics"));
        Epubs.write(real.resolve("sub").resolve("Kim.epub"), "Kim", "Rudyard Kipling");
        Path link = Files.createSymbolicLink(temp.resolve("comics"), real);
        Library comics = lib.app.libraries().create("Comics", List.of(link));

        ScanReport report = lib.app.libraries().scan(comics.id(), p -> { }, () -> false);

        assertThat(report.errors()).isEmpty();
        assertThat(lib.app.libraries().books(comics.id())).singleElement()
                .satisfies(b -> assertThat(lib.book(b.id()).files()).extracting(BookFile::path)
                        .containsExactly(link.resolve("sub").resolve("Kim.epub").toAbsolutePath()));
    }

    private List<BookFile> onlyFiles() {
        return lib.books().stream().flatMap(b -> lib.book(b.id()).files().stream()).toList();
    }
}
