package app.colophon.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SortNamesTest {

    @ParameterizedTest(name = "{0} sorts as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            J. R. R. Tolkien            | Tolkien, J. R. R.
            Ursula K. Le Guin           | Le Guin, Ursula K.
            Ludwig van Beethoven        | Beethoven, Ludwig van
            Antoine de Saint-Exupéry    | Saint-Exupéry, Antoine de
            Martin Luther King Jr.      | King, Martin Luther, Jr.
            Martin Luther King, Jr.     | King, Martin Luther, Jr.
            Sir Arthur Conan Doyle      | Doyle, Arthur Conan
            Al Gore                     | Gore, Al
            Jane Doe (editor)           | Doe, Jane
            Plato                       | Plato
            Henry II                    | Henry II
            Project Gutenberg           | Project Gutenberg
            Marcus Ward & Co.           | Marcus Ward & Co.
            Doe, Jane                   | Doe, Jane
            村上 春樹                     | 村上 春樹
            """)
    void aPersonsNameTurnsRoundToLastFirst(String name, String sortName) {
        assertThat(SortNames.person(name)).isEqualTo(sortName);
    }

    @Test
    void aBlankNameSortsAsEmpty() {
        assertThat(SortNames.person("  ")).isEmpty();
    }

    @Test
    void theFilesOwnSortFormWinsOverTheDerivedOne() {
        assertThat(new Contributor("Ursula K. Le Guin", "author", "LeGuin, Ursula").sortName()).isEqualTo("LeGuin, Ursula");
    }

    @Test
    void withoutASortFormTheNameIsTurnedRound() {
        assertThat(Contributor.author("Ursula K. Le Guin").sortName()).isEqualTo("Le Guin, Ursula K.");
    }
}
