package app.colophon.store;

import app.colophon.model.Contributor;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;
import app.colophon.model.Sourced;
import app.colophon.model.ValueKind;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Column text for field values: TEXT as is, relationships as JSON arrays with the CLI's names. */
final class FieldCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldCodec() {
    }

    static String encode(Field field, Object value) {
        if (Sourced.isEmptyValue(value)) {
            return null;
        }
        if (field.kind() == ValueKind.TEXT) {
            return (String) value;
        }
        ArrayNode array = JSON.createArrayNode();
        for (Object element : (List<?>) value) {
            array.add(encodeElement(element));
        }
        return array.toString();
    }

    static Object decode(Field field, String text) {
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
        try (JsonParser p = JSON.getFactory().createParser(text)) {
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
        String name = null;
        String role = null;
        Double number = null;
        String type = null;
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            switch (key) {
                case "name" -> name = p.getText();
                case "role" -> role = token == JsonToken.VALUE_NULL ? null : p.getText();
                case "number" -> number = token == JsonToken.VALUE_NULL ? null : p.getDoubleValue();
                case "type" -> type = p.getText();
                case "value" -> value = p.getText();
                default -> p.skipChildren();
            }
        }
        return switch (kind) {
            case CONTRIBUTORS -> new Contributor(name, role);
            case SERIES -> new SeriesEntry(name, number);
            case IDENTIFIERS -> new Identifier(IdentifierType.fromJsonName(type), value);
            default -> throw new IllegalArgumentException(kind + " has no objects");
        };
    }

    static String source(Source source) {
        return source == null ? null : source.jsonName();
    }

    static Source source(String text) {
        return text == null ? null : Source.fromJsonName(text);
    }

    /** A whole FieldValues as {field: {"value": …, "source": …}}, for a file's book values. */
    static <F extends Enum<F> & Field> String encodeAll(FieldValues<F> values) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<F, Sourced<?>> e : values.asMap().entrySet()) {
            ObjectNode entry = root.putObject(e.getKey().jsonName());
            String encoded = encode(e.getKey(), e.getValue().value());
            if (encoded != null) {
                entry.put("value", encoded);
            }
            entry.put("source", source(e.getValue().source()));
        }
        return root.toString();
    }

    static <F extends Enum<F> & Field> FieldValues<F> decodeAll(Class<F> type, String text) {
        FieldValues<F> values = FieldValues.empty(type);
        if (text == null || text.isEmpty()) {
            return values;
        }
        try {
            JsonNode root = JSON.readTree(text);
            for (F field : type.getEnumConstants()) {
                JsonNode entry = root.get(field.jsonName());
                if (entry != null) {
                    JsonNode value = entry.get("value");
                    JsonNode source = entry.get("source");
                    values = values.with(field, decode(field, value == null ? null : value.asText()),
                            source == null || source.isNull() ? null : source(source.asText()));
                }
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new StoreException("Corrupt book values in the database", e);
        }
    }

    private static JsonNode encodeElement(Object element) {
        if (element instanceof String s) {
            return JSON.getNodeFactory().textNode(s);
        }
        ObjectNode node = JSON.createObjectNode();
        if (element instanceof Contributor c) {
            node.put("name", c.name()).put("role", c.role());
        } else if (element instanceof SeriesEntry s) {
            node.put("name", s.name());
            if (s.number() == null) {
                node.putNull("number");
            } else {
                node.put("number", s.number());
            }
        } else if (element instanceof Identifier i) {
            node.put("type", i.type().jsonName()).put("value", i.value());
        } else {
            throw new IllegalArgumentException("Unknown element " + element.getClass());
        }
        return node;
    }

}
