package app.colophon.fuzz;

import app.colophon.formats.M4bReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static app.colophon.fuzz.FuzzSupport.box;
import static app.colophon.fuzz.FuzzSupport.check;

/**
 * Fuzzes {@link M4bReader}: whole files, and the items of an {@code ilst} placed where the reader looks for them
 * ({@code moov/udta/meta/ilst}), so mutations explore the tag parsing rather than the way there.
 */
class M4bReaderFuzzTest {

    private static final byte[] FTYP = box("ftyp", "M4B \0\0\0\0isomM4B ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    private static final byte[] MVHD = box("mvhd", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, (byte) 0xE8,
        0, 0, (byte) 0xEA, 0x60});
    private static final byte[] HDLR = box("hdlr", new byte[8], "mdirappl".getBytes(), new byte[9]);

    private final M4bReader reader = new M4bReader();

    @FuzzTest(maxDuration = "3m")
    void file(byte[] file) {
        check(reader, file);
    }

    @FuzzTest(maxDuration = "3m")
    void tagItems(byte[] items) {
        byte[] ilst = box("ilst", items);
        byte[] meta = box("meta", new byte[4], HDLR, ilst);
        check(reader, concat(FTYP, box("moov", MVHD, box("udta", meta))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
