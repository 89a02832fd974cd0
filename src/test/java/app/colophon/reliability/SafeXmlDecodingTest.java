package app.colophon.reliability;

import app.colophon.formats.SafeXml;
import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by fuzzing: the JDK's XML parser printed "[Fatal Error] …" to stderr for every malformed byte sequence and
 * gave up on the document. SafeXml now decodes the bytes itself: a bad byte costs one character, stderr stays quiet.
 */
class SafeXmlDecodingTest {

    @Test
    void aMalformedUtf8ByteCostsOneCharacterAndPrintsNothing() throws Exception {
        byte[] xml = {'<', 't', '>', 'a', (byte) 0xC3, '(', 'b', '<', '/', 't', '>'};
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(text(xml)).isEqualTo("a\uFFFD(b");
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void honoursByteOrderMarksAndTheDeclaredEncoding() throws Exception {
        assertThat(text(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "<t>Tür</t>".getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo("Tür");
        assertThat(text(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<t>Tür</t>".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Tür");
        assertThat(text("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Tür</t>".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("Tür");
        assertThat(text("<?xml version=\"1.0\" encoding=\"no-such-charset\"?><t>Tür</t>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Tür");
    }

    private static String text(byte[] xml) throws Exception {
        XMLStreamReader r = SafeXml.reader(xml);
        while (r.next() != XMLStreamReader.START_ELEMENT) {
            // to the root
        }
        return SafeXml.elementText(r);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
