package app.colophon.reliability;

import app.colophon.Main;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data folder keeps a copy of SQLite's native library so commands start faster; each case runs the real
 * command line in a fresh JVM, because a JVM loads the library once.
 */
class SqliteNativeCacheTest {

    @Test
    void firstCommandLeavesTheNativeLibraryInTheDataFolderAndTheNextOneUsesIt(@TempDir Path tmp) throws IOException {
        Path library = Files.createDirectories(tmp.resolve("books"));
        Corpus.copy("epub/stump-book.epub", library);
        Path data = tmp.resolve("data");

        ChildJvm.Result first = colophon(data, "scan", library.toString());
        List<Path> cached = cachedLibraries(data);
        ChildJvm.Result second = colophon(data, "books");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(cached).hasSize(1);
        assertThat(Files.size(cached.get(0))).isGreaterThan(100_000);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("Alice's Adventures in Wonderland");
    }

    @Test
    void damagedCachedLibraryFallsBackToTheDriversOwnCopy(@TempDir Path tmp) throws IOException {
        Path library = Files.createDirectories(tmp.resolve("books"));
        Corpus.copy("epub/stump-book.epub", library);
        Path data = tmp.resolve("data");
        assertThat(colophon(data, "scan", library.toString()).exitCode()).isZero();
        Files.writeString(cachedLibraries(data).get(0), "not a shared library");

        ChildJvm.Result afterDamage = colophon(data, "books");

        assertThat(afterDamage.exitCode()).as(afterDamage.output()).isZero();
        assertThat(afterDamage.output()).contains("Alice's Adventures in Wonderland");
    }

    private static ChildJvm.Result colophon(Path data, String... args) {
        List<String> all = Stream.concat(Stream.of("--data-dir", data.toString()), Stream.of(args)).toList();
        return ChildJvm.run(ChildJvm.command(List.of(), Main.class, all), 120);
    }

    private static List<Path> cachedLibraries(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("native"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
