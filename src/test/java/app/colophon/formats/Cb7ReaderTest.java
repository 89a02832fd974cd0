package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.MadeCorpus;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** CB7 comics, on the 7-Zip archives of corpus/made/comics (what each holds: corpus/made/README.md). */
class Cb7ReaderTest {

    /** Only a hang guard: each read takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final Cb7Reader reader = new Cb7Reader();

    @TempDir
    Path tmp;

    private ParsedMetadata read(String name) throws MetadataParseException {
        return reader.read(MadeCorpus.file("comics/" + name));
    }

    @Test
    void readsEveryComicInfoFieldOfASolidArchiveWhoseComicInfoComesAfterThePages() throws Exception {
        ParsedMetadata m = read("comicinfo.cb7");

        assertThat(reader.format()).isEqualTo(FileFormat.CB7);
        assertThat(m.title()).isEqualTo("The Seventh Seal");
        assertThat(m.series()).containsExactly(new SeriesEntry("Sevens", 7.0));
        assertThat(m.authors()).containsExactly(new Contributor("Jane Roe", "writer"),
                new Contributor("John Doe", "writer"), new Contributor("Ann Poe", "penciller"));
        assertThat(m.description()).isEqualTo("Seven pages packed by 7-Zip.");
        assertThat(m.publisher()).isEqualTo("Septenary Comics");
        assertThat(m.releaseDate()).isEqualTo("2021-07-17");
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.genres()).containsExactly("Adventure", "Mystery");
        assertThat(m.tags()).containsExactly("made", "test");
        assertThat(m.pageCount()).isEqualTo(3);
        // Pages: 1.jpg, 2.jpg, 10.jpg in natural order; ComicInfo marks Image 1 as FrontCover
        assertThat(m.cover()).isEqualTo("entry:2.jpg");
        assertThat(m.durationSeconds()).isNull();
    }

    @Test
    void readsPagesAndCoverOfAnArchiveWithoutComicInfo() throws Exception {
        ParsedMetadata m = read("pages-only-not-solid.cb7");

        assertThat(m.pageCount()).isEqualTo(3);
        assertThat(m.cover()).isEqualTo("entry:1.jpg");
        assertThat(m).isEqualTo(ParsedMetadata.builder().pageCount(3).cover("entry:1.jpg").build());
    }

    @Test
    void extractsTheCoverPageFromTheSolidBlock() throws Exception {
        byte[] cover = CoverExtractor.extract(MadeCorpus.file("comics/comicinfo.cb7"), FileFormat.CB7, "entry:2.jpg");

        // 7zz l -slt: 2.jpg has 242 bytes and CRC 36424872
        assertThat(cover).hasSize(242);
        CRC32 crc = new CRC32();
        crc.update(cover);
        assertThat(crc.getValue()).isEqualTo(0x36424872L);
    }

    @Test
    void ignoresEntriesWhoseNamesClimbOutOfTheArchive() throws Exception {
        // ../../evil.jpg, /etc/absolute.jpg, C:evil.jpg, ok/../../sneaky.jpg and ../ComicInfo.xml are not pages
        ParsedMetadata m = read("traversal.cb7");

        assertThat(m.title()).isEqualTo("Safe Inside");
        assertThat(m.pageCount()).isEqualTo(1);
        assertThat(m.cover()).isEqualTo("entry:page.jpg");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            comicinfo-bomb.cb7  | entry ComicInfo.xml unpacks past 8 MB
            skip-bomb.cb7       | entry ComicInfo.xml lies behind 1024 MB of packed data (more than 256 MB: a decompression bomb?)
            memory-bomb.cb7     | archive needs more than 128 MB of memory to unpack
            encrypted.cb7       | encrypted archive (password-protected 7-Zip archives are not supported)
            encrypted-names.cb7 | encrypted archive (password-protected 7-Zip archives are not supported)
            """)
    void refusesHostileAndEncryptedArchivesWithAClearMessage(String name, String problem) {
        Path file = MadeCorpus.file("comics/" + name);
        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CB7: " + problem);
    }

    @Test
    void refusesToExtractACoverBehindTheUnpackBudget() {
        assertThatThrownBy(() -> CoverExtractor.extract(MadeCorpus.file("comics/skip-bomb.cb7"), FileFormat.CB7,
                "entry:0.jpg"))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CB7: entry 0.jpg unpacks past 32 MB");
    }

    @Test
    void allowsUnpackingFourTimesTheArchiveSizeAboveTheMinimum() {
        assertThat(Cb7Reader.maxUnpackedBytes(1_000)).isEqualTo(256L * 1024 * 1024);
        assertThat(Cb7Reader.maxUnpackedBytes(100L * 1024 * 1024)).isEqualTo(400L * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty    | not a 7-Zip archive (empty file)
            zip      | not a 7-Zip archive
            cut      | damaged archive
            """)
    void reportsFilesThatAreNotWhole7ZipArchives(String kind, String problem) throws Exception {
        Path file = tmp.resolve(kind + ".cb7");
        byte[] real = Files.readAllBytes(MadeCorpus.file("comics/comicinfo.cb7"));
        switch (kind) {
            case "empty" -> Files.write(file, new byte[0]);
            case "zip" -> Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
            default -> Files.write(file, java.util.Arrays.copyOf(real, real.length / 2));
        }
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CB7: " + problem);
    }

    @Test
    void readsAnEmptyArchiveAsAComicWithoutPages() throws Exception {
        Path file = tmp.resolve("empty-archive.cb7");
        new SevenZOutputFile(file.toFile()).close();

        ParsedMetadata m = reader.read(file);
        assertThat(m.pageCount()).isZero();
        assertThat(m.cover()).isNull();
    }

    @Test
    void reportsMalformedComicInfoWithTheParsersReason() throws Exception {
        Path file = sevenZip("ComicInfo.xml", "<ComicInfo><Title>unclosed</ComicInfo>", "p.jpg", "x");
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse CB7: invalid ComicInfo.xml (");
    }

    @Test
    void keepsAControlCharacterInAnEntryNameOutOfTheMessage() throws Exception {
        Path file = sevenZip("Comic\nInfo/ComicInfo.xml", "<ComicInfo>" + " ".repeat(9 * 1024 * 1024) + "</ComicInfo>");
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse CB7: entry Comic Info/ComicInfo.xml unpacks past 8 MB");
    }

    private Path sevenZip(String... nameThenText) throws IOException {
        Path file = Files.createTempFile(tmp, "comic", ".cb7");
        Files.delete(file);
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                byte[] bytes = nameThenText[i + 1].getBytes(StandardCharsets.UTF_8);
                SevenZArchiveEntry entry = new SevenZArchiveEntry();
                entry.setName(nameThenText[i]);
                entry.setSize(bytes.length);
                out.putArchiveEntry(entry);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
        return file;
    }
}
