package app.colophon.formats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes MP3 files byte by byte for the tests that need a tag no tagger writes (hostile sizes, ID3v2.2,
 * unsynchronisation, odd encodings): an ID3v2 header and frames, then silent MPEG-1 layer III frames.
 */
final class Id3Files {

    /** A silent MPEG-1 layer III frame: 128 kbit/s, 44,100 Hz, mono, 417 bytes, 1,152 samples. */
    static final byte[] SILENT_FRAME = silentFrame();

    private Id3Files() {
    }

    /** An ID3v2 tag of the given major version (2, 3, 4) and flags, with the frames as given (already encoded). */
    static byte[] tag(int version, int flags, byte[]... frames) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            body.writeBytes(f);
        }
        return tagWithBody(version, flags, body.toByteArray());
    }

    static byte[] tagWithBody(int version, int flags, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(10 + body.length);
        b.put((byte) 'I').put((byte) 'D').put((byte) '3').put((byte) version).put((byte) 0).put((byte) flags);
        b.put(syncsafe(body.length));
        b.put(body);
        return b.array();
    }

    /** An ID3v2.3/2.4 frame; {@code syncsafeSize} for 2.4 as the standard says, false as iTunes wrote it. */
    static byte[] frame(String id, int formatFlags, boolean syncsafeSize, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(10 + data.length);
        b.put(id.getBytes(StandardCharsets.ISO_8859_1));
        b.put(syncsafeSize ? syncsafe(data.length) : ByteBuffer.allocate(4).putInt(data.length).array());
        b.put((byte) 0).put((byte) formatFlags);
        b.put(data);
        return b.array();
    }

    static byte[] frame24(String id, byte[] data) {
        return frame(id, 0, true, data);
    }

    static byte[] frame23(String id, byte[] data) {
        return frame(id, 0, false, data);
    }

    /** An ID3v2.2 frame: three-letter id, 24-bit size. */
    static byte[] frame22(String id, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(6 + data.length);
        b.put(id.getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) (data.length >> 16)).put((byte) (data.length >> 8)).put((byte) data.length);
        b.put(data);
        return b.array();
    }

    /** A text frame's data: encoding byte, then the values separated (and for UTF-16 each prefixed by a BOM). */
    static byte[] text(int encoding, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoding);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.writeBytes(encoding == 1 || encoding == 2 ? new byte[2] : new byte[1]);
            }
            out.writeBytes(encode(encoding, values[i]));
        }
        return out.toByteArray();
    }

    static byte[] encode(int encoding, String s) {
        return switch (encoding) {
            case 1 -> s.getBytes(StandardCharsets.UTF_16); // with a big-endian BOM
            case 2 -> s.getBytes(StandardCharsets.UTF_16BE);
            case 3 -> s.getBytes(StandardCharsets.UTF_8);
            default -> s.getBytes(Charset.forName("windows-1252"));
        };
    }

    /** A TXXX frame's data: encoding, description, NUL, value. */
    static byte[] userText(String description, String value) {
        return text(3, description, value);
    }

    /** An APIC frame's data: Latin-1, the MIME type, NUL, picture type, empty description, NUL, image. */
    static byte[] picture(String mime, int type, byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(mime.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(type);
        out.write(0);
        out.writeBytes(image);
        return out.toByteArray();
    }

    /** {@code count} silent frames. */
    static byte[] audio(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(SILENT_FRAME);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Unsynchronisation: a 0x00 after every 0xFF (the standard's minimum, which readers must undo). */
    static byte[] unsynchronise(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : data) {
            out.write(b);
            if ((b & 0xFF) == 0xFF) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    static byte[] syncsafe(int n) {
        return new byte[] {(byte) ((n >> 21) & 0x7F), (byte) ((n >> 14) & 0x7F), (byte) ((n >> 7) & 0x7F),
            (byte) (n & 0x7F)};
    }

    private static byte[] silentFrame() {
        byte[] f = new byte[417];
        f[0] = (byte) 0xFF;
        f[1] = (byte) 0xFB; // MPEG-1, layer III, no CRC
        f[2] = (byte) 0x90; // 128 kbit/s, 44,100 Hz, no padding
        f[3] = (byte) 0xC0; // mono
        return f;
    }
}
