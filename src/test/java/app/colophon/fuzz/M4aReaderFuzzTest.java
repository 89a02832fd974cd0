package app.colophon.fuzz;

import app.colophon.formats.M4aReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static app.colophon.fuzz.FuzzSupport.box;
import static app.colophon.fuzz.FuzzSupport.check;

/**
 * Fuzzes {@link M4aReader}: the items of an {@code ilst} where the reader looks for them, as the M4B target does,
 * with seeds holding what only M4A reads (track and disc numbers, media kind, narrator and series freeform tags).
 */
class M4aReaderFuzzTest {

    private static final byte[] FTYP = box("ftyp", "M4A \0\0\0\0isomM4A ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    private static final byte[] MVHD = box("mvhd", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, (byte) 0xE8,
        0, 0, (byte) 0xEA, 0x60});
    private static final byte[] HDLR = box("hdlr", new byte[8], "mdirappl".getBytes(), new byte[9]);

    private final M4aReader reader = new M4aReader();

    @FuzzTest(maxDuration = "3m")
    void tagItems(byte[] items) {
        byte[] meta = box("meta", new byte[4], HDLR, box("ilst", items));
        byte[] moov = box("moov", MVHD, box("udta", meta));
        byte[] file = java.util.Arrays.copyOf(FTYP, FTYP.length + moov.length);
        System.arraycopy(moov, 0, file, FTYP.length, moov.length);
        check(reader, file);
    }
}
