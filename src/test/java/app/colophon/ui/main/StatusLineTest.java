package app.colophon.ui.main;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the status bar says about the books shown. */
class StatusLineTest {

    @ParameterizedTest(name = "{0} books, {1} shown, {2} chosen, missing only {3}: \"{4}\"")
    @CsvSource(delimiter = '|', textBlock = """
            120 | 120 | 0 | false | 120 books
            1   | 1   | 1 | false | 1 book
            120 | 3   | 1 | false | 3 of 120 books
            120 | 3   | 2 | false | 2 of 3 books selected
            120 | 1   | 0 | true  | 1 missing book (files no longer on disk)
            120 | 4   | 0 | true  | 4 missing books (files no longer on disk)
            """)
    void theStatusLineCountsWhatIsShownAndChosen(int all, int shown, int chosen, boolean missing, String expected) {
        assertThat(StatusLine.of(all, shown, chosen, missing)).isEqualTo(expected);
    }
}
