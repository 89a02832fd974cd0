package app.colophon.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounded reader of the ID3v2.2, 2.3 and 2.4 tag at the start of an MP3 file: its text frames, {@code TXXX}
 * user texts, {@code COMM} comments and where its picture ({@code APIC}/{@code PIC}) lies. Nothing in the tag is
 * trusted: sizes are claims checked against the tag and the file, at most {@link #MAX_FRAMES} frames are visited,
 * text frames over {@link #MAX_TEXT_BYTES} and compressed or encrypted frames are skipped, and the whole tag is read
 * into memory only when it is unsynchronised as a whole (ID3v2.2/2.3), and then at most {@link #MAX_UNSYNC_TAG_BYTES}.
 */
final class Id3v2 {

    static final int MAX_FRAMES = 10_000;
    static final int MAX_TEXT_BYTES = 1 << 20;
    static final int MAX_UNSYNC_TAG_BYTES = 16 << 20;
    /** Frame headers and text frames are read through a window of this size, so a tag costs a read or two. */
    private static final int WINDOW = 16 * 1024;

    /** ID3v2.2's three-letter frames that Colophon reads, under their ID3v2.3/2.4 names. */
    private static final Map<String, String> V22 = Map.ofEntries(
            Map.entry("TT1", "TIT1"), Map.entry("TT2", "TIT2"), Map.entry("TT3", "TIT3"), Map.entry("TAL", "TALB"),
            Map.entry("TP1", "TPE1"), Map.entry("TP2", "TPE2"), Map.entry("TCM", "TCOM"), Map.entry("TCO", "TCON"),
            Map.entry("TYE", "TYER"), Map.entry("TPB", "TPUB"), Map.entry("TRK", "TRCK"), Map.entry("TPA", "TPOS"),
            Map.entry("TLA", "TLAN"), Map.entry("TLE", "TLEN"), Map.entry("TSA", "TSOA"), Map.entry("TXX", "TXXX"),
            Map.entry("COM", "COMM"), Map.entry("PIC", "APIC"), Map.entry("TOR", "TORY"));

    /**
     * What a tag holds. Text frames keep every value (ID3v2.4 separates several by NUL); {@code TXXX} values are keyed
     * by their upper-case description.
     *
     * @param end     where the audio may start: the byte after the tag (and its footer)
     * @param picture the front cover, else the first picture; null when there is none
     */
    record Tag(int version, long end, Map<String, List<String>> text, Map<String, List<String>> userText,
               List<Comment> comments, Picture picture) {
        String first(String frame) {
            List<String> values = text.get(frame);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String frame) {
            return text.getOrDefault(frame, List.of());
        }

        String user(String description) {
            List<String> values = userText.get(description);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    record Comment(String description, String text) {
    }

    /**
     * Where the picture's image bytes lie in the file ({@code offset}, {@code length}) when they lie there as they
     * are; with {@code inFile} false the frame was unsynchronised and only {@link #bytes} (when asked for) has them.
     */
    record Picture(int type, String mime, long offset, int length, boolean inFile, byte[] bytes) {
    }

    private final FileChannel channel;
    private final long fileSize;
    private final int maxPictureBytes;
    private byte[] window = new byte[0];
    private long windowStart;

    private Id3v2(FileChannel channel, long fileSize, int maxPictureBytes) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.maxPictureBytes = maxPictureBytes;
    }

    /** The ID3v2 tag starting at {@code pos}, or null when there is none (or its header is not a valid one). */
    static Tag read(FileChannel channel, long pos) throws IOException {
        return new Id3v2(channel, channel.size(), 0).parse(pos);
    }

    /** Like {@link #read}, keeping the picture's bytes when they are at most {@code maxPictureBytes}. */
    static Tag readWithPicture(FileChannel channel, int maxPictureBytes) throws IOException {
        return new Id3v2(channel, channel.size(), maxPictureBytes).parse(0);
    }

    /** The size of an ID3v2 header at {@code pos} plus its tag (and footer), or -1 when there is no valid header. */
    static long tagSize(byte[] header) {
        if (header.length < 10 || header[0] != 'I' || header[1] != 'D' || header[2] != '3'
                || header[3] < 2 || header[3] > 4 || header[4] == (byte) 0xFF) {
            return -1;
        }
        int size = Id3Text.syncsafe(header, 6);
        if (size < 0) {
            return -1;
        }
        boolean footer = header[3] == 4 && (header[5] & 0x10) != 0;
        return 10L + size + (footer ? 10 : 0);
    }

    private Tag parse(long pos) throws IOException {
        byte[] header = read(pos, 10);
        long total = tagSize(header);
        if (total < 0) {
            return null;
        }
        int version = header[3];
        int flags = header[5] & 0xFF;
        long end = pos + total;
        long bodyStart = pos + 10;
        long bodyEnd = Math.min(pos + 10 + Id3Text.syncsafe(header, 6), fileSize);
        Collector c = new Collector();
        if (version == 2 && (flags & 0x40) != 0) {
            return c.tag(version, end); // ID3v2.2 compression was never defined: such a tag cannot be read
        }
        byte[] body;
        long bodyOffset; // where body[0] lies in the file; -1 when the body is decoded (unsynchronised)
        if (version < 4 && (flags & 0x80) != 0) {
            byte[] raw = read(bodyStart, (int) Math.min(bodyEnd - bodyStart, MAX_UNSYNC_TAG_BYTES));
            body = Id3Text.resync(raw);
            bodyOffset = -1;
        } else {
            body = null;
            bodyOffset = bodyStart;
        }
        Frames frames = new Frames(body, bodyOffset, body != null ? body.length : bodyEnd - bodyStart);
        long at = 0;
        if (version >= 3 && (flags & 0x40) != 0) {
            at = extendedHeaderSize(frames, version);
            if (at < 0) {
                return c.tag(version, end);
            }
        }
        boolean plainSizes = version == 4 && !syncsafeSizes(frames, at);
        int headerSize = version == 2 ? 6 : 10;
        for (int n = 0; n < MAX_FRAMES && at + headerSize <= frames.length; n++) {
            byte[] h = frames.bytes(at, headerSize);
            if (h.length < headerSize || h[0] == 0) {
                break; // padding
            }
            String id = new String(h, 0, version == 2 ? 3 : 4, StandardCharsets.ISO_8859_1);
            if (!validId(id)) {
                break;
            }
            long size;
            int frameFlags = 0;
            if (version == 2) {
                size = ((h[3] & 0xFFL) << 16) | ((h[4] & 0xFFL) << 8) | (h[5] & 0xFFL);
                id = V22.getOrDefault(id, "?" + id);
            } else {
                size = plainSizes ? ByteBuffer.wrap(h, 4, 4).getInt() & 0xFFFFFFFFL : Id3Text.syncsafe(h, 4);
                frameFlags = h[9] & 0xFF;
            }
            long dataStart = at + headerSize;
            if (size < 0 || size > frames.length - dataStart) {
                break; // a frame reaching past the tag: the rest of the tag cannot be trusted
            }
            if (version == 4 && (flags & 0x80) != 0) {
                frameFlags |= 0x02; // the tag says every frame is unsynchronised; some writers flag only the tag
            }
            frame(c, frames, id, version, frameFlags, dataStart, (int) Math.min(size, Integer.MAX_VALUE));
            at = dataStart + size;
        }
        return c.tag(version, end);
    }

    /** Reads one frame into the collector; anything it cannot read is skipped. */
    private void frame(Collector c, Frames frames, String id, int version, int flags, long start, int size)
            throws IOException {
        boolean text = id.startsWith("T") || id.equals("COMM");
        boolean picture = id.equals("APIC");
        if (!text && !picture) {
            return;
        }
        long dataStart = start;
        int dataSize = size;
        boolean unsync = false;
        if (version == 3) {
            if ((flags & 0xC0) != 0) {
                return; // compressed or encrypted
            }
            int extra = (flags & 0x20) != 0 ? 1 : 0; // grouping identity
            dataStart += extra;
            dataSize -= extra;
        } else if (version == 4) {
            if ((flags & 0x0C) != 0) {
                return; // compressed or encrypted
            }
            int extra = ((flags & 0x40) != 0 ? 1 : 0) + ((flags & 0x01) != 0 ? 4 : 0);
            dataStart += extra;
            dataSize -= extra;
            unsync = (flags & 0x02) != 0;
        }
        if (dataSize <= 0) {
            return;
        }
        if (picture) {
            picture(c, frames, version, dataStart, dataSize, unsync);
            return;
        }
        if (dataSize > MAX_TEXT_BYTES) {
            return;
        }
        byte[] data = frames.bytes(dataStart, dataSize);
        if (unsync) {
            data = Id3Text.resync(data);
        }
        if (id.equals("COMM")) {
            Comment comment = Id3FrameBodies.comment(data);
            if (comment != null) {
                c.comments.add(comment);
            }
        } else if (id.equals("TXXX")) {
            List<String> values = Id3Text.strings(data, 1);
            if (values.size() >= 2) {
                String key = Text.clean(values.get(0));
                if (key != null) {
                    c.userText.putIfAbsent(key.toUpperCase(Locale.ROOT), values.subList(1, values.size()));
                }
            }
        } else if (!id.startsWith("?")) {
            List<String> values = Id3Text.strings(data, 1);
            if (!values.isEmpty()) {
                c.text.putIfAbsent(id, values);
            }
        }
    }

    /**
     * APIC: encoding, MIME type (Latin-1, NUL-ended), picture type, description (NUL-ended), image. ID3v2.2's PIC has
     * a three-letter image format instead of the MIME type. Only the frame's head is read, unless the picture's bytes
     * are wanted.
     */
    private void picture(Collector c, Frames frames, int version, long start, int size, boolean unsync)
            throws IOException {
        if (c.picture != null && c.picture.type() == 3) {
            return; // a front cover is already known
        }
        byte[] head = frames.bytes(start, Math.min(size, 1024));
        if (unsync) {
            head = Id3Text.resync(head);
        }
        Id3FrameBodies.PictureHead parsed = Id3FrameBodies.pictureHead(head, version);
        if (parsed == null) {
            return;
        }
        int type = parsed.type();
        int at = parsed.imageAt();
        String mime = parsed.mime();
        Picture p;
        if (!unsync && !frames.decoded()) {
            long offset = frames.fileOffset(start) + at;
            int length = size - at;
            byte[] bytes = maxPictureBytes > 0 && length <= maxPictureBytes ? read(offset, length) : null;
            p = new Picture(type, mime, offset, length, true, bytes);
        } else {
            // unsynchronised: the image bytes in the file are not the image; decode the frame only when they are wanted
            byte[] bytes = null;
            int length = size - at;
            if (maxPictureBytes > 0 && size <= 2L * maxPictureBytes) {
                byte[] frame = frames.bytes(start, size);
                if (unsync) {
                    frame = Id3Text.resync(frame);
                }
                length = frame.length - at;
                bytes = length > 0 && length <= maxPictureBytes ? Arrays.copyOfRange(frame, at, frame.length) : null;
            }
            p = new Picture(type, mime, -1, length, false, bytes);
        }
        if (c.picture == null || type == 3) {
            c.picture = p;
        }
    }

    private static boolean validId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The extended header's size (ID3v2.3: a size that excludes itself; ID3v2.4: a syncsafe size that includes it). */
    private static long extendedHeaderSize(Frames frames, int version) throws IOException {
        byte[] h = frames.bytes(0, 4);
        if (h.length < 4) {
            return -1;
        }
        long size = version == 3 ? (ByteBuffer.wrap(h).getInt() & 0xFFFFFFFFL) + 4 : Id3Text.syncsafe(h, 0);
        return size < 4 || size > frames.length ? -1 : size;
    }

    /**
     * Whether an ID3v2.4 tag's frame sizes are syncsafe as the standard says. iTunes wrote plain 32-bit sizes for
     * years; walking the frames both ways shows which reading lands on frame headers (mutagen does the same).
     */
    private static boolean syncsafeSizes(Frames frames, long start) throws IOException {
        return walk(frames, start, true) >= walk(frames, start, false);
    }

    /** How many plausible frames a walk with the given size reading meets before it stops; more is better. */
    private static int walk(Frames frames, long start, boolean syncsafe) throws IOException {
        int found = 0;
        long at = start;
        for (int n = 0; n < 64 && at + 10 <= frames.length; n++) {
            byte[] h = frames.bytes(at, 10);
            if (h[0] == 0) {
                return found + 1; // reached the padding exactly: the walk was right
            }
            if (!validId(new String(h, 0, 4, StandardCharsets.ISO_8859_1))) {
                return found;
            }
            long size = syncsafe ? Id3Text.syncsafe(h, 4) : ByteBuffer.wrap(h, 4, 4).getInt() & 0xFFFFFFFFL;
            if (size < 0) {
                return found;
            }
            found++;
            at += 10 + size;
        }
        return at == frames.length ? found + 1 : found;
    }

    /** Up to {@code length} bytes of the file at {@code pos}, through the window when it holds them. */
    private byte[] read(long pos, int length) throws IOException {
        if (length <= 0 || pos < 0 || pos >= fileSize) {
            return new byte[0];
        }
        int n = (int) Math.min(length, fileSize - pos);
        if (pos >= windowStart && pos + n <= windowStart + window.length) {
            int from = (int) (pos - windowStart);
            return Arrays.copyOfRange(window, from, from + n);
        }
        if (n <= WINDOW / 4) {
            window = readDirect(pos, (int) Math.min(WINDOW, fileSize - pos));
            windowStart = pos;
            return Arrays.copyOf(window, Math.min(n, window.length));
        }
        return readDirect(pos, n);
    }

    private byte[] readDirect(long pos, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, pos + buf.position()) < 0) {
                break;
            }
        }
        return buf.position() == length ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }

    /** The frame area: the file itself, or (unsynchronised as a whole) the decoded bytes. */
    private final class Frames {
        private final byte[] decoded;
        private final long offset;
        final long length;

        Frames(byte[] decoded, long offset, long length) {
            this.decoded = decoded;
            this.offset = offset;
            this.length = length;
        }

        boolean decoded() {
            return decoded != null;
        }

        long fileOffset(long at) {
            return offset + at;
        }

        byte[] bytes(long at, int n) throws IOException {
            int count = (int) Math.max(0, Math.min(n, length - at));
            if (decoded != null) {
                return Arrays.copyOfRange(decoded, (int) at, (int) at + count);
            }
            return read(offset + at, count);
        }
    }

    private static final class Collector {
        final Map<String, List<String>> text = new LinkedHashMap<>();
        final Map<String, List<String>> userText = new LinkedHashMap<>();
        final List<Comment> comments = new ArrayList<>();
        Picture picture;

        Tag tag(int version, long end) {
            return new Tag(version, end, text, userText, comments, picture);
        }
    }
}
