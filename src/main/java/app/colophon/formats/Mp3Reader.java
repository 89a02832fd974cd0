package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Reads one MP3 file of an audiobook — usually one chapter of a book told in many files — from its ID3v2 tag
 * ({@link Id3v2}), its ID3v1 tag where ID3v2 says nothing, and the length of its audio ({@link MpegAudio}); the
 * audio itself is never decoded. The book-level values are those of the album, so every chapter file of a book
 * gives the same ones; {@link ParsedMetadata#audio()} says where the file sits in the book.
 *
 * <p>Field mapping (first present wins), after Audiobookshelf's conventions (docs/DECISIONS.md): title {@code TALB}
 * else {@code TIT2}; subtitle {@code TXXX:SUBTITLE} else {@code TIT3}; sort title {@code TSOA}; authors {@code TPE2}
 * (album artist) else {@code TPE1}; narrators {@code TXXX:NARRATOR} else {@code TCOM}; series {@code TXXX:SERIES} and
 * {@code SERIES-PART}, else {@code MVNM}/{@code MVIN}, else the grouping {@code GRP1}/{@code TIT1} ("Saga #2");
 * genres {@code TCON}; release date {@code TDRC} else {@code TYER} else {@code TDRL} else {@code TDOR}/{@code TORY};
 * publisher {@code TPUB}; description {@code TXXX:DESCRIPTION} else {@code COMM}; language {@code TLAN}; identifiers
 * {@code TXXX:ASIN}, {@code AUDIBLE_ASIN}, {@code ISBN}; cover {@code APIC} (front cover first).
 */
public final class Mp3Reader implements FormatReader {

    /** The prefix of a cover that must be decoded from the tag (unsynchronised): {@code id3:apic}. */
    public static final String DECODED_COVER = "id3:apic";

    private static final int ID3V1_SIZE = 128;
    private static final int MAX_CHAINED_TAGS = 8;

    @Override
    public FileFormat format() {
        return FileFormat.MP3;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel);
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(FileFormat.MP3, "file not found", e);
        } catch (IOException e) {
            throw new MetadataParseException(FileFormat.MP3, "cannot read file (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException e) {
            // a bug or an input we did not foresee: still a parse error of this file, never a crash of the scan
            throw new MetadataParseException(FileFormat.MP3, "unreadable ID3 tag (" + e + ")", e);
        }
    }

    private static ParsedMetadata read(FileChannel channel) throws IOException, MetadataParseException {
        long size = channel.size();
        if (size == 0) {
            throw new MetadataParseException(FileFormat.MP3, "not an MP3 file (empty)");
        }
        Id3v2.Tag tag = Id3v2.read(channel, 0);
        long audioStart = tag == null ? 0 : Math.min(tag.end(), size);
        // some files carry two or more ID3v2 tags in a row (a tagger prepended a new one); only the first is read
        for (int i = 0; i < MAX_CHAINED_TAGS; i++) {
            long next = Id3v2.tagSize(MpegAudio.read(channel, audioStart, 10));
            if (next < 0) {
                break;
            }
            audioStart = Math.min(audioStart + next, size);
        }
        Id3v1 v1 = Id3v1.read(channel, size);
        long audioEnd = Math.max(audioStart, size - (v1 != null ? ID3V1_SIZE : 0));
        audioEnd = Math.max(audioStart, audioEnd - apeTagSize(channel, audioEnd));
        Double duration = MpegAudio.duration(channel, audioStart, audioEnd);
        if (tag == null && v1 == null && duration == null) {
            throw new MetadataParseException(FileFormat.MP3, "not an MP3 file (no ID3 tag and no MPEG audio frame)");
        }
        if (duration == null && tag != null) {
            Integer ms = AudioTags.leadingNumber(tag.first("TLEN"));
            duration = ms != null && ms > 0 ? ms / 1000.0 : null;
        }
        return metadata(tag, v1, duration);
    }

    private static ParsedMetadata metadata(Id3v2.Tag tag, Id3v1 v1, Double duration) {
        Id3v2.Tag t = tag != null ? tag : new Id3v2.Tag(0, 0, java.util.Map.of(), java.util.Map.of(), List.of(), null);
        ParsedMetadata.Builder b = ParsedMetadata.builder();
        String album = first(t.first("TALB"), v1 == null ? null : v1.album());
        String trackTitle = first(t.first("TIT2"), v1 == null ? null : v1.title());
        b.title(first(album, trackTitle));
        b.subtitle(first(t.user("SUBTITLE"), t.first("TIT3")));
        b.sortTitle(t.first("TSOA"));

        List<String> authors = names(t.all("TPE2"));
        String authorSort = t.first("TSO2"); // iTunes' album artist sort order
        if (authors.isEmpty()) {
            authors = names(t.all("TPE1"));
            authorSort = t.first("TSOP");
        }
        if (authors.isEmpty() && v1 != null) {
            authors = Names.split(v1.artist());
            authorSort = null;
        }
        // a sort tag is one text for the whole frame: it names the author only when there is one
        String fileAs = authors.size() == 1 ? authorSort : null;
        authors.forEach(a -> b.author(new Contributor(a, Contributor.AUTHOR, fileAs)));
        String narratorTag = first(t.user("NARRATOR"), t.user("NARRATEDBY"));
        List<String> narrators = narratorTag != null ? names(userAll(t, "NARRATOR", "NARRATEDBY")) : names(t.all("TCOM"));
        narrators.forEach(b::narrator);

        AudioTags.series(t.user("SERIES"), t.user("SERIES-PART"), t.first("MVNM"),
                M4bReader.parseNumber(t.first("MVIN")), first(t.first("GRP1"), t.first("TIT1"))).forEach(b::series);
        List<String> genres = new java.util.ArrayList<>();
        for (String value : t.all("TCON")) {
            genres.addAll(AudioTags.id3Genres(value));
        }
        if (genres.isEmpty() && v1 != null && v1.genre() != null) {
            genres.add(v1.genre());
        }
        AudioTags.genres(genres).forEach(b::genre);

        String date = first(t.first("TDRC"), t.first("TYER"), t.first("TDRL"), t.first("TDOR"), t.first("TORY"),
                v1 == null ? null : v1.year());
        b.releaseDate(Dates.normalize(date));
        b.publisher(t.first("TPUB"));
        b.description(first(t.user("DESCRIPTION"), comment(t)));
        b.language(first(t.first("TLAN"), t.user("LANGUAGE")));
        AudioTags.addIdentifier(b, t.user("ASIN"), "asin");
        AudioTags.addIdentifier(b, t.user("AUDIBLE_ASIN"), "asin");
        AudioTags.addIdentifier(b, t.user("ISBN"), "isbn");
        b.cover(cover(t.picture()));
        b.durationSeconds(duration);

        boolean audiobook = genres.stream().anyMatch(AudioTags::isAudiobookGenre) || narratorTag != null
                || t.user("ASIN") != null || t.user("AUDIBLE_ASIN") != null || t.user("SERIES") != null;
        Integer track = AudioTags.leadingNumber(t.first("TRCK"));
        if (track == null && v1 != null) {
            track = v1.track();
        }
        b.audio(new AudioTrack(album, AudioTags.leadingNumber(t.first("TPOS")), track, trackTitle, audiobook));
        return b.build();
    }

    /** {@code apic:<offset>:<length>:<mime>} of image bytes lying in the file as they are, else {@link #DECODED_COVER}. */
    private static String cover(Id3v2.Picture p) {
        if (p == null) {
            return null;
        }
        return p.inFile() ? "apic:" + p.offset() + ":" + p.length() + ":" + p.mime() : DECODED_COVER;
    }

    /** The comment to show: the first without a description, else the first that is not an iTunes note. */
    private static String comment(Id3v2.Tag t) {
        String fallback = null;
        for (Id3v2.Comment c : t.comments()) {
            String description = c.description() == null ? "" : c.description().trim();
            if (Text.cleanMultiline(c.text()) == null || description.toLowerCase(Locale.ROOT).startsWith("itun")) {
                continue; // iTunNORM, iTunSMPB … hold numbers for players
            }
            if (description.isEmpty()) {
                return c.text();
            }
            if (fallback == null) {
                fallback = c.text();
            }
        }
        return fallback;
    }

    private static List<String> userAll(Id3v2.Tag t, String... keys) {
        for (String key : keys) {
            List<String> values = t.userText().get(key);
            if (values != null && !values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    private static List<String> names(List<String> values) {
        List<String> out = new java.util.ArrayList<>();
        for (String value : values) {
            out.addAll(Names.split(value));
        }
        return out;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (Text.clean(v) != null) {
                return v;
            }
        }
        return null;
    }

    /** The size of an APEv2 tag ending at {@code end} (its 32-byte footer last), or 0 when there is none. */
    private static long apeTagSize(FileChannel channel, long end) throws IOException {
        if (end < 32) {
            return 0;
        }
        byte[] footer = MpegAudio.read(channel, end - 32, 32);
        if (footer.length < 32 || !new String(footer, 0, 8, StandardCharsets.ISO_8859_1).equals("APETAGEX")) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN);
        long size = b.getInt(12) & 0xFFFFFFFFL;
        boolean header = (b.getInt(20) & 0x80000000) != 0;
        long total = size + (header ? 32 : 0);
        return total <= end ? total : 0;
    }

    /** The 128-byte ID3v1 (or v1.1, with a track number) tag at the end of the file. */
    record Id3v1(String title, String artist, String album, String year, Integer track, String genre) {

        static Id3v1 read(FileChannel channel, long size) throws IOException {
            if (size < ID3V1_SIZE) {
                return null;
            }
            byte[] b = MpegAudio.read(channel, size - ID3V1_SIZE, ID3V1_SIZE);
            if (b.length < ID3V1_SIZE || b[0] != 'T' || b[1] != 'A' || b[2] != 'G') {
                return null;
            }
            Integer track = b[125] == 0 && b[126] != 0 ? (b[126] & 0xFF) : null;
            int genre = b[127] & 0xFF;
            return new Id3v1(field(b, 3, 30), field(b, 33, 30), field(b, 63, 30), field(b, 93, 4), track,
                    genre == 255 ? null : AudioTags.id3Genre(String.valueOf(genre)));
        }

        private static String field(byte[] b, int from, int length) {
            int end = from;
            while (end < from + length && b[end] != 0) {
                end++;
            }
            byte[] raw = java.util.Arrays.copyOfRange(b, from, end);
            List<String> values = Id3Text.strings(withLatin1Marker(raw), 1);
            return values.isEmpty() ? null : Text.clean(values.get(0));
        }

        private static byte[] withLatin1Marker(byte[] raw) {
            byte[] out = new byte[raw.length + 1];
            System.arraycopy(raw, 0, out, 1, raw.length);
            return out;
        }
    }
}
