package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.MadeCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The M4A audiobooks of corpus/made/audio, field by field (values: make.sh and tag.py; durations: ffprobe, which
 * reads them from the same mvhd box).
 */
class M4aReaderTest {

    private final M4aReader reader = new M4aReader();

    private ParsedMetadata read(String name) throws MetadataParseException {
        return reader.read(MadeCorpus.file("audio/" + name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Part 1.m4a | Part 1 | 1 | 1.5 | covr:7751:230:image/jpeg
            Part 2.m4a | Part 2 | 2 | 2.5 | -
            """)
    void readsEachPartOfTheBookWithTheBooksOwnValues(String file, String part, int track, double seconds, String cover)
            throws Exception {
        ParsedMetadata m = read("m4a-two-parts/" + file);

        assertThat(reader.format()).isEqualTo(FileFormat.M4A);
        assertThat(m.title()).isEqualTo("The M4A Book"); // ©alb, not the part's ©nam
        // aART before ©ART "John Doe & Rhea Reader"
        assertThat(m.authors()).containsExactly(Contributor.author("John Doe"));
        assertThat(m.narrators()).containsExactly("Rhea Reader"); // ©nrt before the composer (©wrt)
        assertThat(m.series()).containsExactly(new SeriesEntry("M4A Saga", 3.0)); // ----:com.apple.iTunes:SERIES
        assertThat(m.genres()).containsExactly("Audiobooks");
        assertThat(m.publisher()).isEqualTo("Tin Ear Audio");
        assertThat(m.releaseDate()).isEqualTo("2020-05-01");
        assertThat(m.description()).isEqualTo("A book in two M4A files.");
        assertThat(m.cover()).isEqualTo(cover);
        assertThat(m.durationSeconds()).isCloseTo(seconds, within(0.0001));
        assertThat(m.audio()).isEqualTo(new AudioTrack("The M4A Book", 1, track, part, true));
    }

    @Test
    void givesBothPartsOneAlbumAndTheirDurationsSumToTheBooksLength() throws Exception {
        List<ParsedMetadata> parts = List.of(read("m4a-two-parts/Part 1.m4a"), read("m4a-two-parts/Part 2.m4a"));

        assertThat(parts).extracting(m -> m.audio().album()).containsOnly("The M4A Book");
        assertThat(parts.stream().mapToDouble(ParsedMetadata::durationSeconds).sum()).isCloseTo(4.0, within(0.0001));
    }

    @Test
    void takesASingleFileMarkedAsAnAudiobookByItsMediaKind() throws Exception {
        ParsedMetadata m = read("single-audiobook.m4a");

        assertThat(m.title()).isEqualTo("One File Book");
        assertThat(m.authors()).containsExactly(Contributor.author("Solo Author"));
        assertThat(m.audio()).isEqualTo(new AudioTrack("One File Book", null, null, "One File Book", true)); // stik 2
    }

    @Test
    void tellsASongFromAnAudiobook() throws Exception {
        ParsedMetadata m = read("single-music.m4a");

        assertThat(m.title()).isEqualTo("Pop Album");
        assertThat(m.genres()).containsExactly("Pop");
        assertThat(m.audio()).isEqualTo(new AudioTrack("Pop Album", null, 4, "Pop Song", false));
    }

    @Test
    void extractsTheCoverOfTheFirstPart() throws Exception {
        byte[] cover = CoverExtractor.extract(MadeCorpus.file("audio/m4a-two-parts/Part 1.m4a"), FileFormat.M4A,
                "covr:7751:230:image/jpeg");
        assertThat(cover).hasSize(230).startsWith(0xFF, 0xD8, 0xFF);
    }

    @Test
    void reportsErrorsAsM4a(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path empty = Files.write(tmp.resolve("empty.m4a"), new byte[0]);
        assertThatThrownBy(() -> reader.read(empty)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse M4A: truncated file (0 bytes)");
    }

    @Test
    void marksAnM4bAsAnAudiobookWithItsPlaceInTheBook() throws Exception {
        ParsedMetadata m = new M4bReader().read(MadeCorpus.file("audio/m4a-two-parts/Part 2.m4a"));

        // the M4B rules: title from ©nam, authors from ©ART
        assertThat(m.title()).isEqualTo("Part 2");
        assertThat(m.authors()).containsExactly(Contributor.author("John Doe"), Contributor.author("Rhea Reader"));
        assertThat(m.audio()).isEqualTo(new AudioTrack("The M4A Book", 1, 2, "Part 2", true));
    }
}
