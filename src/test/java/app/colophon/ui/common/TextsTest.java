package app.colophon.ui.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Control characters in titles and paths are shown as visible symbols, never acted upon. */
class TextsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a forged line and a colour  | x\\nFAKE: injected line\\e[31mRED.epub | x␊FAKE: injected line␛[31mRED.epub
            a tab and a carriage return | a\\tb\\rc                             | a␉b␍c
            NUL and DEL                 | a\\0b\\dc                             | a␀b␡c
            a C1 CSI                    | a\\u009b2J                            | a�2J
            a right-to-left override    | invoice\\u202etxt.exe                 | invoice�txt.exe
            nothing to show             | Dune: Messiah — 2                     | Dune: Messiah — 2
            """)
    void controlCharactersBecomeVisibleSymbols(String what, String raw, String shown) {
        assertThat(Texts.visible(unescape(raw))).isEqualTo(shown);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\e", "\u001b").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\\0", "\u0000").replace("\\d", "\u007f").replace("\\u009b", "\u009b").replace("\\u202e", "\u202e");
    }
}
