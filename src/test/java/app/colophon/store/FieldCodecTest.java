package app.colophon.store;

import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FileField;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.model.FieldValues;
import app.colophon.model.Source;
import app.colophon.model.ValueKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relationship columns read back exactly what was written, whatever characters the names hold. */
class FieldCodecTest {

    /** Quotes, backslashes, control characters, non-BMP letters, JSON-looking text: what escaping must survive. */
    private static final String[] PIECES = {"Anna", " ", "\"", "\\", "\n", "\t", "\u0001", "é", "Ω", "😀", "/", "{", "]",
            ",", ":", "null", "\\u0041", "O'Brien", "", "\u2028"};

    @Test
    void contributorsAndSeriesRoundTripForAThousandAwkwardValues() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            List<Contributor> authors = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                authors.add(new Contributor(awkward(random), random.nextBoolean() ? null : awkward(random),
                        random.nextBoolean() ? null : awkward(random)));
            }
            List<SeriesEntry> series = List.of(new SeriesEntry(awkward(random),
                    random.nextBoolean() ? null : random.nextInt(2000) / 8.0 - 3));

            String authorsText = FieldCodec.encode(BookField.AUTHORS, authors);
            String seriesText = FieldCodec.encode(BookField.SERIES, series);

            assertThat(FieldCodec.decode(BookField.AUTHORS, authorsText)).isEqualTo(authors);
            assertThat(FieldCodec.decode(BookField.SERIES, seriesText)).isEqualTo(series);
            // The fast reader itself, not its Jackson fallback, must read everything the codec writes.
            if (!authors.isEmpty()) {
                assertThat(FlatJson.parse(ValueKind.CONTRIBUTORS, authorsText)).isEqualTo(authors);
            }
            assertThat(FlatJson.parse(ValueKind.SERIES, seriesText)).isEqualTo(series);
        }
    }

    @Test
    void relationshipsAreWrittenExactlyAsJacksonWritesThem() {
        ObjectMapper jackson = new ObjectMapper();
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            List<Contributor> authors = List.of(new Contributor(awkward(random), random.nextBoolean() ? null : awkward(random)));
            SeriesEntry entry = new SeriesEntry(awkward(random), random.nextBoolean() ? null : random.nextInt(2000) / 8.0 - 3);
            List<String> tags = List.of(awkward(random), awkward(random));

            ArrayNode authorsTree = jackson.createArrayNode();
            authorsTree.addObject().put("name", authors.get(0).name()).put("role", authors.get(0).role());
            ArrayNode seriesTree = jackson.createArrayNode();
            ObjectNode seriesNode = seriesTree.addObject().put("name", entry.name());
            if (entry.number() == null) {
                seriesNode.putNull("number");
            } else {
                seriesNode.put("number", entry.number());
            }
            ArrayNode tagsTree = jackson.createArrayNode().add(tags.get(0)).add(tags.get(1));

            assertThat(FieldCodec.encode(BookField.AUTHORS, authors)).isEqualTo(authorsTree.toString());
            assertThat(FieldCodec.encode(BookField.SERIES, List.of(entry))).isEqualTo(seriesTree.toString());
            assertThat(FieldCodec.encode(BookField.TAGS, tags)).isEqualTo(tagsTree.toString());
        }
    }

    @Test
    void aFilesBookValuesRoundTripWithTheirSources() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            FieldValues<BookField<?>> values = BookField.none()
                    .with(BookField.TITLE, awkward(random), Source.FILE_METADATA)
                    .with(BookField.AUTHORS, List.of(new Contributor(awkward(random), "author")), Source.FILEPATH)
                    .with(BookField.TAGS, List.of(), Source.MANUAL);

            String text = FieldCodec.encodeAll(values);

            assertThat(FieldCodec.decodeAll(BookField.none(), text)).isEqualTo(values);
            // the fast reader itself, not its Jackson fallback, reads every entry the codec writes
            assertThat(FlatJson.entries(text)).containsOnlyKeys("title", "authors", "tags");
        }
    }

    @Test
    void bookValuesWrittenByOtherToolsAreReadAsJacksonReadsThem() {
        String spaced = " { \"title\" : { \"source\" : \"manual\", \"value\" : \"Dune\" }, \"unknown\": {} } ";
        String numeric = "{\"title\":{\"value\":1984,\"source\":\"file_metadata\"}}";

        assertThat(FieldCodec.decodeAll(BookField.none(), spaced))
                .isEqualTo(BookField.none().with(BookField.TITLE, "Dune", Source.MANUAL));
        assertThat(FieldCodec.decodeAll(BookField.none(), numeric))
                .isEqualTo(BookField.none().with(BookField.TITLE, "1984", Source.FILE_METADATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":{\"value\":\"A\"}", "{\"title\":{\"value\":\"A\",}}", "{\"title\" {}}"})
    void corruptBookValuesAreAStoreError(String text) {
        assertThatThrownBy(() -> FieldCodec.decodeAll(BookField.none(), text))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Corrupt book values");
    }

    @Test
    void tagsAndIdentifiersRoundTrip() {
        List<String> tags = List.of("sci-fi", "\"quoted\"", "back\\slash", "😀");
        List<Identifier> ids = List.of(new Identifier(IdentifierType.ISBN13, "9780000000002"),
                new Identifier(IdentifierType.URI, "urn:x:\"y\""));

        assertThat(FieldCodec.decode(BookField.TAGS, FieldCodec.encode(BookField.TAGS, tags))).isEqualTo(tags);
        assertThat(FieldCodec.decode(FileField.IDENTIFIERS, FieldCodec.encode(FileField.IDENTIFIERS, ids))).isEqualTo(ids);
    }

    @Test
    void jsonWrittenByOtherToolsIsReadTooWithSpacesKeyOrderAndUnknownKeys() {
        String text = " [ { \"role\" : \"author\", \"extra\": {\"nested\": [1, 2]}, \"name\": \"Ursula K. Le Guin\" } ] ";

        assertThat(FieldCodec.decode(BookField.AUTHORS, text))
                .isEqualTo(List.of(new Contributor("Ursula K. Le Guin", "author")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"name\":\"A\"", "{\"name\":\"A\"}", "[{\"name\":\"A\",}]", "[\"unterminated]"})
    void corruptColumnTextIsAStoreErrorNamingTheField(String text) {
        assertThatThrownBy(() -> FieldCodec.decode(BookField.AUTHORS, text))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Corrupt authors value");
    }

    private static String awkward(Random random) {
        StringBuilder s = new StringBuilder("x");
        for (int n = random.nextInt(6); n > 0; n--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }
}
