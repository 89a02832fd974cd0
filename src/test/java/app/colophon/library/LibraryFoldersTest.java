package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.Library;
import app.colophon.testsupport.Corpus;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Library folders: never overlapping (by real path), listed with their book counts, removable with their records. */
class LibraryFoldersTest {

    @TempDir
    Path temp;

    private TestLibrary lib;
    private LibraryService libraries;

    @BeforeEach
    void open() {
        lib = TestLibrary.create(temp);
        libraries = lib.app.libraries();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    @Test
    void aFolderInsideAnExistingFolderIsRefusedNamingIt() throws IOException {
        Path inside = Files.createDirectories(lib.root.resolve("Comics"));

        assertThatThrownBy(() -> libraries.create("Comics", List.of(inside)))
                .isInstanceOf(FolderOverlapException.class)
                .hasMessage("Folder " + inside + " lies inside " + lib.root + ", which is already a folder of library \"Test\"");
        assertThat(libraries.libraries()).extracting(Library::name).containsExactly("Test");
    }

    @Test
    void aFolderContainingAnExistingFolderIsRefusedNamingIt() {
        assertThatThrownBy(() -> libraries.addRoots(lib.library.id(), List.of(temp)))
                .isInstanceOf(FolderOverlapException.class).hasMessageContaining("contains " + lib.root);
        assertThat(libraries.library(lib.library.id()).orElseThrow().roots()).containsExactly(lib.root);
    }

    @Test
    void aSymlinkedAliasOfAFolderIsRefusedAsTheSameFolder() throws IOException {
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), lib.root);

        assertThatThrownBy(() -> libraries.addRoots(lib.library.id(), List.of(alias)))
                .isInstanceOf(FolderOverlapException.class)
                .hasMessage("Folder " + alias + " is already in library \"Test\" as " + lib.root);
    }

    @Test
    void aSymlinkedAliasOfAFolderInsideAnExistingFolderIsRefused() throws IOException {
        Path inside = Files.createDirectories(lib.root.resolve("Comics"));
        Path alias = Files.createSymbolicLink(temp.resolve("comics-alias"), inside);

        assertThatThrownBy(() -> libraries.create("Comics", List.of(alias)))
                .isInstanceOf(FolderOverlapException.class).hasMessageContaining("lies inside " + lib.root);
    }

    @Test
    void theSameFolderInASecondLibraryIsRefused() {
        assertThatThrownBy(() -> libraries.create("Again", List.of(lib.root)))
                .isInstanceOf(FolderOverlapException.class).hasMessageContaining("library \"Test\"");
    }

    @Test
    void addingAFolderItsLibraryAlreadyHasChangesNothing() {
        Library again = libraries.addRoots(lib.library.id(), List.of(lib.root));

        assertThat(again.roots()).containsExactly(lib.root);
    }

    @Test
    void aSiblingFolderWhoseNameStartsLikeAnExistingOneIsNotAnOverlap() throws IOException {
        Path sibling = Files.createDirectories(temp.resolve("books-2"));

        assertThat(libraries.addRoots(lib.library.id(), List.of(sibling)).roots()).containsExactly(lib.root, sibling);
    }

    @Test
    void foldersAreListedWithTheirLibraryAndBookCount() throws IOException {
        Path comics = Files.createDirectories(temp.resolve("comics"));
        Library second = libraries.create("Comics", List.of(comics));
        Epubs.write(lib.root.resolve("A.epub"), "A", null);
        Epubs.write(lib.root.resolve("sub/B.epub"), "B", null);
        Corpus.copy("comics/comicbox-Captain Science #001.cbz", comics);
        lib.scan();
        libraries.scan(second.id(), p -> { }, () -> false);

        assertThat(libraries.folders()).extracting(f -> f.library().name(), LibraryFolder::path, LibraryFolder::books)
                .containsExactly(tuple("Test", lib.root, 2L), tuple("Comics", comics, 1L));
    }

    @Test
    void removingAFolderForgetsItsBooksKeepsTheOtherFoldersAndNeverTouchesAFile() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        libraries.addRoots(lib.library.id(), List.of(other));
        Path a = Epubs.write(lib.root.resolve("A.epub"), "A", null);
        Epubs.write(other.resolve("B.epub"), "B", null);
        lib.scan();

        Removal removal = libraries.removeFolder(lib.root);

        assertThat(removal).isEqualTo(new Removal(1, 1));
        assertThat(lib.books()).extracting(Book::title).containsExactly("B");
        assertThat(libraries.library(lib.library.id()).orElseThrow().roots()).containsExactly(other);
        assertThat(a).exists();
    }

    @Test
    void aFolderDeletedOnPurposeCanBeRemovedAndTheNextScanReportsNothing() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        libraries.addRoots(lib.library.id(), List.of(other));
        Epubs.write(other.resolve("B.epub"), "B", null);
        Epubs.write(lib.root.resolve("A.epub"), "A", null);
        lib.scan();
        Files.delete(lib.root.resolve("A.epub"));
        Files.delete(lib.root);
        assertThat(lib.scan().unavailableRoots()).hasSize(1);

        libraries.removeFolder(lib.root);

        ScanReport report = lib.scan();
        assertThat(report.unavailableRoots()).isEmpty();
        assertThat(lib.books()).extracting(Book::title).containsExactly("B");
    }

    @Test
    void aFolderIsFoundForRemovalByASymlinkedAliasToo() throws IOException {
        Epubs.write(lib.root.resolve("A.epub"), "A", null);
        lib.scan();
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), lib.root);

        libraries.removeFolder(alias);

        assertThat(libraries.library(lib.library.id()).orElseThrow().roots()).isEmpty();
        assertThat(lib.books()).isEmpty();
    }

    @Test
    void removingAFolderNoLibraryHasIsNotFound() {
        assertThatThrownBy(() -> libraries.removeFolder(temp.resolve("elsewhere")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(temp.resolve("elsewhere").toString());
    }

    @Test
    void removingALibraryForgetsItsBooksAndKeepsItsFiles() {
        Path a = Epubs.write(lib.root.resolve("A.epub"), "A", null);
        lib.scan();

        assertThat(libraries.removeLibrary(lib.library.id())).isEqualTo(new Removal(1, 1));

        assertThat(libraries.libraries()).isEmpty();
        assertThat(libraries.folders()).isEmpty();
        assertThat(a).exists();
    }

    @Test
    void aLinkIntoProcIsSkippedAndReportedAndTheScanGoesOn() throws IOException {
        Epubs.write(lib.root.resolve("A.epub"), "A", null);
        Path link = Files.createSymbolicLink(lib.root.resolve("proc"), Path.of("/proc"));

        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isEqualTo(1);
        assertThat(report.errors()).extracting(ScanReport.FileError::path).containsExactly(link);
        assertThat(report.errors().get(0).message()).contains("not followed");
    }

    @Test
    void aLinkToAFolderInsideTheLibraryIsFollowed() throws IOException {
        Epubs.write(lib.root.resolve("real/A.epub"), "A", null);
        Files.createSymbolicLink(lib.root.resolve("shortcut"), lib.root.resolve("real"));

        ScanReport report = lib.scan();

        assertThat(report.errors()).isEmpty();
        assertThat(lib.books()).extracting(Book::title).contains("A");
    }
}
