package app.colophon.library;

import app.colophon.model.SearchTerm;
import app.colophon.model.SearchTerm.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchQueryTest {

    @ParameterizedTest(name = "[{0}] is {1} {2} exact={3} negated={4}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            hobbit                          | TEXT      | hobbit               | false | false
            "the hobbit"                    | TEXT      | the hobbit           | false | false
            -hobbit                         | TEXT      | hobbit               | false | true
            author:tolkien                  | AUTHOR    | tolkien              | false | false
            Author:Tolkien                  | AUTHOR    | Tolkien              | false | false
            authors:"le guin"               | AUTHOR    | le guin              | false | false
            author:"=Ursula K. Le Guin"     | AUTHOR    | Ursula K. Le Guin    | true  | false
            -author:"=Ursula K. Le Guin"    | AUTHOR    | Ursula K. Le Guin    | true  | true
            series:"Sherlock"               | SERIES    | Sherlock             | false | false
            tag:fav                         | TAG       | fav                  | false | false
            genre:=Fiction                  | GENRE     | Fiction              | true  | false
            format:epub                     | FORMAT    | epub                 | false | false
            lang:en                         | LANGUAGE  | en                   | false | false
            language:de                     | LANGUAGE  | de                   | false | false
            publisher:penguin               | PUBLISHER | penguin              | false | false
            source:manual                   | MANUAL    | ''                   | false | false
            has:error                       | ERROR     | ''                   | false | false
            -has:missing                    | MISSING   | ''                   | false | true
            Re:Zero                         | TEXT      | Re:Zero              | false | false
            "say \\"hi\\""                  | TEXT      | say "hi"             | false | false
            """)
    void oneTermReadsAs(String query, Field field, String value, boolean exact, boolean negated) {
        assertThat(SearchQuery.parse(query).terms()).containsExactly(new SearchTerm(field, value, exact, negated));
    }

    @Test
    void termsAreSeparatedBySpacesAndKeptInOrder() {
        assertThat(SearchQuery.parse("  dune  -author:herbert \"desert planet\" has:error ").terms()).containsExactly(
                new SearchTerm(Field.TEXT, "dune", false, false),
                new SearchTerm(Field.AUTHOR, "herbert", false, true),
                new SearchTerm(Field.TEXT, "desert planet", false, false),
                new SearchTerm(Field.ERROR, "", false, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankQueryMatchesEverything(String query) {
        assertThat(SearchQuery.parse(query).matchesEverything()).isTrue();
    }

    @Test
    void aLoneDashIsAWordNotAnExclusion() {
        assertThat(SearchQuery.parse("war - peace").terms()).extracting(SearchTerm::value).containsExactly("war", "-", "peace");
    }

    @ParameterizedTest(name = "[{0}] is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            "unclosed phrase             | the quote at 1 is not closed
            author:"le guin              | the quote at 8 is not closed
            has:covers                   | unknown has: value "covers" (use has:error or has:missing)
            source:file                  | unknown source: value "file" (use source:manual)
            author:                      | author: needs a value
            series:"="                   | series:"=" needs a value
            """)
    void aMalformedQueryIsRefusedSayingWhy(String query, String problem) {
        assertThatThrownBy(() -> SearchQuery.parse(query)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("Cannot search for " + query + ": " + problem);
    }

    @Test
    void anExactQueryQuotesAndEscapesTheValueSoItReadsBackTheSame() {
        String name = "Dwayne \"The Rock\" Johnson \\ Co";
        String query = SearchQuery.exact("author", name);

        assertThat(SearchQuery.parse(query).terms()).containsExactly(new SearchTerm(Field.AUTHOR, name, true, false));
    }
}
