package app.colophon.library;

import app.colophon.formats.FormatReader;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.ParsedMetadata;
import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-ahead: readers go on while the writer is busy, in order, within a bound on what they hold. */
class ParallelReaderTest {

    private static final ScanTuning TUNING = new ScanTuning(2, 20, Duration.ofMillis(100), Duration.ofSeconds(30));
    private static final int DESCRIPTION = 100_000;

    @TempDir
    Path temp;

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readersReadABatchAheadWhileTheWriterIsBusy() throws Exception {
        List<Path> files = files(100);
        try (ParallelReader reader = new ParallelReader(extractor(10), TUNING)) {
            ParallelReader.Run run = reader.start(files, () -> false);

            int window = TUNING.threads() * 4 + TUNING.batchSize();
            waitUntil(() -> reads.get() >= window);
            Thread.sleep(200);

            assertThat(reads.get()).isEqualTo(window);
            assertThat(titles(run)).containsExactlyElementsOf(expectedTitles(100));
        }
    }

    @Test
    void readingsAheadHoldNoMoreThanTheBoundAndNoneIsLost() throws Exception {
        List<Path> files = files(60);
        long bound = 5L * DESCRIPTION;
        try (ParallelReader reader = new ParallelReader(extractor(DESCRIPTION), TUNING, bound)) {
            ParallelReader.Run run = reader.start(files, () -> false);

            waitUntil(() -> reads.get() >= TUNING.threads() * 4 + TUNING.batchSize());
            assertThat(run.held()).isBetween(1L, bound);

            List<FileReading> readings = new ArrayList<>();
            while (run.hasNext()) {
                readings.add(run.next());
                assertThat(run.held()).isLessThanOrEqualTo(bound);
            }
            assertThat(readings).extracting(r -> r.bookValues().text(BookField.TITLE))
                    .containsExactlyElementsOf(expectedTitles(60));
            assertThat(readings).allSatisfy(r ->
                    assertThat(r.bookValues().text(BookField.DESCRIPTION)).hasSize(DESCRIPTION));
            assertThat(reads.get()).as("the dropped readings were read again").isGreaterThan(60);
        }
    }

    @Test
    void aBoundEveryReadingExceedsStillReadsEachFileInOrder() {
        try (ParallelReader reader = new ParallelReader(extractor(10), TUNING, 1)) {
            assertThat(titles(reader.start(files(30), () -> false))).containsExactlyElementsOf(expectedTitles(30));
        }
    }

    @Test
    void aReadingWeighsItsPathValuesAndNotes() {
        FileReading reading = extractor(1_000).read(files(1).get(0));

        assertThat(ParallelReader.chars(reading)).isGreaterThan(1_000 + reading.path().toString().length());
    }

    /** Each kind of list element with a text of {@code length} characters, within what the extractor keeps. */
    static List<Arguments> longListElements() {
        String name = "w".repeat(900);
        String id = "9".repeat(200);
        return List.of(Arguments.of(ParsedMetadata.builder().author(new Contributor(name, null, null)), 900),
                Arguments.of(ParsedMetadata.builder().author(new Contributor("A", null, name)), 900),
                Arguments.of(ParsedMetadata.builder().series(new SeriesEntry(name, 2.0)), 900),
                Arguments.of(ParsedMetadata.builder().tag(name), 900),
                Arguments.of(ParsedMetadata.builder().identifier(new Identifier(IdentifierType.OTHER, id)), 200),
                Arguments.of(ParsedMetadata.builder().narrator(name), 900));
    }

    @ParameterizedTest
    @MethodSource("longListElements")
    void aReadingWeighsTheTextOfEveryKindOfListElement(ParsedMetadata.Builder metadata, int length) {
        FileReading reading = new MetadataExtractor(new FormatReaders(List.of(reader(metadata.build()))))
                .read(files(1).get(0));

        assertThat(ParallelReader.chars(reading)).isGreaterThanOrEqualTo(length + reading.path().toString().length());
    }

    private static FormatReader reader(ParsedMetadata metadata) {
        return new FormatReader() {
            @Override
            public FileFormat format() {
                return FileFormat.EPUB;
            }

            @Override
            public ParsedMetadata read(Path file) {
                return metadata;
            }
        };
    }

    private MetadataExtractor extractor(int descriptionLength) {
        FormatReader counting = new FormatReader() {
            @Override
            public FileFormat format() {
                return FileFormat.EPUB;
            }

            @Override
            public ParsedMetadata read(Path file) {
                reads.incrementAndGet();
                String name = file.getFileName().toString();
                return ParsedMetadata.builder().title("T-" + name.substring(0, name.indexOf('.')))
                        .description("d".repeat(descriptionLength)).build();
            }
        };
        return new MetadataExtractor(new FormatReaders(List.of(counting)));
    }

    private List<Path> files(int count) {
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Path file = temp.resolve(String.format("%03d.epub", i));
                if (!Files.exists(file)) {
                    Files.write(file, new byte[] {1, 2, 3});
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return files;
    }

    private static List<String> titles(ParallelReader.Run run) {
        List<String> titles = new ArrayList<>();
        while (run.hasNext()) {
            titles.add(run.next().bookValues().text(BookField.TITLE));
        }
        return titles;
    }

    private static List<String> expectedTitles(int count) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            titles.add(String.format("T-%03d", i));
        }
        return titles;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
