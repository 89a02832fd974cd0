package app.colophon.fuzz;

import app.colophon.formats.CbrReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static app.colophon.fuzz.FuzzSupport.check;

/** Fuzzes {@link CbrReader}: whole files, seeded with a RAR signature, a ZIP and a 7-Zip archive named .cbr. */
class CbrReaderFuzzTest {

    private final CbrReader reader = new CbrReader();

    @FuzzTest(maxDuration = "3m")
    void file(byte[] file) {
        check(reader, file);
    }
}
