package app.colophon.formats;

import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The clean-up helpers every reader shares: {@link Text}, {@link Identifiers} and {@link Dates}. */
class TextAndIdentifiersTest {

    // ------------------------------------------------------------------ Text

    @Test
    void cleanStripsNulAndOtherControlCharactersAndCollapsesWhitespace() {
        assertThat(Text.clean("  Dune\u0000 \u0007Messiah\t\t\n Part\u001F\u007F One \uFEFF\u200B "))
                .isEqualTo("Dune Messiah Part One");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u0000\u0001", "\t\n\r", "\uFEFF"})
    void cleanGivesNullWhenNothingIsLeft(String value) {
        assertThat(Text.clean(value)).isNull();
    }

    /**
     * clean() and cleanMultiline() skip their regular expressions for values with nothing to clean: on random text
     * made of the characters that matter they give what the rules, applied in full, give.
     */
    @Test
    void theShortcutForCleanValuesGivesWhatTheFullRulesGive() {
        String[] pieces = {"a", "Z", "é", "😀", " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u007F", "\u0085", "\u00A0",
                "\u2028", "\u2003", "\uFEFF", "\u200B", "\u000B", "-", "'"};
        java.util.Random random = new java.util.Random(3);
        java.util.regex.Pattern control = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]|[\\uFEFF\\u200B]");
        java.util.regex.Pattern lineSpaces = java.util.regex.Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
        java.util.regex.Pattern manyNewlines = java.util.regex.Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)+");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = b.toString();
            String line = control.matcher(value).replaceAll("").replaceAll("\\s+", " ").trim();
            String multi = control.matcher(value.replace("\r\n", "\n")).replaceAll("");
            multi = lineSpaces.matcher(multi).replaceAll(" ").replaceAll(" ?\\n ?", "\n");
            multi = manyNewlines.matcher(multi).replaceAll("\n\n").trim();

