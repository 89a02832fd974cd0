package app.colophon.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded, read-only walker over the boxes ("atoms") of an ISO base media / MP4 file, reading through a
 * {@link FileChannel} at explicit positions so that a multi-gigabyte audiobook is never loaded whole.
 *
 * <p>Every size in the file is treated as a claim to check, never as an amount to allocate: a box whose size is
 * smaller than its own header or reaches past its parent ends the walk of that parent (what was read before it is
 * kept), nesting is capped at {@link #MAX_DEPTH} and one file visits at most {@link #MAX_BOXES} box headers.
 * Reads of payloads are capped by the caller ({@link #MAX_TEXT_BYTES} for text).
 */
final class Mp4Boxes {

    static final int MAX_DEPTH = 16;
    static final int MAX_BOXES = 100_000;
    /** Text payloads larger than this are skipped rather than read. */
    static final int MAX_TEXT_BYTES = 1 << 20;
    /** Freeform {@code mean}/{@code name} strings are short reverse-DNS names; anything longer is not one. */
    private static final int MAX_NAME_BYTES = 1024;

    /** One box: its four-character type (ISO-8859-1, so {@code 0xA9} reads as '©'), where it starts and its size. */
    record Box(String type, long start, int headerSize, long size) {
        long payloadStart() {
            return start + headerSize;
        }

        long payloadSize() {
            return size - headerSize;
        }

        long end() {
            return start + size;
        }
    }

    /** The payload of an iTunes {@code data} box: its well-known type (1 UTF-8, 13 JPEG …) and its bytes' span. */
    record Data(int type, long payloadStart, long payloadSize) {
    }

    private final FileChannel channel;
    private final long fileSize;
    private int visited;

    Mp4Boxes(FileChannel channel) throws IOException {
        this.channel = channel;
        this.fileSize = channel.size();
    }

    long fileSize() {
        return fileSize;
    }

    /** True once the walk has visited {@link #MAX_BOXES} headers: whatever follows is not looked at. */
    boolean exhausted() {
        return visited >= MAX_BOXES;
    }

    /**
     * The box whose header starts at {@code pos} inside a container ending at {@code end}, or null when there is no
     * room for a header, the box budget is spent, or the size lies. Size 0 means "up to the end of the container".
     * With {@code clampToEnd} (top level only) a box reaching past the end is cut at the end instead of refused:
     * that is a truncated download, and the part that is there is still worth reading.
     */
    Box boxAt(long pos, long end, boolean clampToEnd) throws IOException {
        if (pos < 0 || end - pos < 8 || visited >= MAX_BOXES) {
            return null;
        }
        visited++;
        byte[] header = read(pos, (int) Math.min(16, end - pos));
        if (header.length < 8) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(header);
        long size = Integer.toUnsignedLong(buf.getInt());
        String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
        int headerSize = 8;
        if (size == 1) {
            if (header.length < 16) {
                return null;
            }
            size = buf.getLong(8); // negative when >= 2^63: rejected below like any other lying size
            headerSize = 16;
        } else if (size == 0) {
            size = end - pos;
        }
        if (size < headerSize) {
            return null;
        }
        if (size > end - pos) {
            if (!clampToEnd) {
                return null;
            }
            size = end - pos;
        }
        return new Box(type, pos, headerSize, size);
    }

    /** The children of {@code parent}, or of its payload starting {@code skip} bytes in (4 for a full box). */
    List<Box> children(Box parent, int skip, int depth) throws IOException {
        return children(parent.payloadStart() + skip, parent.end(), depth);
    }

    /** The boxes laid end to end in {@code [start, end)}, stopping at the first one whose size lies. */
    List<Box> children(long start, long end, int depth) throws IOException {
        List<Box> out = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            return out;
        }
        long pos = start;
        Box box;
        while ((box = boxAt(pos, end, false)) != null) {
            out.add(box);
            pos = box.end();
        }
        return out;
    }

    /** The first child of the given type, or null. */
    static Box first(List<Box> boxes, String type) {
        for (Box b : boxes) {
            if (b.type().equals(type)) {
                return b;
            }
        }
        return null;
    }

    /** The payload of a {@code data} box (4 bytes version + type, 4 bytes locale, then the value), or null. */
    Data data(Box box) throws IOException {
        if (!box.type().equals("data") || box.payloadSize() < 8) {
            return null;
        }
        byte[] head = read(box.payloadStart(), 4);
        if (head.length < 4) {
            return null;
        }
        int type = ByteBuffer.wrap(head).getInt() & 0xFFFFFF;
        return new Data(type, box.payloadStart() + 8, box.payloadSize() - 8);
    }

    /**
     * A text value: UTF-16BE for types 2 and 5, UTF-8 (malformed bytes replaced) for types 1 and 4. An implicit (0) or
     * unknown type is taken only when its bytes are valid UTF-8 (some tools write text with odd types, e.g. 18);
     * image and number types are never text. Null when absent or larger than {@link #MAX_TEXT_BYTES}.
     */
    String text(Data d) throws IOException {
        if (d == null || d.payloadSize() > MAX_TEXT_BYTES || isBinaryType(d.type())) {
            return null;
        }
        byte[] bytes = read(d.payloadStart(), (int) d.payloadSize());
        return switch (d.type()) {
            case 2, 5 -> new String(bytes, StandardCharsets.UTF_16BE);
            case 1, 4 -> new String(bytes, StandardCharsets.UTF_8);
            default -> strictUtf8(bytes);
        };
    }

    /** A big-endian integer of 1 to 8 bytes (type 21 signed, 22 unsigned, 0 implicit), or null for other types. */
    Long integer(Data d) throws IOException {
        if (d == null || (d.type() != 0 && d.type() != 21 && d.type() != 22)
                || d.payloadSize() < 1 || d.payloadSize() > 8) {
            return null;
        }
        byte[] bytes = read(d.payloadStart(), (int) d.payloadSize());
        long value = bytes.length > 0 && bytes[0] < 0 && d.type() != 22 ? -1L : 0L;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    /** The string of a freeform {@code mean} or {@code name} box (4 bytes version/flags, then UTF-8), or null. */
    String fullBoxString(Box box) throws IOException {
        if (box == null || box.payloadSize() < 4 || box.payloadSize() > MAX_NAME_BYTES) {
            return null;
        }
        byte[] bytes = read(box.payloadStart() + 4, (int) box.payloadSize() - 4);
        return new String(bytes, StandardCharsets.UTF_8).replace("\0", "").trim();
    }

    /** The MIME type of a cover payload: from the data type, else from its first bytes; null when not an image. */
    String imageMime(Data d) throws IOException {
        if (d == null || d.payloadSize() <= 0) {
            return null;
        }
        switch (d.type()) {
            case 12: return "image/gif";
            case 13: return "image/jpeg";
            case 14: return "image/png";
            case 27: return "image/bmp";
            default: break;
        }
        byte[] m = read(d.payloadStart(), (int) Math.min(12, d.payloadSize()));
        if (startsWith(m, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(m, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(m, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(m, 'B', 'M') && m.length >= 6) {
            return "image/bmp";
        }
        if (startsWith(m, 'R', 'I', 'F', 'F') && m.length >= 12
                && new String(m, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    /**
     * The presentation length from an {@code mvhd} box: version 0 has 32-bit times, version 1 a 64-bit duration.
     * Null when the timescale is 0 or the duration is unknown (all bits set) or negative.
     */
    Double movieDuration(Box mvhd) throws IOException {
        byte[] b = read(mvhd.payloadStart(), (int) Math.min(32, mvhd.payloadSize()));
        if (b.length < 4) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int version = b[0] & 0xFF;
        long timescale;
        long duration;
        if (version == 1) {
            if (b.length < 32) {
                return null;
            }
            timescale = Integer.toUnsignedLong(buf.getInt(20));
            duration = buf.getLong(24);
            if (duration == -1L || duration < 0) {
                return null;
            }
        } else {
            if (b.length < 20) {
                return null;
            }
            timescale = Integer.toUnsignedLong(buf.getInt(12));
            duration = Integer.toUnsignedLong(buf.getInt(16));
            if (duration == 0xFFFFFFFFL) {
                return null;
            }
        }
        return timescale == 0 ? null : (double) duration / timescale;
    }

    /** Up to {@code length} bytes from {@code pos}; fewer when the file ends first. Callers bound {@code length}. */
    byte[] read(long pos, int length) throws IOException {
        if (length <= 0 || pos < 0 || pos >= fileSize) {
            return new byte[0];
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, fileSize - pos));
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + buf.position());
            if (n < 0) {
                break;
            }
        }
        return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }

    private static boolean isBinaryType(int type) {
        return type == 12 || type == 13 || type == 14 || type == 27 || type == 28
                || (type >= 21 && type <= 24) || type >= 65;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
