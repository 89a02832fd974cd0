package app.colophon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
            """)
    void wordsIgnorePunctuationAndSpacing(String text, String words) {
        assertThat(Folding.words(text)).isEqualTo(words);
    }

    @Test
    void nothingButPunctuationHasNoWords() {
        assertThat(Folding.words("-- & !")).isEmpty();
    }
}
