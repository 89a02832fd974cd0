package app.colophon.store;

import app.colophon.model.Contributor;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import app.colophon.model.Sourced;
import app.colophon.model.ValueKind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Column text for field values: TEXT as is, relationships as JSON arrays with the CLI's names. The one place where
 * stored text becomes a typed value: it is trusted to have the field's type because this class wrote it.
 */
final class FieldCodec {

    private FieldCodec() {
    }

    /** The store's Jackson mapper, made on first use: it costs tens of milliseconds, and most commands never need it. */
    static ObjectMapper json() {
        return Json.MAPPER;
    }

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static String encode(Field<?> field, Object value) {
        if (Sourced.isEmptyValue(value)) {
            return null;
        }
        if (field.kind() == ValueKind.TEXT) {
            return (String) value;
        }
        StringBuilder out = new StringBuilder(64);
        encodeList(out, (List<?>) value);
        return out.toString();
    }

    /*
     * Written by hand rather than as Jackson trees: a scan encodes a dozen values per file, and building and printing
     * trees was a twentieth of its CPU. The same text as Jackson's (FieldCodecTest reads it back both ways).
     */
    private static void encodeList(StringBuilder out, List<?> elements) {
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            encodeElement(out, elements.get(i));
        }
        out.append(']');
    }

    private static void encodeElement(StringBuilder out, Object element) {
        if (element instanceof String s) {
            quote(out, s);
        } else if (element instanceof Contributor c) {
            out.append("{\"name\":");
            quote(out, c.name());
            out.append(",\"role\":");
            quote(out, c.role());
            if (c.fileAs() != null) {
                // written only when the file gave one: older rows stay as they were
                out.append(",\"fileAs\":");
                quote(out, c.fileAs());
            }
            out.append('}');
        } else if (element instanceof SeriesEntry s) {
            out.append("{\"name\":");
            quote(out, s.name());
            out.append(",\"number\":").append(s.number() == null ? "null" : Double.toString(s.number())).append('}');
        } else if (element instanceof Identifier i) {
            out.append("{\"type\":");
            quote(out, i.type().jsonName());
            out.append(",\"value\":");
            quote(out, i.value());
            out.append('}');
        } else {
            throw new IllegalArgumentException("Unknown element " + element.getClass());
        }
    }

    /** A JSON string, escaped as Jackson does: quote, backslash and control characters. Null as null. */
    static void quote(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        // the text between two characters to escape goes in whole: a char at a time was the first of a 100,000-book
        // scan's writer methods in perf
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(String.format("\\u%04X", (int) c));
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    @SuppressWarnings("unchecked")
    static <T> T decode(Field<T> field, String text) {
        return (T) decodeValue(field, text);
    }

    private static Object decodeValue(Field<?> field, String text) {
        if (field.kind() == ValueKind.TEXT) {
            return text;
        }
        if (text == null || text.isEmpty() || text.equals("[]")) {
            return List.of();
        }
        try {
            return List.copyOf(FlatJson.parse(field.kind(), text));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException unexpected) {
            // Not the shape this codec writes: Jackson reads it, or says exactly what is wrong.
        }
        try (JsonParser p = json().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new StoreException("Corrupt " + field.jsonName() + " value in the database: " + text, null);
            }
            List<Object> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(field.kind() == ValueKind.STRINGS ? p.getText() : decodeObject(field.kind(), p));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Corrupt " + field.jsonName() + " value in the database: " + text, e);
        }
    }

    private static Object decodeObject(ValueKind kind, JsonParser p) throws IOException {
        Element element = new Element();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            switch (token) {
                case VALUE_NULL -> element.put(key, null);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> element.put(key, p.getDoubleValue());
                case VALUE_STRING -> element.put(key, p.getText());
                default -> p.skipChildren();
            }
        }
        return element.build(kind);
    }

    static String source(Source source) {
        return source == null ? null : source.jsonName();
    }

    static Source source(String text) {
        return text == null ? null : Source.fromJsonName(text);
    }

    /** {@code values} with {@code field} set from its stored column texts. */
    static <F extends Field<?>, T> FieldValues<F> put(FieldValues<F> values, Field<T> field, String value, String source) {
        return values.with(field, decode(field, value), source(source));
    }

    /** A whole FieldValues as {field: {"value": …, "source": …}}, for a file's book values. */
    static <F extends Field<?>> String encodeAll(FieldValues<F> values) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        boolean first = true;
        for (Map.Entry<F, Sourced<?>> e : values.asMap().entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey().jsonName());
            out.append(":{");
            String encoded = encode(e.getKey(), e.getValue().value());
            if (encoded != null) {
                out.append("\"value\":");
                quote(out, encoded);
                out.append(',');
            }
            out.append("\"source\":");
            quote(out, source(e.getValue().source()));
            out.append('}');
        }
        return out.append('}').toString();
    }

    static <F extends Field<?>> FieldValues<F> decodeAll(FieldValues<F> empty, String text) {
        FieldValues<F> values = empty;
        if (text == null || text.isEmpty()) {
            return values;
        }
        Map<String, String[]> entries;
        try {
            // a resync reads the book's file records twice; Jackson's tree was a third of its database time
            entries = FlatJson.entries(text);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException unexpected) {
            return decodeAllWithJackson(empty, text);
        }
        for (Field<?> field : empty.fields()) {
            String[] entry = entries.get(field.jsonName());
            if (entry != null) {
                values = put(values, field, entry[0], entry[1]);
            }
        }
        return values;
    }

    /** Not the shape {@link #encodeAll} writes: Jackson reads it, or says exactly what is wrong. */
    private static <F extends Field<?>> FieldValues<F> decodeAllWithJackson(FieldValues<F> empty, String text) {
        FieldValues<F> values = empty;
        try {
            JsonNode root = json().readTree(text);
            for (Field<?> field : empty.fields()) {
                JsonNode entry = root.get(field.jsonName());
                if (entry != null) {
                    JsonNode value = entry.get("value");
                    JsonNode source = entry.get("source");
                    values = put(values, field, value == null ? null : value.asText(),
                            source == null || source.isNull() ? null : source.asText());
                }
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new StoreException("Corrupt book values in the database", e);
        }
    }
}
