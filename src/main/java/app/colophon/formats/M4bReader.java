package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the iTunes-style tags of an M4B/M4A/MP4 audiobook ({@code moov/udta/meta/ilst}) and its duration
 * ({@code moov/mvhd}) with a hand-written, bounded box walker ({@link Mp4Boxes}); the audio itself is never read.
 *
 * <p>Field mapping (first present wins): title {@code ©nam} else {@code ©alb}; subtitle freeform {@code SUBTITLE};
 * authors {@code ©ART} else {@code aART} else {@code ©wrt}; narrators {@code ©nrt} else {@code ©cmp}; series
 * freeform {@code SERIES}/{@code SERIES-PART} else {@code ©mvn}/{@code ©mvi} else {@code ©grp}; genres
 * {@code ©gen}; description {@code desc} else {@code ldes} else {@code ©cmt}; sort title {@code sonm}; publisher
 * {@code ©pub}; release date {@code ©day}; language freeform {@code LANGUAGE}; identifiers freeform {@code ASIN},
 * {@code AUDIBLE_ASIN}, {@code ISBN}. The cover is a reference {@code covr:<offset>:<length>:<mime>} to the first
 * image payload of the {@code covr} item, resolved later by the cover cache.
 *
 * <p>The walk follows one fixed path ({@code moov → udta → meta → ilst → item → data}) instead of recursing into
 * every container, so nesting never goes deeper than six levels whatever the file claims.
 */
public final class M4bReader implements FormatReader {

