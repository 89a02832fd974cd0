package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static app.colophon.formats.Id3Files.audio;
import static app.colophon.formats.Id3Files.concat;
import static app.colophon.formats.Id3Files.frame;
import static app.colophon.formats.Id3Files.frame22;
import static app.colophon.formats.Id3Files.frame23;
import static app.colophon.formats.Id3Files.frame24;
import static app.colophon.formats.Id3Files.picture;
import static app.colophon.formats.Id3Files.tag;
import static app.colophon.formats.Id3Files.tagWithBody;
import static app.colophon.formats.Id3Files.text;
import static app.colophon.formats.Id3Files.unsynchronise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** ID3 tags no tagger writes, or writes wrongly, built byte by byte ({@link Id3Files}). */
class Mp3ReaderHostileTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    /** A JPEG whose bytes hold 0xFF followed by 0x00 and by 0xE0: unsynchronisation changes them. */
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, (byte) 0xFF, 0,
        (byte) 0xFF, (byte) 0xD9};

    private final Mp3Reader reader = new Mp3Reader();

    @TempDir
    Path tmp;

    private ParsedMetadata read(byte[]... parts) throws Exception {
        Path file = Files.write(Files.createTempFile(tmp, "chapter", ".mp3"), concat(parts));
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file));
    }

    private Path write(byte[]... parts) throws IOException {
        return Files.write(Files.createTempFile(tmp, "chapter", ".mp3"), concat(parts));
    }

    @Test
    void readsAnId3v22Tag() throws Exception {
        ParsedMetadata m = read(tag(2, 0,
                frame22("TAL", text(0, "Old Album")), frame22("TT2", text(0, "Track")),
                frame22("TP1", text(1, "Ann Artist")), frame22("TCM", text(0, "Ned Narrator")),
                frame22("TCO", text(0, "(183)")), frame22("TRK", text(0, "4/9")), frame22("TPA", text(0, "2")),
                frame22("TYE", text(0, "2001")),
                frame22("COM", concat(new byte[] {0, 'e', 'n', 'g', 0}, "Said in 2.2".getBytes(StandardCharsets.US_ASCII))),
                frame22("PIC", concat(new byte[] {0, 'J', 'P', 'G', 3, 0}, JPEG))), audio(10));

        assertThat(m.title()).isEqualTo("Old Album");
        assertThat(m.authors()).containsExactly(Contributor.author("Ann Artist"));
        assertThat(m.narrators()).containsExactly("Ned Narrator");
        assertThat(m.genres()).containsExactly("Audiobook");
        assertThat(m.releaseDate()).isEqualTo("2001");
        assertThat(m.description()).isEqualTo("Said in 2.2");
        assertThat(m.cover()).startsWith("apic:").endsWith(":" + JPEG.length + ":image/jpeg");
        assertThat(m.audio()).isEqualTo(new AudioTrack("Old Album", 2, 4, "Track", true));
    }

    @Test
    void undoesTheUnsynchronisationOfAWholeId3v23Tag() throws Exception {
        byte[] frames = concat(frame23("TALB", text(0, "Unsynchronised")), frame23("APIC", picture("image/jpeg", 3, JPEG)));
        Path file = write(tagWithBody(3, 0x80, unsynchronise(frames)), audio(10));

        ParsedMetadata m = reader.read(file);
        assertThat(m.title()).isEqualTo("Unsynchronised");
        // the image bytes in the file are not the image: the cover is decoded from the tag when asked for
        assertThat(m.cover()).isEqualTo(Mp3Reader.DECODED_COVER);
        assertThat(CoverExtractor.extract(file, FileFormat.MP3, m.cover())).isEqualTo(JPEG);
    }

    @Test
    void undoesTheUnsynchronisationOfOneId3v24Frame() throws Exception {
        byte[] pic = unsynchronise(picture("image/jpeg", 3, JPEG));
        Path file = write(tag(4, 0, frame24("TALB", text(3, "Per Frame")), frame("APIC", 0x02, true, pic)), audio(10));

        assertThat(reader.read(file).title()).isEqualTo("Per Frame");
        assertThat(CoverExtractor.extract(file, FileFormat.MP3, Mp3Reader.DECODED_COVER)).isEqualTo(JPEG);
    }

    @Test
    void readsId3v24FrameSizesWrittenAsPlainIntegersAsITunesDid() throws Exception {
        String longTitle = "A".repeat(200); // 201 bytes: as a syncsafe number the size would read as 329
        ParsedMetadata m = read(tag(4, 0, frame("TIT2", 0, false, text(0, longTitle)),
                frame("TALB", 0, false, text(0, "Plain Sizes")), frame("TPE1", 0, false, text(0, "Ann Artist"))),
                audio(10));

        assertThat(m.title()).isEqualTo("Plain Sizes");
        assertThat(m.audio().trackTitle()).isEqualTo(longTitle);
        assertThat(m.authors()).containsExactly(Contributor.author("Ann Artist"));
    }

    @ParameterizedTest(name = "encoding {0}")
    @CsvSource(textBlock = """
            0, Zoë Bell
            1, Zoë Bell
            2, Zoë Bell
            3, Zoë Bell
            """)
    void decodesEveryTextEncoding(int encoding, String name) throws Exception {
        assertThat(read(tag(4, 0, frame24("TPE1", text(encoding, name))), audio(5)).authors())
                .containsExactly(Contributor.author(name));
    }

    @Test
    void readsUtf8BytesInALatin1FrameAsUtf8AndWindowsQuotesAsQuotes() throws Exception {
        byte[] utf8 = concat(new byte[] {0}, "Zoë".getBytes(StandardCharsets.UTF_8));
        byte[] cp1252 = {0, (byte) 0x93, 'Q', (byte) 0x94, ' ', (byte) 0xE9};
        ParsedMetadata m = read(tag(3, 0, frame23("TPE1", utf8), frame23("TALB", cp1252)), audio(5));

        assertThat(m.authors()).containsExactly(Contributor.author("Zoë"));
        assertThat(m.title()).isEqualTo("\u201CQ\u201D \u00E9");
    }

    @Test
    void readsUtf16WithoutAByteOrderMarkAsLittleEndian() throws Exception {
        byte[] data = concat(new byte[] {1}, "Lee".getBytes(StandardCharsets.UTF_16LE));
        assertThat(read(tag(3, 0, frame23("TALB", data)), audio(5)).title()).isEqualTo("Lee");
    }

    @Test
    void ignoresAFrameWithAnUnknownEncodingAndReadsTheOthers() throws Exception {
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", concat(new byte[] {7}, "Bad".getBytes(StandardCharsets.US_ASCII))),
                frame24("TIT2", text(3, "Good"))), audio(5));

        assertThat(m.title()).isEqualTo("Good");
        assertThat(m.audio().album()).isNull();
    }

    @Test
    void splitsId3v24ValuesSeparatedByNul() throws Exception {
        ParsedMetadata m = read(tag(4, 0, frame24("TPE2", text(3, "Jane Roe", "John Doe")),
                frame24("TCON", text(3, "Audiobook", "Fantasy"))), audio(5));

        assertThat(m.authors()).containsExactly(Contributor.author("Jane Roe"), Contributor.author("John Doe"));
        assertThat(m.genres()).containsExactly("Audiobook", "Fantasy");
    }

    @Test
    void skipsCompressedAndEncryptedFrames() throws Exception {
        ParsedMetadata m = read(tag(4, 0, frame("TALB", 0x08 | 0x01, true, concat(new byte[4], text(0, "Zipped"))),
                frame("TPE1", 0x04, true, concat(new byte[1], text(0, "Secret"))), frame24("TIT2", text(0, "Plain"))),
                audio(5));

        assertThat(m.title()).isEqualTo("Plain");
        assertThat(m.authors()).isEmpty();
    }

    @ParameterizedTest(name = "ID3v2.{0}")
    @ValueSource(ints = {3, 4})
    void skipsAnExtendedHeader(int version) throws Exception {
        byte[] extended = version == 3 ? new byte[] {0, 0, 0, 6, 0, 0, 0, 0, 0, 0}
                : new byte[] {0, 0, 0, 6, 1, 0};
        byte[] body = concat(extended, version == 3 ? frame23("TALB", text(0, "Extended")) : frame24("TALB", text(0, "Extended")));
        assertThat(read(tagWithBody(version, 0x40, body), audio(5)).title()).isEqualTo("Extended");
    }

    @Test
    void keepsTheFramesBeforeOneWhoseSizeReachesPastTheTag() throws Exception {
        byte[] liar = frame24("TPE1", text(0, "Liar"));
        ByteBuffer.wrap(liar).put(4, Id3Files.syncsafe(1 << 20));
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", text(0, "Before")), liar, frame24("TIT2", text(0, "After"))),
                audio(10));

        assertThat(m.title()).isEqualTo("Before");
        assertThat(m.authors()).isEmpty();
        assertThat(m.audio().trackTitle()).isNull();
        assertThat(m.durationSeconds()).isCloseTo(10 * 417 * 8 / 128_000.0, within(0.001));
    }

    @Test
    void readsATagClaimingHundredsOfMegabytesInASmallFileWithoutHanging() throws Exception {
        byte[] header = tag(4, 0, frame24("TALB", text(0, "Claims 256 MB")));
        System.arraycopy(new byte[] {0x7F, 0x7F, 0x7F, 0x7F}, 0, header, 6, 4);

        ParsedMetadata m = read(header);
        assertThat(m.title()).isEqualTo("Claims 256 MB");
        assertThat(m.durationSeconds()).isNull();
    }

    @Test
    void visitsABoundedNumberOfFrames() throws Exception {
        byte[][] frames = new byte[Id3v2.MAX_FRAMES + 500][];
        frames[0] = frame24("TALB", text(0, "Many Frames"));
        byte[] tiny = frame24("TXXX", new byte[] {0});
        Arrays.fill(frames, 1, frames.length, tiny);
        ParsedMetadata m = read(tag(4, 0, frames), audio(3));

        assertThat(m.title()).isEqualTo("Many Frames");
    }

    @Test
    void skipsATextFrameLargerThanTheBound() throws Exception {
        byte[] huge = text(0, "x".repeat(Id3v2.MAX_TEXT_BYTES + 1));
        ParsedMetadata m = read(tag(4, 0, frame24("COMM", huge), frame24("TALB", text(0, "After The Huge One"))), audio(3));

        assertThat(m.description()).isNull();
        assertThat(m.title()).isEqualTo("After The Huge One");
    }

    @Test
    void findsTheAudioAfterTwoTagsInARow() throws Exception {
        ParsedMetadata m = read(tag(3, 0, frame23("TALB", text(0, "First Tag"))),
                tag(4, 0, frame24("TALB", text(0, "Second Tag"))), audio(20));

        assertThat(m.title()).isEqualTo("First Tag");
        assertThat(m.durationSeconds()).isCloseTo(20 * 417 * 8 / 128_000.0, within(0.001));
    }

    @Test
    void leavesAnApeTagOutOfTheDuration() throws Exception {
        byte[] ape = new byte[64];
        ByteBuffer footer = ByteBuffer.wrap(ape, 32, 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        footer.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(64);
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", text(0, "Ape"))), audio(20), ape);

        assertThat(m.durationSeconds()).isCloseTo(20 * 417 * 8 / 128_000.0, within(0.001));
    }

    @Test
    void takesTheFrameCountOfAXingHeader() throws Exception {
        byte[] first = Id3Files.SILENT_FRAME.clone();
        int at = 4 + 17; // MPEG-1 mono side information
        System.arraycopy("Xing".getBytes(StandardCharsets.US_ASCII), 0, first, at, 4);
        ByteBuffer.wrap(first).putInt(at + 4, 1).putInt(at + 8, 1000);
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", text(0, "Vbr"))), first, audio(5));

        assertThat(m.durationSeconds()).isCloseTo(1000 * 1152 / 44_100.0, within(0.0001));
    }

    @Test
    void takesTheLengthFrameWhenThereIsNoAudio() throws Exception {
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", text(0, "Tag Only")), frame24("TLEN", text(0, "61500"))));
        assertThat(m.durationSeconds()).isEqualTo(61.5);
    }

    @Test
    void needsTwoFramesInARowToBelieveInAudio() throws Exception {
        // one frame header followed by garbage is not audio
        byte[] junk = new byte[2000];
        Arrays.fill(junk, (byte) 0x11);
        ParsedMetadata m = read(tag(4, 0, frame24("TALB", text(0, "No Audio"))), Arrays.copyOf(Id3Files.SILENT_FRAME, 4), junk);
        assertThat(m.durationSeconds()).isNull();
    }

    @Test
    void findsAudioWithoutAnyTag() throws Exception {
        ParsedMetadata m = read(audio(30));
        assertThat(m.title()).isNull();
        assertThat(m.durationSeconds()).isCloseTo(30 * 417 * 8 / 128_000.0, within(0.001));
        assertThat(m.audio()).isEqualTo(new AudioTrack(null, null, null, null, false));
    }

    @Test
    void neverLoopsOnAFileOfSyncBytes() throws Exception {
        byte[] ff = new byte[1 << 20];
        Arrays.fill(ff, (byte) 0xFF);
        assertThatThrownBy(() -> read(ff)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse MP3: not an MP3 file (no ID3 tag and no MPEG audio frame)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty  | not an MP3 file (empty)
            jpeg   | not an MP3 file (no ID3 tag and no MPEG audio frame)
            """)
    void reportsAFileThatIsNoMp3(String kind, String problem) {
        byte[] bytes = kind.equals("empty") ? new byte[0] : new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse MP3: " + problem);
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> reader.read(tmp.resolve("gone.mp3"))).isInstanceOf(MetadataParseException.class)
                .hasMessage("Failed to parse MP3: file not found");
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            (17)                 | Rock
            (17)Rock & Roll      | Rock & Roll
            17                   | Rock
            (101)(183)           | Speech;Audiobook
            Audiobook            | Audiobook
            ((Weird)             | (Weird)
            (999)                | -
            (RX)                 | Remix
            """)
    void readsEveryFormOfAnId3Genre(String tcon, String expected) {
        assertThat(AudioTags.id3Genres(tcon)).isEqualTo(expected == null ? List.of() : List.of(expected.split(";")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Audiobook", "Audio Book", "audiobooks", "Hörbuch", "Hörbücher", "Livre audio",
        "Audiolibro", "Spoken Word", "Speech", "Audio Theatre", "Fiction; Audiobook"})
    void recognisesAudiobookGenres(String genre) {
        assertThat(AudioTags.isAudiobookGenre(genre)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Rock", "Pop", "Audio", "Books", "Soundtrack", "Speed Metal"})
    void recognisesMusicGenresAsNoAudiobook(String genre) {
        assertThat(AudioTags.isAudiobookGenre(genre)).isFalse();
    }
}
