package app.colophon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Charlotte Brontë       | charlotte bronte
            ÉMILE Zola             | emile zola
            Øystein Straße         | oystein strasse
            Œuvres d'Æsop          | oeuvres d'aesop
            Łódź                   | lodz
            ﬁnal                   | final
            PLAIN ascii            | plain ascii
            """)
    void foldsCaseAccentsAndLettersWithoutMarks(String text, String folded) {
        assertThat(Folding.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0} has the words {1}")
    @CsvSource(delimiter = '|', textBlock = """
            J.R.R. Tolkien         | j r r tolkien
            J. R. R. Tolkien       | j r r tolkien
            '  Le Guin, Ursula K.' | le guin ursula k
            Catch-22 (1961)        | catch 22 1961
            ...and_then__there     | and then there
            Brontë, Émily!         | bronte emily
            Øystein Ørsted         | oystein orsted
            Ángel ~ 東京 ~ 2         | angel 東京 2
            """)
    void wordsIgnorePunctuationAndSpacing(String text, String words) {
        assertThat(Folding.words(text)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Catch-22", "  a  b  ", "-x-", "R2-D2 & C-3PO", "A\tB\nC", "x_y", "Mr. O'Brien's 1st", "ÀB-Ç d"})
    void theAsciiShortcutSplitsWordsAsTheRegexDoes(String text) {
        String regex = Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();

        assertThat(Folding.words(text)).isEqualTo(regex);
    }

    @Test
    void nothingButPunctuationHasNoWords() {
        assertThat(Folding.words("-- & !")).isEmpty();
    }
}
