package app.colophon.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The length of an MPEG audio (MP3) stream from its first frame, without decoding any audio: the frame count of a
 * Xing/Info or VBRI header when the encoder wrote one (every LAME- or ffmpeg-made file has one), else the audio's size
 * at the first frame's bit rate (constant bit rate files). The first frame is searched for in at most
 * {@link #SEARCH_BYTES} after the tags, and accepted only when the next frame header follows where it says.
 */
final class MpegAudio {

    static final int SEARCH_BYTES = 128 * 1024;
    private static final int FIRST_LOOK_BYTES = 8 * 1024;

    private static final int[][] BITRATES = {
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II, III
    };
    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, // MPEG-2.5
        {0, 0, 0},            // reserved
        {22050, 24000, 16000}, // MPEG-2
        {44100, 48000, 32000}, // MPEG-1
    };

    /** One frame header: where it starts and what it says. */
    record Frame(long start, int version, int layer, int bitrateKbps, int sampleRate, boolean mono, int length,
                 int samples) {
    }

    private MpegAudio() {
    }

    /**
     * The duration in seconds of the audio between {@code start} and {@code end}; null when no frame is found.
     * {@code end} excludes the tags at the end of the file (ID3v1, APE).
     */
    static Double duration(FileChannel channel, long start, long end) throws IOException {
        // the first frame nearly always follows the tags at once: look at a few KB before reading the whole window
        Frame first = null;
        for (int window : new int[] {FIRST_LOOK_BYTES, SEARCH_BYTES}) {
            byte[] buf = read(channel, start, (int) Math.max(0, Math.min(window, end - start)));
            for (int i = 0; i + 4 <= buf.length && first == null; i++) {
                Frame f = header(buf, i, start + i);
                if (f != null && confirmed(channel, buf, i, f, end)) {
                    first = f;
                }
            }
            if (first != null || buf.length < window) {
                break;
            }
        }
        if (first == null) {
            return null;
        }
        byte[] frame = read(channel, first.start(), Math.min(first.length(), 512));
        Long frames = xingFrames(frame, first);
        if (frames == null) {
            frames = vbriFrames(frame);
        }
        if (frames != null) {
            return frames > 0 ? (double) frames * first.samples() / first.sampleRate() : null;
        }
        long audioBytes = end - first.start();
        return audioBytes > 0 ? audioBytes * 8.0 / (first.bitrateKbps() * 1000.0) : null;
    }

    /** The frame header at {@code buf[i]}, or null when those four bytes are not a valid one. */
    static Frame header(byte[] buf, int i, long position) {
        if ((buf[i] & 0xFF) != 0xFF || (buf[i + 1] & 0xE0) != 0xE0) {
            return null;
        }
        int version = (buf[i + 1] >> 3) & 3;     // 0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1
        int layerBits = (buf[i + 1] >> 1) & 3;    // 1: layer III, 2: II, 3: I
        int bitrateIndex = (buf[i + 2] >> 4) & 0xF;
        int rateIndex = (buf[i + 2] >> 2) & 3;
        if (version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null; // reserved values, or "free format" whose frame length cannot be known from the header
        }
        int layer = 4 - layerBits;
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES[table][bitrateIndex];
        int sampleRate = SAMPLE_RATES[version][rateIndex];
        int padding = (buf[i + 2] >> 1) & 1;
        boolean mono = ((buf[i + 3] >> 6) & 3) == 3;
        int samples = layer == 1 ? 384 : (layer == 3 && !mpeg1 ? 576 : 1152);
        int length = layer == 1
                ? (12 * bitrate * 1000 / sampleRate + padding) * 4
                : samples / 8 * bitrate * 1000 / sampleRate + padding;
        return new Frame(position, version, layer, bitrate, sampleRate, mono, length, samples);
    }

    /** A sync pattern is a frame only when the next frame's header follows it (or the audio ends there). */
    private static boolean confirmed(FileChannel channel, byte[] buf, int i, Frame f, long end) throws IOException {
        long next = f.start() + f.length();
        if (next == end) {
            return true;
        }
        if (next + 4 > end) {
            return false;
        }
        byte[] h;
        int at;
        if (i + f.length() + 4 <= buf.length) {
            h = buf;
            at = i + f.length();
        } else {
            h = read(channel, next, 4);
            at = 0;
            if (h.length < 4) {
                return false;
            }
        }
        Frame n = header(h, at, next);
        return n != null && n.version() == f.version() && n.layer() == f.layer() && n.sampleRate() == f.sampleRate();
    }

    /** The frame count of a Xing ("Xing" for VBR, "Info" for CBR) header after the side information. */
    private static Long xingFrames(byte[] frame, Frame f) {
        int sideInfo = f.version() == 3 ? (f.mono() ? 17 : 32) : (f.mono() ? 9 : 17);
        int at = 4 + sideInfo;
        if (at + 12 > frame.length) {
            return null;
        }
        String id = new String(frame, at, 4, StandardCharsets.ISO_8859_1);
        if (!id.equals("Xing") && !id.equals("Info")) {
            return null;
        }
        int flags = ByteBuffer.wrap(frame, at + 4, 4).getInt();
        if ((flags & 1) == 0) {
            return null; // no frame count: fall back to the size and bit rate
        }
        return ByteBuffer.wrap(frame, at + 8, 4).getInt() & 0xFFFFFFFFL;
    }

    /** The frame count of a Fraunhofer VBRI header, 32 bytes after the frame header. */
    private static Long vbriFrames(byte[] frame) {
        int at = 4 + 32;
        if (at + 18 > frame.length || !new String(frame, at, 4, StandardCharsets.ISO_8859_1).equals("VBRI")) {
            return null;
        }
        return ByteBuffer.wrap(frame, at + 14, 4).getInt() & 0xFFFFFFFFL;
    }

    static byte[] read(FileChannel channel, long pos, int length) throws IOException {
        if (length <= 0 || pos < 0) {
            return new byte[0];
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, pos + buf.position()) < 0) {
                break;
            }
        }
        return buf.position() == length ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }
}
