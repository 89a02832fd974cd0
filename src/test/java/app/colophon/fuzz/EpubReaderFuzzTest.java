package app.colophon.fuzz;

import app.colophon.formats.EpubReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static app.colophon.fuzz.FuzzSupport.check;
import static app.colophon.fuzz.FuzzSupport.utf8;
import static app.colophon.fuzz.FuzzSupport.zip;

/**
 * Fuzzes {@link EpubReader}: whole files, and package documents inside a well-formed archive (raw bytes rarely get
 * past a ZIP's checksums to reach the XML). Regression inputs: {@code src/test/resources/app/colophon/fuzz/
 * EpubReaderFuzzTestInputs/<method>/}. Fuzzing: docs/RELIABILITY.md.
 */
class EpubReaderFuzzTest {

    private static final byte[] CONTAINER = utf8("<?xml version=\"1.0\"?><container version=\"1.0\" "
            + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/p.opf\" "
            + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");

    private final EpubReader reader = new EpubReader();

    @FuzzTest(maxDuration = "3m")
    void archive(byte[] file) {
        check(reader, file);
    }

    @FuzzTest(maxDuration = "3m")
    void packageDocument(byte[] opf) {
        check(reader, zip("mimetype", utf8("application/epub+zip"), "META-INF/container.xml", CONTAINER,
                "OEBPS/p.opf", opf));
    }

    @FuzzTest(maxDuration = "3m")
    void container(byte[] container) {
        check(reader, zip("META-INF/container.xml", container, "OEBPS/p.opf", utf8("<package "
                + "xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata xmlns:dc=\"http://purl.org/dc/"
                + "elements/1.1/\"><dc:title>T</dc:title></metadata></package>")));
    }
}
