package app.colophon.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** File system oddities a library folder can hold: names that are not UTF-8, symlink loops, FIFOs. */
final class OddFiles {

    private OddFiles() {
    }

    /**
     * A valid EPUB whose file name is {@code caf<0xE9>.epub}: Latin-1 bytes, not UTF-8. Java cannot spell such a
     * name, so the shell copies a generated book to it.
     */
    static Path nonUtf8Name(Path folder, String title) {
        try {
            Files.createDirectories(folder);
            Path source = SampleBooks.epub(folder.resolve("source.tmp"), title, "A");
            shell("cp source.tmp \"$(printf 'caf\\351.epub')\" && rm source.tmp", folder);
            try (var list = Files.list(folder)) {
                return list.filter(p -> p.getFileName().toString().startsWith("caf")).findFirst().orElseThrow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder with a link to itself and a link to its parent (both loops), and a dangling link named like a book. */
    static void symlinkLoops(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.createSymbolicLink(folder.resolve("self"), folder);
            Files.createSymbolicLink(folder.resolve("parent"), folder.getParent());
            Files.createSymbolicLink(folder.resolve("dangling.epub"), folder.resolve("nowhere.epub"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A named pipe called like a book: opening it for reading would block until a writer comes. */
    static void fifo(Path file) {
        shell("mkfifo '" + file.getFileName() + "'", file.getParent());
    }

    static void shell(String script, Path dir) {
        try {
            Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("sh -c " + script + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
