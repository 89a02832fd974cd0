package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.Source;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.MadeCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The MP3 audiobooks of corpus/made/audio, field by field. Expected values are what make.sh and tag.py wrote
 * (corpus/made/README.md); durations are ffprobe's (`ffprobe -show_entries format=duration`).
 */
class Mp3ReaderTest {

    private static final String CHAPTERS = "audio/mp3-three-chapters/";

    private final Mp3Reader reader = new Mp3Reader();

    private ParsedMetadata read(String name) throws MetadataParseException {
        return reader.read(MadeCorpus.file(name));
    }

    /** ID3v2.4 UTF-8 with a JPEG front cover; ID3v2.3 UTF-16 without a cover; ID3v2.4 with a PNG of type "other". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            01 Chapter One.mp3    | Chapter One   | 1 | 1.071020 | 2019-04-02 | apic:519:230:image/jpeg
            02 Chapter Two.mp3    | Chapter Two   | 2 | 2.063673 | 2019       | -
            03 Chapter Three.mp3  | Chapter Three | 3 | 3.056256 | 2019-04-02 | apic:520:144:image/png
            """)
    void readsEveryChapterFileOfTheBookWithTheBooksOwnValues(String file, String chapter, int track, double seconds,
                                                             String date, String cover) throws Exception {
        ParsedMetadata m = read(CHAPTERS + file);

        assertThat(m.title()).isEqualTo("The Three Chapter Book"); // TALB, not the chapter's TIT2
        assertThat(m.sortTitle()).isEqualTo("Three Chapter Book, The");
        // TPE2 (album artist) before TPE1 "Jane Roe, Nora Narrator"
        assertThat(m.authors()).containsExactly(Contributor.author("Jane Roe"));
        assertThat(m.narrators()).containsExactly("Nora Narrator"); // TCOM
        // TXXX SERIES / SERIES-PART; TIT1 "Chapter Saga #2" agrees
        assertThat(m.series()).containsExactly(new SeriesEntry("Chapter Saga", 2.0));
        assertThat(m.genres()).containsExactly("Audiobook");
        assertThat(m.publisher()).isEqualTo("Orchard Press");
        assertThat(m.language()).isEqualTo("eng");
        // the iTunNORM comment is player data, not a description
        assertThat(m.description()).isEqualTo("A book told in three files.");
        assertThat(m.identifiers()).containsExactly(new Identifier(IdentifierType.ASIN, "B0TESTASIN"));
        assertThat(m.releaseDate()).isEqualTo(date);
        assertThat(m.cover()).isEqualTo(cover);
        assertThat(m.durationSeconds()).isCloseTo(seconds, within(0.001));
        assertThat(m.pageCount()).isNull();
        assertThat(m.audio()).isEqualTo(new AudioTrack("The Three Chapter Book", 1, track, chapter, true));
    }

    @Test
    void givesTheThreeChaptersOneAlbumAndTheirDurationsSumToTheBooksLength() throws Exception {
        List<ParsedMetadata> chapters = List.of(read(CHAPTERS + "01 Chapter One.mp3"),
                read(CHAPTERS + "02 Chapter Two.mp3"), read(CHAPTERS + "03 Chapter Three.mp3"));

        assertThat(chapters).extracting(m -> m.audio().album()).containsOnly("The Three Chapter Book");
        assertThat(chapters).extracting(m -> m.audio().track()).containsExactly(1, 2, 3);
        // every book-level value (title, authors, series …) is the same in each chapter file
        assertThat(chapters).allSatisfy(m -> assertThat(m.bookValues(Source.FILE_METADATA))
                .isEqualTo(chapters.get(0).bookValues(Source.FILE_METADATA)));
        double total = chapters.stream().mapToDouble(ParsedMetadata::durationSeconds).sum();
        assertThat(total).isCloseTo(1.071020 + 2.063673 + 3.056256, within(0.001));
    }

    @Test
    void givesTwoAlbumsInOneFolderTwoAlbumKeysWithTheirOwnTracks() throws Exception {
        String dir = "audio/two-albums/";
        List<AudioTrack> tracks = List.of(read(dir + "a1.mp3").audio(), read(dir + "a2.mp3").audio(),
                read(dir + "b1.mp3").audio(), read(dir + "b2.mp3").audio());

        assertThat(tracks).extracting(AudioTrack::album).containsExactly("First Album Book", "First Album Book",
                "Second Album Book", "Second Album Book");
        assertThat(tracks).extracting(AudioTrack::track).containsExactly(1, 2, 1, 2);
        assertThat(read(dir + "b1.mp3").authors()).containsExactly(Contributor.author("Bob Moe")); // TPE1: no TPE2
        // nothing in these tags says audiobook: grouping them is the folder's doing, not the tags'
        assertThat(tracks).extracting(AudioTrack::audiobook).containsOnly(false);
    }

    @Test
    void readsAMusicFileAsNoAudiobook() throws Exception {
        ParsedMetadata m = read("audio/music.mp3");

        assertThat(m.title()).isEqualTo("Loud Songs");
        assertThat(m.genres()).containsExactly("Rock"); // TCON "17", an ID3v1 genre number
        assertThat(m.narrators()).containsExactly("Some Composer"); // composer means narrator, whatever the file
        assertThat(m.audio()).isEqualTo(new AudioTrack("Loud Songs", null, 1, "Song One", false));
    }

    @Test
    void readsAnId3v1TagWhenThereIsNoId3v2() throws Exception {
        ParsedMetadata m = read("audio/id3v1-only.mp3");

        assertThat(m.title()).isEqualTo("An Old Tagged Book");
        assertThat(m.authors()).containsExactly(Contributor.author("Vera Old"));
        assertThat(m.releaseDate()).isEqualTo("1999");
        assertThat(m.genres()).containsExactly("Audiobook"); // genre 183
        // the 128 bytes of the ID3v1 tag are not audio: ffprobe's 1.071020 s
        assertThat(m.durationSeconds()).isCloseTo(1.071020, within(0.001));
        assertThat(m.audio()).isEqualTo(new AudioTrack("An Old Tagged Book", null, 7, "Old Chapter", true));
    }

    @Test
    void extractsTheFrontCoverAndThePngOfAnotherChapter() throws Exception {
        byte[] jpeg = CoverExtractor.extract(MadeCorpus.file(CHAPTERS + "01 Chapter One.mp3"), FileFormat.MP3,
                "apic:519:230:image/jpeg");
        byte[] png = CoverExtractor.extract(MadeCorpus.file(CHAPTERS + "03 Chapter Three.mp3"), FileFormat.MP3,
                "apic:520:144:image/png");

        assertThat(jpeg).hasSize(230).startsWith(0xFF, 0xD8, 0xFF).endsWith(0xFF, 0xD9);
        assertThat(png).hasSize(144).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void readsAsTheMp3Format() {
        assertThat(reader.format()).isEqualTo(FileFormat.MP3);
        assertThat(FileFormat.fromPath(Path.of("Chapter 01.MP3"))).contains(FileFormat.MP3);
    }
}
