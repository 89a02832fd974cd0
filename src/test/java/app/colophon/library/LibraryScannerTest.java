package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.FileFormat;
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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibraryScannerTest {

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
    void scanImportsEachFileAsABookWithItsMetadata() {
        Corpus.copy("epub/stump-book.epub", lib.root);
        Corpus.copy("pdf/pysf-GeoTopo-komprimiert.pdf", lib.root);

        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isEqualTo(2);
        assertThat(lib.bookTitled("Alice's Adventures in Wonderland").authors()).extracting("name").containsExactly("Lewis Carroll");
        assertThat(lib.bookTitled("Geometrie und Topologie").authors()).extracting("name").containsExactly("Martin Thoma");
    }

    @Test
    void quotesInFolderAndFileNamesAreScannedAndRescannedLikeAnyOtherName() throws IOException {
        // Once put into SQL text unescaped: any name with an apostrophe made the whole scan fail.
        Path folder = Files.createDirectories(lib.root.resolve("O'Brien \"Quoted\""));
        Corpus.copy("epub/stump-book.epub", folder, "Ender's Game; DROP TABLE book.epub");

        ScanReport first = lib.scan();
        ScanReport again = lib.scan();

        assertThat(first.booksAdded()).isEqualTo(1);
        assertThat(again.filesUnchanged()).isEqualTo(1);
        assertThat(again.booksAdded()).isZero();
        assertThat(lib.fileAt(folder.resolve("Ender's Game; DROP TABLE book.epub")).bookId())
                .isEqualTo(lib.books().get(0).id());
    }

    @Test
    void filesWithTheSameStemInOneFolderAreOneBook() {
        Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "alice.M4B");

        lib.scan();

        assertThat(lib.books()).hasSize(1);
        assertThat(lib.book(lib.books().get(0).id()).files()).extracting(BookFile::format)
                .containsExactlyInAnyOrder(FileFormat.EPUB, FileFormat.M4B);
    }

    @Test
    void aFileJoinsTheBookAFileOfAnEarlierBatchOfTheSameScanMade() {
        // Names sort "Zed.m4b" < "m000.epub" … < "zed.epub": the two files of one book are read 100 files apart, two
        // batches apart (TestLibrary writes 50 files a batch), and each batch asks at once which of its books exist.
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Zed.m4b");
        for (int i = 0; i < 100; i++) {
            Corpus.copy("epub/epubcheck-minimal.epub", lib.root, String.format("m%03d.epub", i));
        }
        Corpus.copy("epub/stump-book.epub", lib.root, "zed.epub");

        ScanReport report = lib.scan();

        assertThat(report.booksAdded()).isEqualTo(101);
        assertThat(lib.book(lib.fileAt(lib.root.resolve("zed.epub")).bookId()).files()).extracting(BookFile::format)
                .containsExactlyInAnyOrder(FileFormat.EPUB, FileFormat.M4B);
    }

    @Test
    void bookValuesComeFromTheEpubBeforeTheAudiobookWhateverTheScanOrder() throws IOException {
        Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();
        assertThat(lib.books().get(0).title()).isEqualTo("The Generated Audiobook: Part Two");

        Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        lib.scan();

        Book book = lib.books().get(0);
        assertThat(book.title()).isEqualTo("Alice's Adventures in Wonderland");
        assertThat(book.authors()).extracting("name").containsExactly("Lewis Carroll");
    }

    @Test
    void aFlatFolderOfDifferentStemsGivesOneBookEach() {
        for (int i = 0; i < 5; i++) {
            Epubs.write(lib.root.resolve("book" + i + ".epub"), "Book " + i, "Author " + i);
        }

        lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactlyInAnyOrder("Book 0", "Book 1", "Book 2", "Book 3", "Book 4");
    }

    @Test
    void aSecondScanDoesNotReadUnchangedFiles() {
        Corpus.copy("epub/stump-book.epub", lib.root);
        Corpus.copy("epub/idpf-trees.epub", lib.root);
        lib.scan();

        ScanReport again = lib.scan();

        assertThat(again.filesRead()).isZero();
        assertThat(again.filesUnchanged()).isEqualTo(2);
        assertThat(again.booksAdded() + again.booksUpdated() + again.booksMissing()).isZero();
    }

    @Test
    void aChangedFileIsReadAgain() {
        Path file = Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
        lib.scan();

        Epubs.write(file, "Dune (Revised)", "Frank Herbert");
        ScanReport again = lib.scan();

        assertThat(again.filesRead()).isEqualTo(1);
        assertThat(lib.books()).extracting(Book::title).containsExactly("Dune (Revised)");
    }

    @Test
    void aVanishedFileIsMarkedMissingAndItsBookKept() throws IOException {
        Path alice = Corpus.copy("epub/stump-book.epub", lib.root);
        Corpus.copy("epub/idpf-trees.epub", lib.root);
        lib.scan();

        Files.delete(alice);
        ScanReport again = lib.scan();

        assertThat(again.filesMissing()).isEqualTo(1);
        assertThat(again.booksMissing()).isEqualTo(1);
        assertThat(lib.books()).extracting(Book::title).containsExactlyInAnyOrder("Alice's Adventures in Wonderland", "Trees");
        assertThat(lib.fileAt(alice).missing()).isTrue();
    }

    @Test
    void aBookKeepsBothFilesWhenOneOfTwoVanishesAndOnlyThatOneIsMissing() throws IOException {
        Corpus.copy("epub/stump-book.epub", lib.root, "Alice.epub");
        Path audio = Corpus.copy("generated/gen-audiobook-chapters.m4b", lib.root, "Alice.m4b");
        lib.scan();

        Files.delete(audio);
        ScanReport again = lib.scan();

        assertThat(lib.books()).hasSize(1);
        assertThat(again.booksMissing()).isZero();
        assertThat(lib.book(lib.books().get(0).id()).files()).extracting(BookFile::format, BookFile::missing)
                .containsExactlyInAnyOrder(tuple(FileFormat.EPUB, false), tuple(FileFormat.M4B, true));
    }

    @Test
    void aMissingRootIsReportedUnavailableAndNothingUnderItChanges() throws IOException {
        Corpus.copy("epub/stump-book.epub", lib.root);
        lib.scan();
        Path away = temp.resolve("moved-away");
        Files.move(lib.root, away);

        ScanReport report = lib.scan();

        assertThat(report.unavailableRoots()).singleElement().satisfies(u -> assertThat(u.message())
                .isEqualTo("Library folder " + lib.root + " is not available (unmounted?); nothing was changed"));
        assertThat(report.filesMissing()).isZero();
        assertThat(lib.books()).hasSize(1);
        assertThat(lib.book(lib.books().get(0).id()).files()).extracting(BookFile::missing).containsExactly(false);

        Files.move(away, lib.root);
        assertThat(lib.scan().filesUnchanged()).isEqualTo(1);
    }

    @Test
    void anEmptiedRootLooksUnmountedAndNothingIsMarkedMissing() throws IOException {
        Path alice = Corpus.copy("epub/stump-book.epub", lib.root);
        lib.scan();
        Files.delete(alice);

        ScanReport report = lib.scan();

        assertThat(report.unavailableRoots()).extracting(ScanReport.FileError::path).containsExactly(lib.root);
        assertThat(lib.fileAt(alice).missing()).isFalse();
    }

    @Test
    void hiddenFilesAndMacResourceForksAreSkippedAndExtensionsMatchInAnyCase() throws IOException {
        Corpus.copy("epub/stump-book.epub", lib.root, "Alice.EPUB");
        Corpus.copy("epub/idpf-trees.epub", lib.root, ".hidden.epub");
        Corpus.copy("epub/idpf-trees.epub", lib.root.resolve("__MACOSX"), "Trees.epub");
        Corpus.copy("epub/idpf-trees.epub", lib.root.resolve(".git"), "Trees.epub");
        Files.writeString(lib.root.resolve("notes.txt"), "not a book");

        lib.scan();

        assertThat(lib.books()).extracting(Book::title).containsExactly("Alice's Adventures in Wonderland");
    }

    @Test
    void everyBrokenCorpusFileGetsItsOwnErrorWhileTheScanImportsTheRest() {
        Library whole = lib.app.libraries().create("Corpus", Corpus.thirdPartyFolders());

        ScanReport report = lib.app.libraries().scan(whole.id(), p -> { }, () -> false);

        List<String> failedNames = report.errors().stream().map(e -> e.path().getFileName().toString()).toList();
        assertThat(failedNames).containsExactlyInAnyOrder(
                "epubcheck-ocf-zip-unreadable-empty-fatal.epub",
                "epubcheck-ocf-zip-unreadable-image-with-epub-extension-fatal.epub",
                "epubcheck-ocf-zip-unreadable-no-end-header-fatal.epub",
                "epubcheck-empty_archive.epub",
                "epubcheck-no-rootfile.epub",
                "epubcheck-bad_opf_namespace.epub",
                "epubcheck-mimetypeAndVersion.epub",
                "epubcheck-ocf-container-not-ocf-error.epub",
                "komga-zip-as-epub.epub",
                "komga-zip-encrypted.cbz",
                "comicbox-Captain Science #001-cbi.cbr", // RAR: "RAR comics are not supported"
                "comicbox-Captain Science #001-cix-cbi.cbr",
                "komga-rar4.cbr",
                "komga-rar5-encrypted.cbr",
                "komga-rar5-solid.cbr",
                "pysf-libreoffice-writer-password.pdf",
                "pysf-unreadablemetadata.pdf");
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.message()).startsWith("Failed to parse "));
        // every book file is read, but an MP3 or M4A with no audiobook tags and no other file of its album (music)
        // is left out of the library
        long chapterFormats = lib.app.libraries().books(whole.id()).stream().flatMap(b -> lib.book(b.id()).files().stream())
                .filter(f -> f.format() == FileFormat.MP3 || f.format() == FileFormat.M4A).count();
        long bookFiles = Corpus.thirdPartyFolders().stream().mapToLong(LibraryScannerTest::countBookFilesButMp3AndM4a).sum();
        assertThat(report.filesRead()).isEqualTo(bookFiles + chapterFormats);
        Path badNamespace = Corpus.file("epub/epubcheck-bad_opf_namespace.epub");
        BookFile broken = lib.app.libraries().books(whole.id()).stream()
                .flatMap(b -> lib.book(b.id()).files().stream())
                .filter(f -> f.path().equals(badNamespace)).findFirst().orElseThrow();
        assertThat(broken.error()).contains("invalid OPF structure");
    }

    @Test
    void progressCountsEveryFileToRead() {
        for (int i = 0; i < 7; i++) {
            Epubs.write(lib.root.resolve("b" + i + ".epub"), "B" + i, null);
        }
        List<ScanProgress> seen = new ArrayList<>();

        lib.app.libraries().scan(lib.library.id(), seen::add, () -> false);

        assertThat(seen).hasSize(7);
        assertThat(seen).allSatisfy(p -> assertThat(p.total()).isEqualTo(7));
        assertThat(seen.get(6).done()).isEqualTo(7);
        assertThat(seen).allSatisfy(p -> assertThat(p.current()).isNotNull());
    }

    @Test
    void cancellingKeepsWhatWasCommittedAndTheNextScanFinishesTheJob() {
        for (int i = 0; i < 120; i++) {
            Epubs.write(lib.root.resolve("b" + i + ".epub"), "B" + i, null);
        }
        AtomicInteger seen = new AtomicInteger();

        ScanReport partial = lib.app.libraries().scan(lib.library.id(), p -> seen.incrementAndGet(), () -> seen.get() >= 60);

        assertThat(partial.cancelled()).isTrue();
        int kept = lib.books().size();
        assertThat(kept).isBetween(1, 119);
        ScanReport rest = lib.scan();
        assertThat(rest.cancelled()).isFalse();
        assertThat(rest.booksAdded()).isEqualTo(120 - kept);
        assertThat(lib.books()).hasSize(120);
    }

    @Test
    void aFileThatBecomesCorruptKeepsItsMetadataAndShowsTheError() throws IOException {
        Path file = Corpus.copy("epub/stump-book.epub", lib.root);
        lib.scan();

        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        ScanReport again = lib.scan();

        assertThat(again.filesFailed()).isEqualTo(1);
        assertThat(lib.books()).extracting(Book::title).containsExactly("Alice's Adventures in Wonderland");
        assertThat(lib.fileAt(file).error()).startsWith("Failed to parse EPUB");
    }

    @Test
    void aNewCorruptFileStillAppearsAsABookTitledFromItsName() throws IOException {
        Files.write(lib.root.resolve("[Ursula K. Le Guin] The Dispossessed.epub"), new byte[] {0});

        lib.scan();

        Book book = lib.bookTitled("The Dispossessed");
        assertThat(book.authors()).extracting("name").containsExactly("Ursula K. Le Guin");
        assertThat(lib.book(book.id()).files().get(0).error()).startsWith("Failed to parse EPUB");
    }

    private static long countBookFilesButMp3AndM4a(Path root) {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> FileFormat.fromPath(p).isPresent())
                    .filter(p -> FileFormat.fromPath(p).filter(f -> f == FileFormat.MP3 || f == FileFormat.M4A).isEmpty())
                    .filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
