package app.colophon.ui.detail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How long an audiobook is, as the detail window's header says it. */
class BookFactsTest {

    @ParameterizedTest(name = "{0} s reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            42      | 42 s
            59.6    | 1 min 00 s
            754     | 12 min 34 s
            3600    | 1 h 00 min
            45296.4 | 12 h 34 min
            """)
    void aDurationReadsInTheLargestUnitsThatFit(double seconds, String expected) {
        assertThat(BookFacts.duration(seconds)).isEqualTo(expected);
    }
}