    private static final String NAM = "\u00A9nam";
    private static final String ALB = "\u00A9alb";
    private static final String ART = "\u00A9ART";
    private static final String WRT = "\u00A9wrt";
    private static final String NRT = "\u00A9nrt";
    private static final String CMP = "\u00A9cmp";
    private static final String MVN = "\u00A9mvn";
    private static final String MVI = "\u00A9mvi";
    private static final String GRP = "\u00A9grp";
    private static final String GEN = "\u00A9gen";
    private static final String CMT = "\u00A9cmt";
    private static final String PUB = "\u00A9pub";
    private static final String DAY = "\u00A9day";
    /** The plain-text items we map; everything else in {@code ilst} is skipped without reading its payload. */
    private static final Set<String> TEXT_ITEMS = Set.of(NAM, ALB, ART, "aART", WRT, NRT, CMP, MVN, GRP, GEN,
            "desc", "ldes", CMT, PUB, DAY, "sonm", "soar", "soaa");
    /** Track and disc numbers and iTunes's media kind ({@code stik}: 1 music, 2 audiobook …). */
    private static final Set<String> NUMBER_ITEMS = Set.of("trkn", "disk", "stik");
    /** iTunes's media kind for an audiobook. */
    private static final long STIK_AUDIOBOOK = 2;
    /** Owners ({@code mean}) of the freeform {@code ----} items we read. */
    private static final Set<String> FREEFORM_OWNERS = Set.of("com.apple.itunes", "com.pilabor.tone");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern SERIES_HASH = Pattern.compile("^(.+?)\\s*#\\s*(\\d+(?:\\.\\d+)?)$");
    private static final Pattern SERIES_BOOK = Pattern.compile(
            "^(.+?)\\s*,?\\s+(?:book|vol\\.?|volume)\\s*(\\d+(?:\\.\\d+)?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final FileFormat format;

    public M4bReader() {
        this(FileFormat.M4B);
    }

    /** The same box walk for M4A files, whose values follow the chapter-file conventions ({@link M4aReader}). */
    M4bReader(FileFormat format) {
        this.format = format;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(new Mp4Boxes(channel));
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(format, "file not found", e);
        } catch (IOException e) {
            throw new MetadataParseException(format, "cannot read file (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // A bug or an input we did not foresee: still a parse error of this file, never a crash of the scan.
            throw new MetadataParseException(format, "unreadable MP4 structure (" + e + ")", e);
        }
    }

    private ParsedMetadata parse(Mp4Boxes boxes) throws IOException, MetadataParseException {
        if (boxes.fileSize() < 8) {
            throw new MetadataParseException(format, "truncated file (" + boxes.fileSize() + " bytes)");
        }
        boolean ftypFirst = false;
        Mp4Boxes.Box moov = null;
        long pos = 0;
        Mp4Boxes.Box box;
        while ((box = boxes.boxAt(pos, boxes.fileSize(), true)) != null) {
            if (pos == 0) {
                ftypFirst = box.type().equals("ftyp");
            }
            if (box.type().equals("moov")) {
                moov = box;
                break;
            }
            pos = box.end();
        }
        if (moov == null && boxes.exhausted()) {
            // without this, 100,000 empty boxes before the moov would be reported as a cut-off download
            throw new MetadataParseException(format, "too many boxes (more than " + Mp4Boxes.MAX_BOXES + ")");
        }
        if (moov == null) {
            // Every playable MP4 has a moov; with an ftyp but no moov the file is a cut-off download (moov is often
            // written last), which the user should see as an error rather than as a book without metadata.
            throw new MetadataParseException(format, ftypFirst
                    ? "truncated file (no moov atom)" : "not an MP4 file (no ftyp/moov atom)");
        }
        Tags tags = new Tags();
        Double duration = null;
        for (Mp4Boxes.Box child : boxes.children(moov, 0, 1)) {
            if (child.type().equals("mvhd") && duration == null) {
                duration = boxes.movieDuration(child);
            } else if (child.type().equals("udta")) {
                for (Mp4Boxes.Box meta : boxes.children(child, 0, 2)) {
                    if (meta.type().equals("meta")) {
                        readMeta(boxes, meta, tags);
                    }
                }
            }
        }
        return format == FileFormat.M4A ? tags.toChapterFileMetadata(duration) : tags.toMetadata(duration);
    }

    /**
     * {@code meta} is a full box (4 bytes version/flags before its children) in iTunes files, but QuickTime writes
     * it as a plain container: when the bytes right after the header already form a plausible child box
     * ({@code hdlr} …), there is no version/flags field.
     */
    private static void readMeta(Mp4Boxes boxes, Mp4Boxes.Box meta, Tags tags) throws IOException {
        Mp4Boxes.Box firstChild = boxes.boxAt(meta.payloadStart(), meta.end(), false);
        boolean plain = firstChild != null
                && Set.of("hdlr", "ilst", "keys", "free").contains(firstChild.type());
        List<Mp4Boxes.Box> children = boxes.children(meta, plain ? 0 : 4, 3);
        for (Mp4Boxes.Box ilst : children) {
            if (ilst.type().equals("ilst")) {
                for (Mp4Boxes.Box item : boxes.children(ilst, 0, 4)) {
                    readItem(boxes, item, tags);
                }
            }
        }
    }

    private static void readItem(Mp4Boxes boxes, Mp4Boxes.Box item, Tags tags) throws IOException {
        String type = item.type();
        if (!type.equals("----") && !type.equals("covr") && !type.equals(MVI) && !TEXT_ITEMS.contains(type)
                && !NUMBER_ITEMS.contains(type)) {
            return;
        }
        List<Mp4Boxes.Box> parts = boxes.children(item, 0, 5);
        switch (type) {
            case "----" -> {
                String mean = boxes.fullBoxString(Mp4Boxes.first(parts, "mean"));
                String name = boxes.fullBoxString(Mp4Boxes.first(parts, "name"));
                if (mean != null && name != null && FREEFORM_OWNERS.contains(mean.toLowerCase(Locale.ROOT))) {
                    tags.putFreeform(name.toUpperCase(Locale.ROOT), firstText(boxes, parts));
                }
            }
            case "covr" -> {
                if (tags.cover == null) {
                    tags.cover = coverReference(boxes, parts);
                }
            }
            case "trkn", "disk" -> {
                // data: 2 bytes reserved, 2 bytes number, 2 bytes total (and 2 more for trkn)
                Mp4Boxes.Data data = parts.isEmpty() ? null : boxes.data(parts.get(0));
                if (data != null && data.type() == 0 && data.payloadSize() >= 4 && data.payloadSize() <= 8) {
                    byte[] b = boxes.read(data.payloadStart(), 4);
                    int n = b.length == 4 ? ((b[2] & 0xFF) << 8) | (b[3] & 0xFF) : 0;
                    tags.numbers.putIfAbsent(type, n);
                }
            }
            case "stik" -> {
                Mp4Boxes.Data data = parts.isEmpty() ? null : boxes.data(parts.get(0));
                Long kind = boxes.integer(data);
                if (kind != null && tags.mediaKind == null) {
                    tags.mediaKind = kind;
                }
            }
            case MVI -> {
                Mp4Boxes.Data data = parts.isEmpty() ? null : boxes.data(parts.get(0));
                if (data != null && tags.movementIndex == null) {
                    Long n = boxes.integer(data); // null unless an integer type; some taggers write "3" as text
                    tags.movementIndex = n != null ? (n > 0 ? Double.valueOf(n) : null) : parseNumber(boxes.text(data));
                }
            }
            default -> tags.put(type, firstText(boxes, parts));
        }
    }

    /** The first {@code data} box of an item that holds text (an item may carry several, e.g. text then an int). */
    private static String firstText(Mp4Boxes boxes, List<Mp4Boxes.Box> parts) throws IOException {
        for (Mp4Boxes.Box part : parts) {
            String text = Text.cleanMultiline(boxes.text(boxes.data(part)));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** {@code covr:<absolute offset>:<length>:<mime>} of the first image payload; the image bytes are not read. */
    private static String coverReference(Mp4Boxes boxes, List<Mp4Boxes.Box> parts) throws IOException {
        for (Mp4Boxes.Box part : parts) {
            Mp4Boxes.Data data = boxes.data(part);
            String mime = boxes.imageMime(data);
            if (mime != null) {
                return "covr:" + data.payloadStart() + ":" + data.payloadSize() + ":" + mime;
            }
        }
        return null;
    }

    /** A series from a grouping such as "Name #2", "Name, Book 2", "Name Book 2" or just "Name". */
    static SeriesEntry parseGrouping(String grouping) {
        String value = Text.clean(grouping);
        if (value == null) {
            return null;
        }
        for (Pattern p : List.of(SERIES_HASH, SERIES_BOOK)) {
            Matcher m = p.matcher(value);
            if (m.matches()) {
                String name = Text.clean(m.group(1).replaceAll("[,:\\-\\s]+$", ""));
                if (name != null) {
                    return new SeriesEntry(name, Text.finiteNumber(m.group(2)));
                }
            }
        }
        return new SeriesEntry(value, null);
    }

    /** The first number in a text such as "2", "2.5" or "Book 2"; null when there is none. */
    static Double parseNumber(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text.replace(',', '.'));
        return m.find() ? Text.finiteNumber(m.group()) : null;
    }

    /** The values found in {@code ilst}: the first occurrence of each item wins. */
    private static final class Tags {
        private final Map<String, String> items = new HashMap<>();
        private final Map<String, String> freeform = new HashMap<>();
        private Double movementIndex;
        private String cover;
        private final Map<String, Integer> numbers = new HashMap<>();
        private Long mediaKind;

        void put(String type, String value) {
            if (value != null) {
                items.putIfAbsent(type, value);
            }
        }

        void putFreeform(String name, String value) {
            if (value != null) {
                freeform.putIfAbsent(name, value);
            }
        }

        private String item(String... types) {
            for (String type : types) {
                String v = Text.clean(items.get(type));
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /**
         * The authors from the first of {@code types} that has a value; a lone author takes that item's sort tag
         * ({@code soar} for the artist, {@code soaa} for the album artist) as the sort form of the name.
         */
        private void authors(ParsedMetadata.Builder b, String... types) {
            for (String type : types) {
                String value = Text.clean(items.get(type));
                if (value != null) {
                    List<String> names = Names.split(value);
                    String sort = type.equals(ART) ? items.get("soar") : type.equals("aART") ? items.get("soaa") : null;
                    String fileAs = names.size() == 1 ? sort : null;
                    names.forEach(name -> b.author(new Contributor(name, Contributor.AUTHOR, fileAs)));
                    return;
                }
            }
        }

        ParsedMetadata toMetadata(Double duration) {
            ParsedMetadata.Builder b = ParsedMetadata.builder();
            b.title(title());
            b.sortTitle(items.get("sonm"));
            b.subtitle(freeform.get("SUBTITLE"));
            authors(b, ART, "aART", WRT);
            narrators().forEach(b::narrator);
            AudioTags.series(freeform.get("SERIES"), freeform.get("SERIES-PART"), item(MVN), movementIndex,
                    items.get(GRP)).forEach(b::series);
            Text.split(items.get(GEN), "[,;/]").forEach(b::genre);
            String description = items.get("desc");
            if (Text.clean(description) == null) {
                description = items.get("ldes");
            }
            if (Text.clean(description) == null) {
                description = items.get(CMT);
            }
            b.description(description);
            b.publisher(items.get(PUB));
            b.releaseDate(Dates.normalize(items.get(DAY)));
            b.language(freeform.get("LANGUAGE"));
            addIdentifier(b, freeform.get("ASIN"), "asin");
            addIdentifier(b, freeform.get("AUDIBLE_ASIN"), "asin");
            addIdentifier(b, freeform.get("ISBN"), "isbn");
            b.cover(cover);
            b.durationSeconds(duration);
            b.audio(new AudioTrack(item(ALB), numbers.get("disk"), numbers.get("trkn"), item(NAM), true));
            return b.build();
        }

        /**
         * An M4A is usually one chapter or part of a book told in several files (or a song): the book's values are
         * the album's, as for MP3 ({@link Mp3Reader}): title {@code ©alb} else {@code ©nam}, authors {@code aART}
         * (album artist) else {@code ©ART} else {@code ©wrt}; the rest as in an M4B.
         */
        ParsedMetadata toChapterFileMetadata(Double duration) {
            ParsedMetadata m4b = toMetadata(duration);
            ParsedMetadata.Builder b = ParsedMetadata.builder();
            b.title(item(ALB, NAM)).sortTitle(m4b.sortTitle()).subtitle(m4b.subtitle()).description(m4b.description());
            authors(b, "aART", ART, WRT);
            m4b.series().forEach(b::series);
            m4b.genres().forEach(b::genre);
            m4b.narrators().forEach(b::narrator);
            m4b.identifiers().forEach(b::identifier);
            b.publisher(m4b.publisher()).releaseDate(m4b.releaseDate()).language(m4b.language()).cover(cover)
                    .durationSeconds(duration);
            boolean audiobook = (mediaKind != null && mediaKind == STIK_AUDIOBOOK)
                    || m4b.genres().stream().anyMatch(AudioTags::isAudiobookGenre)
                    || item(NRT) != null || Text.clean(freeform.get("NARRATOR")) != null
                    || Text.clean(freeform.get("ASIN")) != null || Text.clean(freeform.get("AUDIBLE_ASIN")) != null
                    || Text.clean(freeform.get("SERIES")) != null;
            b.audio(new AudioTrack(item(ALB), numbers.get("disk"), numbers.get("trkn"), item(NAM), audiobook));
            return b.build();
        }

        /** {@code ©nrt}, else the freeform {@code NARRATOR} tag, else the composer (Audiobookshelf's convention). */
        private List<String> narrators() {
            String explicit = item(NRT);
            if (explicit == null) {
                explicit = Text.clean(freeform.get("NARRATOR"));
            }
            return Names.split(explicit != null ? explicit : item(CMP));
        }

        /**
         * {@code ©nam}, else {@code ©alb}. When {@code ©nam} is a single token (no whitespace) but {@code ©alb} has
         * words, the album is the book's title and {@code ©nam} is a file or track label: LibriVox and other
         * rippers write names like "GloriesIreland00-12_librivox" next to the album "The Glories of Ireland".
         */
        private String title() {
            String name = item(NAM);
            String album = item(ALB);
            if (name == null) {
                return album;
            }
            if (album != null && !WHITESPACE.matcher(name).find() && WHITESPACE.matcher(album).find()) {
                return album;
            }
            return name;
        }

        private static void addIdentifier(ParsedMetadata.Builder b, String value, String scheme) {
            Identifier id = Identifiers.parse(value, scheme);
            if (id != null) {
                b.identifier(id);
            }
        }
    }
}
