package app.colophon.fuzz;

import app.colophon.formats.CbzReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static app.colophon.fuzz.FuzzSupport.check;
import static app.colophon.fuzz.FuzzSupport.zip;

/** Fuzzes {@link CbzReader}: whole files, and ComicInfo.xml documents inside a well-formed archive. */
class CbzReaderFuzzTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    private final CbzReader reader = new CbzReader();

    @FuzzTest(maxDuration = "3m")
    void archive(byte[] file) {
        check(reader, file);
    }

    @FuzzTest(maxDuration = "3m")
    void comicInfo(byte[] xml) {
        check(reader, zip("ComicInfo.xml", xml, "page1.jpg", JPEG, "page2.jpg", JPEG, "page10.jpg", JPEG));
    }
}