            assertThat(Text.clean(value)).as("clean of %s", value.codePoints().boxed().toList())
                    .isEqualTo(line.isEmpty() ? null : line);
            assertThat(Text.cleanMultiline(value)).as("cleanMultiline of %s", value.codePoints().boxed().toList())
                    .isEqualTo(multi.isEmpty() ? null : multi);
        }
    }

    @Test
    void cleanMultilineKeepsAtMostOneBlankLineAndDropsControlCharacters() {
        assertThat(Text.cleanMultiline("First\u0000 line  \r\n\r\n\r\n\n  Second\tline \n Third"))
                .isEqualTo("First line\n\nSecond line\nThird");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <p>One</p><p>Two</p>                                      | One\\nTwo
            A<br>B<br/>C<BR />D                                       | A\\nB\\nC\\nD
            <div><i>Italic</i> and <b>bold</b></div>                  | Italic and bold
            Fish &amp; Chips &lt;3 &quot;yes&quot; &rsquo;s       | Fish & Chips <3 "yes" ’s
            Caf&eacute; &#233;&#xE9;&#XE9; &mdash; &hellip;             | Café ééé — …
            Unknown &bogus; stays; &#0; vanishes                      | Unknown &bogus; stays; vanishes
            <script>alert(1)</script><style>p{}</style>Shown        | Shown
            Line one\\nstill line one                                  | Line one still line one
            &lt;p&gt;escaped twice&lt;/p&gt;                           | <p>escaped twice</p>
            """)
    void htmlToTextStripsTagsAndDecodesEntities(String html, String expected) {
        // "\n" in the table is a newline; a double-escaped tag decodes once and is then plain text, as the file says.
        assertThat(Text.htmlToText(html.replace("\\n", "\n"))).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void htmlToTextOfNullIsNull() {
        assertThat(Text.htmlToText(null)).isNull();
    }

    @Test
    void splitCleansEachPartAndDropsEmptyOnes() {
        assertThat(Text.split(" Ann ;; Bob\u0000 ; ", ";")).containsExactly("Ann", "Bob");
        assertThat(Text.split(null, ";")).isEmpty();
    }

    // ------------------------------------------------------------------ Identifiers

    @ParameterizedTest(name = "{0} (scheme {1})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            9780306406157                                  | -           | ISBN13 | 9780306406157
            978-0-306-40615-7                              | -           | ISBN13 | 9780306406157
            978 0 306 40615 7                              | -           | ISBN13 | 9780306406157
            0306406152                                     | -           | ISBN10 | 0306406152
            0-8044-2957-X                                  | -           | ISBN10 | 080442957X
            080442957x                                     | -           | ISBN10 | 080442957X
            urn:isbn:978-0-553-89784-5                     | -           | ISBN13 | 9780553897845
            URN:ISBN:1-1111-1111-1                         | -           | ISBN10 | 1111111111
            isbn:9783440077894                             | -           | ISBN13 | 9783440077894
            978-0-553-89784-5                              | ISBN        | ISBN13 | 9780553897845
            urn:uuid:12C1DF3E-DF35-4FCF-918B-643FF15A7870  | isbn        | UUID   | 12c1df3e-df35-4fcf-918b-643ff15a7870
            uuid:164dfeb9-7601-42e2-b318-00441b67bc3a      | -           | UUID   | 164dfeb9-7601-42e2-b318-00441b67bc3a
            84B3A7D8-EB3F-4FD8-AD65-4E3F75D019F9           | calibre     | UUID   | 84b3a7d8-eb3f-4fd8-ad65-4e3f75d019f9
            B00TESTASN                                     | -           | ASIN   | B00TESTASN
            amazon:b01n5aj9ds                              | -           | ASIN   | B01N5AJ9DS
            ASIN:B01N5AJ9DS                                | -           | ASIN   | B01N5AJ9DS
            mobi-asin:B01N5AJ9DS                           | -           | ASIN   | B01N5AJ9DS
            3440077934                                     | AMAZON      | ISBN10 | 3440077934
            XYZ123                                         | amazon      | ASIN   | XYZ123
            URI:http://www.gutenberg.org/65659             | -           | URI    | http://www.gutenberg.org/65659
            https://standardebooks.org/ebooks/x            | -           | URI    | https://standardebooks.org/ebooks/x
            some-id                                        | URI         | URI    | some-id
            calibre:164dfeb9-7601-42e2-b318-00441b67bc3a   | -           | OTHER  | calibre:164dfeb9-7601-42e2-b318-00441b67bc3a
            GOODREADS:71348                                | -           | OTHER  | GOODREADS:71348
            NOID                                           | -           | OTHER  | NOID
            """)
    void classifiesIdentifiersByValueFirstThenScheme(String raw, String scheme, IdentifierType type, String value) {
        assertThat(Identifiers.parse(raw, scheme)).isEqualTo(new Identifier(type, value));
    }

    /** A wrong check digit is not an ISBN unless something declares it one (a prefix or the scheme). */
    @ParameterizedTest(name = "{0} (scheme {1})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            9780306406158     | -     | OTHER  | 9780306406158
            0306406153        | -     | OTHER  | 0306406153
            1234567890123     | -     | OTHER  | 1234567890123
            9780306406158     | isbn  | ISBN13 | 9780306406158
            0306406153        | ISBN  | ISBN10 | 0306406153
            urn:isbn:0306406153 | -   | ISBN10 | 0306406153
            """)
    void acceptsABadCheckDigitOnlyWhenTheFileDeclaresAnIsbn(String raw, String scheme, IdentifierType type,
            String value) {
        assertThat(Identifiers.parse(raw, scheme)).isEqualTo(new Identifier(type, value));
    }

    @Test
    void keepsAUuidUrnWhoseBodyIsNotAUuidAsWritten() {
        // epubcheck's uuid-as-urn-invalid sample: "urn:uuid:9781101539545" is no UUID, so it must not be typed as one.
        assertThat(Identifiers.parse("urn:uuid:9781101539545", null))
                .isEqualTo(new Identifier(IdentifierType.OTHER, "urn:uuid:9781101539545"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u0000"})
    void givesNoIdentifierForABlankValue(String raw) {
        assertThat(Identifiers.parse(raw, "ISBN")).isNull();
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({"9780306406157,true", "9780306406150,false", "9783440077931,true", "9781101539545,true",
            "9780553897845,true", "9780553897852,true", "9780553897850,false"})
    void checksIsbn13CheckDigits(String isbn, boolean valid) {
        assertThat(Identifiers.isbn13Valid(isbn)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({"0306406152,true", "0306406151,false", "080442957X,true", "0804429579,false", "3440077934,true",
            "1111111111,true"})
    void checksIsbn10CheckDigits(String isbn, boolean valid) {
        assertThat(Identifiers.isbn10Valid(isbn)).isEqualTo(valid);
    }

    // ------------------------------------------------------------------ Dates

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2011-03-22                      | 2011-03-22
            2011-3-2                        | 2011-03-02
            1999-07-31T16:00:00+00:00       | 1999-07-31
            2011-03-31T21:25:15-04:00       | 2011-03-31
            2013-06-21 09:47:11             | 2013-06-21
            1898                            | 1898
            2011-05                         | 2011-05
            2011-13-01                      | 2011
            2011-02-40                      | 2011-02
            May 21, 2011                    | 2011-05-21
            Sep 1, 2011                     | 2011-09-01
            21 May 2011                     | 2011-05-21
            4 Sep 2011                      | 2011-09-04
            May 4th, 1977                   | 1977-05-04
            1st March 2001                  | 2001-03-01
            Anno Domini Twenty              | Anno Domini Twenty
            0101-01-01T00:00:00+00:00       | -
            0100-12-31T23:00:00+00:00       | -
            0101-01-01                      | -
            ' '                             | -
            """)
    void normalizesDatesToIsoAndDropsCalibresUndefinedDate(String raw, String expected) {
        assertThat(Dates.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void normalizeOfNullIsNull() {
        assertThat(Dates.normalize(null)).isNull();
    }

    @ParameterizedTest(name = "{0}-{1}-{2} -> {3}")
    @CsvSource(nullValues = "-", value = {"2021,3,5,2021-03-05", "2021,12,-,2021-12", "2021,-,-,2021",
            "2021,0,5,2021", "2021,13,5,2021", "2021,2,0,2021-02", "2021,' 3 ',' 7 ',2021-03-07", "21,3,5,-", "-,3,5,-",
            "2021,x,5,2021", "20211,3,5,-", "'2021 ',3,5,-", "2021,003,5,2021", "2021,3,123,2021-03", "٢٠٢١,3,5,-"})
    void buildsPartialDatesFromParts(String year, String month, String day, String expected) {
        assertThat(Dates.ymd(year, month, day)).isEqualTo(expected);
    }
}
