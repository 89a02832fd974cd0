package app.colophon.formats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    /** One row per author string: what it says, then the people it names, separated by '|'. */
    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '#', textBlock = """
            ', Blaine Simpson, and Fred Toussi'   # Blaine Simpson|Fred Toussi
            'Jane Roe, John Doe'                  # Jane Roe|John Doe
            'Jane Roe, John Doe, and Ann Poe'     # Jane Roe|John Doe|Ann Poe
            'Jane Roe and John Doe'               # Jane Roe|John Doe
            'Jane Roe AND John Doe'               # Jane Roe|John Doe
            'Jane Roe & John Doe'                 # Jane Roe|John Doe
            'Jane Roe&John Doe'                   # Jane Roe|John Doe
            'Jane Roe; John Doe'                  # Jane Roe|John Doe
            'Jane Roe,, John Doe'                 # Jane Roe|John Doe
            'Jane Roe ; ; John Doe ;'             # Jane Roe|John Doe
            'Doe, Jane'                           # Doe, Jane
            'Doe, J.'                             # Doe, J.
            'Doe, Jane; Roe, John'                # Doe, Jane|Roe, John
            'Doe, Jane and Roe, John'             # Doe, Jane|Roe, John
            'Doe, Jane & Roe, John'               # Doe, Jane|Roe, John
            'Plato; Aristotle'                    # Plato|Aristotle
            'Simon and Garfunkel'                 # Simon and Garfunkel
            'Ernst & Young'                       # Ernst & Young
            'Jane & John Doe'                     # Jane & John Doe
            'Jane Doe, Jr.'                       # Jane Doe, Jr.
            'Jane Doe, PhD, and John Roe'         # Jane Doe, PhD|John Roe
            'Alexandra Andersen'                  # Alexandra Andersen
            'Sandy Anderson and Randall Grand'    # Sandy Anderson|Randall Grand
            'J. R. R. Tolkien'                    # J. R. R. Tolkien
            'Homer'                               # Homer
            """)
    void splitsAnAuthorStringIntoTheNamesInIt(String value, String expected) {
        assertThat(Names.split(value)).containsExactlyElementsOf(List.of(expected.split("\\|")));
    }

    @ParameterizedTest(name = "\"{0}\" names nobody")
    @CsvSource(delimiter = '#', textBlock = """
            ''
            '   '
            ' ; , & '
            """)
    void dropsEmptyParts(String value) {
        assertThat(Names.split(value)).isEmpty();
    }
}
