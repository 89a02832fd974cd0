package app.colophon.reliability;

import app.colophon.formats.CbzReader;
import app.colophon.formats.EpubReader;
import app.colophon.formats.FormatReader;
import app.colophon.formats.M4bReader;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.formats.PdfReader;
import app.colophon.model.FileFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every hostile input against every reader: its own format's reader must give the expected clear parse error (or
 * a sane result for a tolerated oddity), and every other reader must fail cleanly on it too. Never another
 * exception, a hang, a leaked local file or a 1 GB inflation.
 */
class HostileReadersTest {

    /** Generous for a cold JVM on a slow CI machine; a loop or an inflated bomb takes far longer. */
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    static final Map<FileFormat, FormatReader> READERS = Map.of(FileFormat.EPUB, new EpubReader(),
            FileFormat.CBZ, new CbzReader(), FileFormat.M4B, new M4bReader(), FileFormat.PDF, new PdfReader());

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeCanary() {
        HostileFiles.canary(folder);
    }

    static Stream<HostileFiles.Case> cases() {
        return HostileFiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void itsOwnReaderGivesAClearErrorOrASaneResult(HostileFiles.Case c) {
        Path file = c.write(folder);
        FileFormat format = FileFormat.fromPath(file).orElseThrow();

        Object outcome = outcome(READERS.get(format), file);

        assertThat(outcome.toString()).doesNotContain(HostileFiles.CANARY);
        if (c.mustFail()) {
            assertThat(outcome).isInstanceOfSatisfying(MetadataParseException.class,
                    e -> assertThat(e.getMessage()).startsWith("Failed to parse " + format + ": ").contains(c.problem()));
        } else {
            assertThat(outcome).isInstanceOfSatisfying(ParsedMetadata.class, m -> m.series().forEach(s -> {
                assertThat(s.number() == null || Double.isFinite(s.number())).as("series %s", s).isTrue();
                assertThat(s.display()).isNotBlank(); // what the window shows must not throw
            }));
        }
        System.out.printf("RELIABILITY reader\t%s\t%s%n", c.name(), describe(outcome));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyOtherReaderFailsCleanlyOnIt(HostileFiles.Case c) {
        Path file = c.write(folder);
        FileFormat own = FileFormat.fromPath(file).orElseThrow();
        for (FileFormat format : List.of(FileFormat.EPUB, FileFormat.CBZ, FileFormat.M4B, FileFormat.PDF)) {
            if (format != own) {
                Object outcome = outcome(READERS.get(format), file);
                assertThat(outcome.toString()).doesNotContain(HostileFiles.CANARY);
            }
        }
    }

    /** Odd names: 255 bytes long (the usual limit), and Latin-1 bytes that are not UTF-8. */
    @org.junit.jupiter.api.Test
    void everyReaderCopesWithOddFileNames() throws Exception {
        java.nio.file.Path names = java.nio.file.Files.createDirectories(folder.resolve("names"));
        String stem = "N".repeat(250);
        List<Path> longNames = List.of(SampleBooks.epub(names.resolve(stem + ".epub"), "Long", "A"),
                SampleBooks.cbz(names.resolve(stem + ".cbz"), "Long"), SampleBooks.m4b(names.resolve(stem + ".m4b"), "Long", "A"),
                SampleBooks.pdf(names.resolve(stem + ".pdf"), "Long", "A"));
        for (Path file : longNames) {
            assertThat(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeBetween(254, 255);
            FileFormat format = FileFormat.fromPath(file).orElseThrow();
            assertThat(outcome(READERS.get(format), file)).as("%s with a 255-byte name", format)
                    .isInstanceOfSatisfying(ParsedMetadata.class, m -> assertThat(m.title()).isEqualTo("Long"));
        }
        // a name that is not UTF-8 never reaches a reader in a scan (the walk reports it); read directly, each reader
        // still ends cleanly, with its metadata or a parse error
        Path latin1 = OddFiles.nonUtf8Name(folder.resolve("latin1"), "Latin-1");
        for (FormatReader reader : READERS.values()) {
            outcome(reader, latin1);
        }
        System.out.println("RELIABILITY reader\t255-byte file names, every format\timported");
    }

    /**
     * The metadata, or the MetadataParseException; anything else (an unchecked exception, an Error, a timeout) fails
     * the test. A parse error whose cause is a RuntimeException or an Error means the reader's safety net caught a
     * bug of our own, except in PDF, where PDFBox signals damaged files with unchecked exceptions.
     */
    static Object outcome(FormatReader reader, Path file) {
        long heapBefore = heapUsed();
        Object outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                return reader.read(file);
            } catch (MetadataParseException e) {
                return e;
            }
        }, () -> reader.format() + " reader hung on " + file.getFileName());
        if (outcome instanceof MetadataParseException e) {
            assertThat(e.getMessage()).startsWith("Failed to parse " + reader.format() + ": ").doesNotContain("\n");
            if (reader.format() != FileFormat.PDF) {
                Throwable cause = e.getCause();
                assertThat(cause instanceof RuntimeException || cause instanceof Error)
                        .as("%s on %s: a bug caught by the safety net: %s", reader.format(), file.getFileName(), cause)
                        .isFalse();
            }
        }
        // a bomb that got inflated would show here as hundreds of MB more heap in use (the bound is 16 MB)
        assertThat(heapUsed() - heapBefore).as("heap growth reading %s", file.getFileName()).isLessThan(200L << 20);
        return outcome;
    }

    static String describe(Object outcome) {
        if (outcome instanceof MetadataParseException e) {
            return "error: " + e.getMessage();
        }
        ParsedMetadata m = (ParsedMetadata) outcome;
        return "imported: title=" + m.title();
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
