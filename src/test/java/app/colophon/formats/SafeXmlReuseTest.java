package app.colophon.formats;

import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A thread's reader is handed out again once closed: nothing of the last document may carry over. */
class SafeXmlReuseTest {

    @Test
    void aDocumentReadAfterABrokenOneIsReadWhole() throws Exception {
        assertThatThrownBy(() -> readAll("<a xmlns:x='urn:x'><x:b>half<x:c></a>")).isInstanceOf(XMLStreamException.class);

        assertThat(readAll("<t>whole &amp; sound</t>")).isEqualTo("t:whole & sound;");
    }

    @Test
    void aDocumentReadAfterOneWithAnEntityDeclarationStillRefusesItsEntities() throws Exception {
        String withDtd = "<!DOCTYPE t [<!ENTITY e 'expanded'>]><t>x</t>";
        readAll(withDtd);

        assertThatThrownBy(() -> readAll("<t>&e;</t>")).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void namespacesOfTheLastDocumentAreForgotten() throws Exception {
        readAll("<p:a xmlns:p='urn:first'><p:b>1</p:b></p:a>");

        assertThatThrownBy(() -> readAll("<p:a><p:b>2</p:b></p:a>")).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void aReaderStillOpenIsNotHandedOutTwice() throws Exception {
        XMLStreamReader outer = SafeXml.reader("<outer>o</outer>".getBytes(StandardCharsets.UTF_8));
        try {
            outer.nextTag();
            assertThat(readAll("<inner>i</inner>")).isEqualTo("inner:i;");
            assertThat(SafeXml.elementText(outer)).isEqualTo("o");
        } finally {
            outer.close();
        }
    }

    /** Every element's local name and direct text, as "name:text;". */
    private static String readAll(String xml) throws XMLStreamException {
        XMLStreamReader r = SafeXml.reader(xml.getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT) {
                    out.append(r.getLocalName()).append(':');
                } else if (r.isCharacters()) {
                    out.append(r.getText()).append(';');
                }
            }
        } finally {
            r.close();
        }
        return out.toString();
    }
}
