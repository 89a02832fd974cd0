package app.colophon.fuzz;

import app.colophon.formats.Mp3Reader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;

import static app.colophon.fuzz.FuzzSupport.check;

/**
 * Fuzzes {@link Mp3Reader}: whole files, and the frames of an ID3v2 tag put behind a valid header and before valid
 * audio frames, so mutations explore frame parsing (sizes, flags, encodings, unsynchronisation) rather than the header.
 */
class Mp3ReaderFuzzTest {

    /** Three silent MPEG-1 layer III frames (128 kbit/s, 44.1 kHz, mono). */
    private static final byte[] AUDIO = audio();

    private final Mp3Reader reader = new Mp3Reader();

    @FuzzTest(maxDuration = "3m")
    void file(byte[] file) {
        check(reader, file);
    }

    /** The first byte chooses the tag version (2, 3 or 4) and its flags; the rest are the frames. */
    @FuzzTest(maxDuration = "3m")
    void id3Frames(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int version = 2 + (input[0] & 0x03) % 3;
        int flags = input[0] & 0xF0;
        int size = input.length - 1;
        ByteBuffer b = ByteBuffer.allocate(10 + size + AUDIO.length);
        b.put(new byte[] {'I', 'D', '3', (byte) version, 0, (byte) flags});
        b.put(new byte[] {(byte) ((size >> 21) & 0x7F), (byte) ((size >> 14) & 0x7F), (byte) ((size >> 7) & 0x7F),
            (byte) (size & 0x7F)});
        b.put(input, 1, size);
        b.put(AUDIO);
        check(reader, b.array());
    }

    private static byte[] audio() {
        byte[] out = new byte[3 * 417];
        for (int i = 0; i < 3; i++) {
            out[i * 417] = (byte) 0xFF;
            out[i * 417 + 1] = (byte) 0xFB;
            out[i * 417 + 2] = (byte) 0x90;
            out[i * 417 + 3] = (byte) 0xC0;
        }
        return out;
    }
}
