package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;
import app.colophon.testsupport.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class M4bReaderTest {

    /** Only a hang guard: each read takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final M4bReader reader = new M4bReader();

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ the real corpus, read in place

    @Test
    void readsEveryFieldOfTheGeneratedAudiobook() throws Exception {
        ParsedMetadata m = read("generated/gen-audiobook-chapters.m4b");

        assertThat(reader.format()).isEqualTo(FileFormat.M4B);
        assertThat(m.title()).isEqualTo("The Generated Audiobook: Part Two");
        assertThat(m.subtitle()).isEqualTo("Part Two");
        // ©ART is "Jane Roe, John Doe": both parts hold a space, so the comma separates two people.
        assertThat(m.authors()).containsExactly(Contributor.author("Jane Roe"), Contributor.author("John Doe"));
        assertThat(m.narrators()).containsExactly("Narrator One");
        // The freeform tags (dumped with python) say SERIES = "Generated Saga", SERIES-PART = "2"; ©grp agrees.
        assertThat(m.series()).containsExactly(new SeriesEntry("Generated Saga", 2.0));
        assertThat(m.publisher()).isEqualTo("Orchard Press");
        assertThat(m.releaseDate()).isEqualTo("2021");
        assertThat(m.genres()).containsExactly("Audiobook");
        assertThat(m.tags()).isEmpty();
        assertThat(m.description()).isEqualTo("A short generated description."); // desc wins over ©cmt
        assertThat(m.language()).isEqualTo("en"); // ----:com.pilabor.tone:LANGUAGE
        assertThat(m.identifiers()).isEmpty();
        assertThat(m.cover()).isEqualTo("covr:53026:19441:image/jpeg");
        // mvhd says 12000/1000 = 12.00 s; the manifest's 12.02 s is ffprobe's audio stream length (AAC padding).
        assertThat(m.durationSeconds()).isCloseTo(12.0, within(0.001));
        assertThat(m.pageCount()).isNull();
    }

    /**
     * Expected values from MANIFEST.tsv; durations are mvhd's (the manifest's come from ffprobe's streams). issue-2672
     * has a version-1 (64-bit) mvhd; truncated-64bit.mp4 ends inside an mdat whose 64-bit size runs past the end of
     * the file; zero-length-mdat.m4a has a top-level mdat of size 0. nonprintable-atom-type: the manifest says 0.0 s
     * because no parser finds an audio track, but its mvhd declares 16000/10000 = 1.6 s, which is what we report.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            generated/gen-audiobook-chapters.m4b    | The Generated Audiobook: Part Two | Jane Roe;John Doe | Narrator One | Audiobook  | 12.0
            audio/chapterreader-test.m4b            | German                            | -                 | -            | Audiobooks | 25.1467
            audio/music-metadata-issue-127.m4b      | The Glories of Ireland            | Joseph Dunn       | -            | Audiobook  | 15726.6895
            audio/music-metadata-issue-2672.m4b     | -                                 | -                 | -            | -          | 4.0
            audio/music-metadata-pr-544.m4a         | -                                 | -                 | -            | -          | 0.272
            audio/mutagen-ep7.m4b                   | -                                 | -                 | -            | -          | 2.021
            audio/mutagen-has-tags.m4a              | -                                 | Test Artist       | -            | -          | 3.7065
            audio/mutagen-truncated-64bit.mp4       | -                                 | Foobarella        | -            | -          | 0.3067
            audio/taglib-zero-length-mdat.m4a       | Sine wave 440Hz                   | -                 | -            | -          | 1.1146
            audio/taglib-nonprintable-atom-type.m4a | -                                 | -                 | -            | -          | 1.6
            """)
    void readsTitleAuthorsNarratorsGenresAndDurationOfEachCorpusFile(String file, String title, String authors,
            String narrators, String genres, double duration) throws Exception {
        ParsedMetadata m = read(file);

        assertThat(m.title()).isEqualTo(title);
        assertThat(field(m, "authors")).isEqualTo(authors);
        assertThat(m.authors()).allSatisfy(a -> assertThat(a.role()).isEqualTo(Contributor.AUTHOR));
        assertThat(field(m, "narrators")).isEqualTo(narrators);
        assertThat(field(m, "genres")).isEqualTo(genres);
        assertThat(m.durationSeconds()).isCloseTo(duration, within(0.001));
        assertThat(m.tags()).isEmpty();
        assertThat(m.pageCount()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"generated/gen-audiobook-chapters.m4b", "audio/chapterreader-test.m4b",
            "audio/music-metadata-issue-127.m4b", "audio/music-metadata-issue-2672.m4b",
            "audio/music-metadata-pr-544.m4a", "audio/mutagen-ep7.m4b", "audio/mutagen-has-tags.m4a",
            "audio/mutagen-truncated-64bit.mp4", "audio/taglib-zero-length-mdat.m4a"})
    void agreesWithTheManifestOnDatePublisherCoverAndLength(String file) throws Exception {
        Map<String, String> row = Corpus.manifest(file);
        ParsedMetadata m = read(file);

        assertThat(m.releaseDate()).isEqualTo(Dates.normalize(row.get("date")));
        assertThat(m.publisher()).isEqualTo(Text.clean(row.get("publisher")));
        assertThat(m.cover() != null).isEqualTo(!row.get("has_cover").equals("no"));
        double length = Double.parseDouble(row.get("fmt_version").replaceAll(".*length=([0-9.]+)s.*", "$1"));
        assertThat(m.durationSeconds()).isCloseTo(length, within(0.05));
    }

    @Test
    void takesTheAlbumAsTitleWhenTheNameIsASingleToken() throws Exception {
        ParsedMetadata m = read("audio/music-metadata-issue-127.m4b");

        // ©nam "GloriesIreland00-12_librivox" is a LibriVox file label; ©alb "The Glories of Ireland" is the book.
        assertThat(m.title()).isEqualTo("The Glories of Ireland");
        assertThat(m.authors()).containsExactly(Contributor.author("Joseph Dunn"));
        // No desc/ldes: the description falls back to ©cmt, which this ripper fills with the archive.org page.
        assertThat(m.description()).isEqualTo("https://archive.org/details/glories_of_ireland_1801_librivox");
        // "Chapter and Verse" writes ©gen with data type 18 (not a registered iTunes type; mutagen rejects it,
        // hence the manifest's empty subjects). Its bytes are valid UTF-8 "Audiobook", what the tag says, so we
        // keep it; the item's second data box (type 21, value 2) is not text.
        assertThat(m.genres()).containsExactly("Audiobook");
    }

    /**
     * issue-127's covr data has type 0 (implicit), so its JPEG magic decides the mime; has-tags.m4a's covr holds a
     * PNG (type 14) and then a JPEG (type 13): the first image is the cover.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            generated/gen-audiobook-chapters.m4b | covr:53026:19441:image/jpeg   | ffd8ff
            audio/music-metadata-issue-127.m4b   | covr:2772687:15453:image/jpeg | ffd8ff
            audio/mutagen-has-tags.m4a           | covr:3084:79:image/png        | 89504e47
            """)
    void pointsTheCoverReferenceAtTheImageBytesInsideTheFile(String file, String cover, String magic)
            throws Exception {
        assertThat(read(file).cover()).isEqualTo(cover);
        String[] parts = cover.split(":");
        long offset = Long.parseLong(parts[1]);
        try (RandomAccessFile raf = new RandomAccessFile(Corpus.file(file).toFile(), "r")) {
            assertThat(offset + Long.parseLong(parts[2])).isLessThanOrEqualTo(raf.length());
            byte[] head = new byte[magic.length() / 2];
            raf.seek(offset);
            raf.readFully(head);
            assertThat(HexFormat.of().formatHex(head)).isEqualTo(magic);
        }
    }

    @Test
    void readsDateDescriptionSortTitleAndMovementSeriesOfAnMp3tagFile() throws Exception {
        ParsedMetadata m = read("audio/music-metadata-pr-544.m4a");

        assertThat(m.releaseDate()).isEqualTo("2020-06-29"); // ©day "2020-06-29T00:00:00.000Z"
        assertThat(m.description()).isEqualTo("Short Description"); // desc wins over ldes and ©cmt
        assertThat(m.sortTitle()).isEqualTo("Title Sort"); // sonm
        // The manifest lists no series, but the file carries ©mvn "Movement Name" / ©mvi 1 (type 21), the
        // movement tags that tone and Audiobookshelf use for an audiobook's series and position.
        assertThat(m.series()).containsExactly(new SeriesEntry("Movement Name", 1.0));
        assertThat(m.title()).isNull();
        assertThat(m.authors()).isEmpty();
    }

    /**
     * ep7 has an empty ilst; issue-2672 only ©too (the encoder); nonprintable-atom-type has no udta (so no ilst is
     * read: empty metadata plus duration), only a QuickTime-style moov/meta (no version/flags) holding keys
     * (com.android.version) and an ilst item whose type is 0x00000001, a key index.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"audio/mutagen-ep7.m4b", "audio/music-metadata-issue-2672.m4b",
            "audio/taglib-nonprintable-atom-type.m4a"})
    void yieldsNoTagsForFilesWithoutBookTags(String file) throws Exception {
        ParsedMetadata m = read(file);

        assertThat(m).usingRecursiveComparison().ignoringFields("durationSeconds", "audio")
                .isEqualTo(ParsedMetadata.empty());
        assertThat(m.durationSeconds()).isPositive();
        // an M4B is an audiobook by its kind, tags or not
        assertThat(m.audio()).isEqualTo(new AudioTrack(null, null, null, null, true));
    }

    // ------------------------------------------------------------------ tag conventions, on synthetic files

    /** Items are {@code type=value} separated by {@code ~}; freeform items are {@code ----:mean:name=value}. */
    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ©nam=Real Title ~ ©alb=Album Title                   | title       | Real Title
            ©alb=Only Album                                      | title       | Only Album
            ©nam=Track01_rip ~ ©alb=The Real Title               | title       | The Real Title
            ©nam=Solo ~ ©alb=Solo2                               | title       | Solo
            ©ART=Jane Roe, John Doe ~ aART=Other                 | authors     | Jane Roe;John Doe
            ©ART=Doe, Jane                                       | authors     | Doe, Jane
            ©ART=Doe, Jane; Roe, John                            | authors     | Doe, Jane;Roe, John
            ©ART=Brandon Sanderson, Jr.                          | authors     | Brandon Sanderson, Jr.
            ©ART=A. B. Writer & C. D. Other                      | authors     | A. B. Writer;C. D. Other
            aART=Album Artist ~ ©wrt=Writer                      | authors     | Album Artist
            ©wrt=Writer                                          | authors     | Writer
            ©nrt=Kate Reading & Michael Kramer ~ ©cmp=Composer   | narrators   | Kate Reading;Michael Kramer
            ©cmp=Simon Vance                                     | narrators   | Simon Vance
            ©grp=Generated Saga #2                               | series      | Generated Saga #2
            ©grp=The Expanse #2.5                                | series      | The Expanse #2.5
            ©grp=Wheel of Time, Book 3                           | series      | Wheel of Time #3
            ©grp=Wheel of Time Book 3                            | series      | Wheel of Time #3
            ©grp=Stormlight Archive                              | series      | Stormlight Archive
            ©mvn=Movement ~ ©mvi=4 ~ ©grp=Grouping #9            | series      | Movement #4
            ----:com.apple.iTunes:SERIES=Dune ~ ----:com.apple.iTunes:SERIES-PART=1.5 ~ ©mvn=M ~ ©grp=G #9 | series | Dune #1.5
            ----:org.example:SERIES=Unknown Owner                | series      | -
            ©gen=Fantasy/Epic; Adventure, Fiction                | genres      | Fantasy;Epic;Adventure;Fiction
            desc=Short ~ ldes=Long ~ ©cmt=Comment                | description | Short
            ldes=Long ~ ©cmt=Comment                             | description | Long
            ©cmt=Comment                                         | description | Comment
            ----:com.apple.iTunes:SUBTITLE=A Subtitle            | subtitle    | A Subtitle
            ----:com.apple.iTunes:LANGUAGE=fr                    | language    | fr
            ----:com.pilabor.tone:LANGUAGE=de                    | language    | de
            ----:com.apple.iTunes:ASIN=B00TESTASN ~ ----:com.apple.iTunes:ISBN=978-0-306-40615-7 | identifiers | ASIN:B00TESTASN;ISBN13:9780306406157
            ----:com.apple.iTunes:AUDIBLE_ASIN=B0AUDIBLE1        | identifiers | ASIN:B0AUDIBLE1
            ©pub=Orchard Press                                   | publisher   | Orchard Press
            ©day=2019-03-05T08:00:00Z                            | releaseDate | 2019-03-05
            sonm=Sort Me                                         | sortTitle   | Sort Me
            """)
    void mapsIlstItemsToFields(String items, String field, String expected) throws Exception {
        List<byte[]> boxes = new ArrayList<>();
        for (String item : items.split("~")) {
            String[] kv = item.trim().split("=", 2);
            String[] ff = kv[0].split(":", 3);
            boxes.add(ff.length == 3 ? freeform(ff[1], ff[2], kv[1]) : text(kv[0], kv[1]));
        }
        assertThat(field(readBytes(mp4(boxes.toArray(byte[][]::new))), field)).isEqualTo(expected);
    }

    @Test
    void readsMovementIndexAndUtf16TextWithControlCharactersRemoved() throws Exception {
        byte[] utf16 = box("©nam", data(2, "Caf\u00E9 \u0007Noir".getBytes(StandardCharsets.UTF_16BE)));
        ParsedMetadata m = readBytes(mp4(utf16, text("©mvn", "Saga"), box("©mvi", data(21, new byte[] {0, 3}))));
        assertThat(m.title()).isEqualTo("Caf\u00E9 Noir");
        assertThat(m.series()).containsExactly(new SeriesEntry("Saga", 3.0));
    }

    @Test
    void readsMetaWrittenWithoutVersionAndFlags() throws Exception {
        // QuickTime style: meta is a plain container, its hdlr follows the header directly.
        ParsedMetadata m = readBytes(concat(ftyp(), box("moov", mvhd(1000, 5000),
                box("udta", box("meta", hdlr(), box("ilst", text("©nam", "Plain Meta")))))));
        assertThat(m.title()).isEqualTo("Plain Meta");
        assertThat(m.durationSeconds()).isEqualTo(5.0);
    }

    @Test
    void skipsTextLargerThanOneMebibyteAndCoversThatAreNotImages() throws Exception {
        byte[] huge = new byte[(1 << 20) + 1];
        Arrays.fill(huge, (byte) 'a');
        ParsedMetadata m = readBytes(mp4(box("©nam", data(1, huge)), text("©alb", "The Album"),
                box("covr", data(0, "plain text".getBytes(StandardCharsets.UTF_8)))));
        assertThat(m.title()).isEqualTo("The Album");
        assertThat(m.cover()).isNull();
    }

    // ------------------------------------------------------------------ hostile input

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an empty file           | ''                                                 | truncated file
            7 bytes                 | 00000008667479                                     | truncated file
            a JPEG                  | ffd8ffe000104a46494600010100000100010000ffdb0043   | not an MP4 file (no ftyp/moov atom)
            zeros                   | 0000000000000000000000000000000000000000           | not an MP4 file (no ftyp/moov atom)
            an ftyp without moov    | 00000010667479704d344220000000000000000c6d64617400 | truncated file (no moov atom)
            """)
    void rejectsFilesThatAreNotMp4(String what, String hex, String problem) {
        assertThatThrownBy(() -> readBytes(HexFormat.of().parseHex(hex)))
                .isInstanceOf(MetadataParseException.class)
                .hasMessageStartingWith("Failed to parse M4B: " + problem);
    }

    @Test
    void rejectsPathsThatAreNotReadableFiles() {
        assertThatThrownBy(() -> reader.read(tmp.resolve("missing.m4b"))).isInstanceOf(MetadataParseException.class);
        assertThatThrownBy(() -> reader.read(tmp)).isInstanceOf(MetadataParseException.class);
    }

    @Test
    void keepsWhatWasReadBeforeAMoovChildThatClaimsASizePastTheEnd() throws Exception {
        byte[] lying = ByteBuffer.allocate(16).putInt(1_000_000).put(latin1("udta")).array();
        ParsedMetadata m = readBytes(concat(ftyp(), box("moov", mvhd(1000, 3000), lying)));
        assertThat(m.durationSeconds()).isEqualTo(3.0);
        assertThat(m.title()).isNull();

        byte[] lyingItem = ByteBuffer.allocate(8).putInt(99_999).put(latin1("©ART")).array();
        m = readBytes(mp4(text("©nam", "Kept"), lyingItem, text("©alb", "Lost")));
        assertThat(m.title()).isEqualTo("Kept");
        assertThat(m.authors()).isEmpty();
    }

    @Test
    void treatsSizeZeroInsideMoovAsRunningToTheEndOfMoov() throws Exception {
        // As the last child, a size-0 udta legitimately extends to the end of moov and is read.
        byte[] udta = box("udta", fullBox("meta", hdlr(), box("ilst", text("©nam", "Zero Sized"))));
        ByteBuffer.wrap(udta).putInt(0, 0);
        assertThat(readBytes(concat(ftyp(), box("moov", mvhd(1000, 1000), udta))).title()).isEqualTo("Zero Sized");

        // Not last: the size-0 box swallows the rest of moov, hiding the udta after it, without looping.
        byte[] free = ByteBuffer.allocate(8).putInt(0).put(latin1("free")).array();
        byte[] hidden = box("udta", fullBox("meta", hdlr(), box("ilst", text("©nam", "Hidden"))));
        ParsedMetadata m = readBytes(concat(ftyp(), box("moov", mvhd(1000, 1000), free, hidden)));
        assertThat(m.title()).isNull();
        assertThat(m.durationSeconds()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "largesize {0}")
    @ValueSource(longs = {1L << 62, Long.MIN_VALUE, -1L, 15L, 0L})
    void survivesABoxInsideMoovClaimingAnAbsurd64BitSize(long largesize) throws Exception {
        byte[] huge = ByteBuffer.allocate(16).putInt(1).put(latin1("udta")).putLong(largesize).array();
        ParsedMetadata m = readBytes(concat(ftyp(), box("moov", mvhd(1000, 7000), huge, new byte[32])));
        assertThat(m.durationSeconds()).isEqualTo(7.0);
        assertThat(m.title()).isNull();
    }

    @Test
    void readsATopLevelMoovWhose64BitSizeRunsPastTheEndAsATruncatedFile() throws Exception {
        byte[] header = ByteBuffer.allocate(16).putInt(1).put(latin1("moov")).putLong(1L << 62).array();
        byte[] body = concat(mvhd(1000, 2000), box("udta", fullBox("meta", hdlr(), box("ilst", text("©nam", "Cut")))));
        assertThat(readBytes(concat(ftyp(), header, body)).title()).isEqualTo("Cut");
    }

    @Test
    void survivesDeepNestingAndMoreBoxesThanTheBudget() throws Exception {
        int depth = 5_000;
        ByteBuffer nested = ByteBuffer.allocate(8 * depth);
        for (int i = 0; i < depth; i++) {
            nested.putInt(8 * (depth - i)).put(latin1(i % 2 == 0 ? "udta" : "meta"));
        }
        assertThat(readBytes(concat(ftyp(), box("moov", mvhd(1000, 1000), nested.array()))).durationSeconds())
                .isEqualTo(1.0);

        ByteBuffer tiny = ByteBuffer.allocate(8 * 200_000);
        while (tiny.hasRemaining()) {
            tiny.putInt(8).put(latin1("free"));
        }
        // The walk stops after 100,000 box headers, so the title behind 200,000 empty boxes is not reached.
        ParsedMetadata m = readBytes(mp4(tiny.array(), text("©nam", "Beyond The Budget")));
        assertThat(m.durationSeconds()).isEqualTo(1.0);
        assertThat(m.title()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"audio/mutagen-has-tags.m4a", "audio/music-metadata-pr-544.m4a",
            "audio/taglib-nonprintable-atom-type.m4a", "generated/gen-audiobook-chapters.m4b"})
    void survivesRandomCorruptionOfRealFiles(String file) throws Exception {
        byte[] original = Files.readAllBytes(Corpus.file(file));
        Random random = new Random(file.hashCode());
        for (int i = 0; i < 200; i++) {
            byte[] mutated = i % 10 == 0 ? Arrays.copyOf(original, random.nextInt(original.length)) : original.clone();
            for (int flips = i % 10 == 0 ? 0 : 1 + random.nextInt(8); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                assertThat(readBytes(mutated)).isNotNull();
            } catch (MetadataParseException e) {
                // a clear parse error is fine; a wrapped RuntimeException would be a bug in the reader
                assertThat(e.getCause() instanceof RuntimeException).as("wrapped bug: %s", e.getCause()).isFalse();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private ParsedMetadata read(String corpusFile) throws Exception {
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(Corpus.file(corpusFile)));
    }

    private ParsedMetadata readBytes(byte[] content) throws Exception {
        Path file = Files.write(Files.createTempFile(tmp, "book", ".m4b"), content);
        return assertTimeoutPreemptively(HANG_GUARD, () -> reader.read(file));
    }

    /** One field as text: lists joined with ';' (null when empty), people by name, series as "Name #2". */
    private static String field(ParsedMetadata m, String field) throws ReflectiveOperationException {
        Object value = ParsedMetadata.class.getMethod(field).invoke(m); // the record accessor of that name
        if (!(value instanceof List<?> list)) {
            return (String) value;
        }
        return list.isEmpty() ? null : list.stream().map(v -> v instanceof Contributor c ? c.name()
                : v instanceof SeriesEntry e ? e.display()
                : v instanceof Identifier i ? i.type() + ":" + i.value() : v.toString())
                .collect(Collectors.joining(";"));
    }

    private static byte[] latin1(String type) {
        return type.getBytes(StandardCharsets.ISO_8859_1); // "©nam" → A9 6E 61 6D
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(ByteBuffer.allocate(8).putInt(8 + body.length).put(latin1(type)).array(), body);
    }

    private static byte[] fullBox(String type, byte[]... payload) {
        return box(type, concat(new byte[4], concat(payload)));
    }

    private static byte[] data(int type, byte[] value) {
        return box("data", ByteBuffer.allocate(8).putInt(type).putInt(0).array(), value);
    }

    private static byte[] text(String itemType, String value) {
        return box(itemType, data(1, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] freeform(String mean, String name, String value) {
        return box("----", fullBox("mean", mean.getBytes(StandardCharsets.UTF_8)),
                fullBox("name", name.getBytes(StandardCharsets.UTF_8)),
                data(1, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] ftyp() {
        return box("ftyp", latin1("M4B \0\0\0\0M4B mp42isom"));
    }

    private static byte[] hdlr() {
        return fullBox("hdlr", latin1("\0\0\0\0mdirappl\0\0\0\0\0\0\0\0\0"));
    }

    /** A version-0 mvhd: version/flags, creation, modification, timescale, duration, then the rest (zeros). */
    private static byte[] mvhd(int timescale, int duration) {
        return box("mvhd", ByteBuffer.allocate(100).putInt(0).putInt(0).putInt(0).putInt(timescale).putInt(duration)
                .array());
    }

    /** ftyp + moov { mvhd (1 s), udta { meta (full box) { hdlr, ilst { items } } } }. */
    private static byte[] mp4(byte[]... ilstItems) {
        return concat(ftyp(), box("moov", mvhd(1000, 1000),
                box("udta", fullBox("meta", hdlr(), box("ilst", ilstItems)))));
    }
}
