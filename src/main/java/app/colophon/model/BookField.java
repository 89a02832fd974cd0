package app.colophon.model;

import java.util.Arrays;
import java.util.Optional;

public enum BookField implements Field {
    TITLE("title", ValueKind.TEXT),
    SORT_TITLE("sortTitle", ValueKind.TEXT),
    SUBTITLE("subtitle", ValueKind.TEXT),
    DESCRIPTION("description", ValueKind.TEXT),
    AUTHORS("authors", ValueKind.CONTRIBUTORS),
    SERIES("series", ValueKind.SERIES),
    GENRES("genres", ValueKind.STRINGS),
    TAGS("tags", ValueKind.STRINGS);

    private final String jsonName;
    private final ValueKind kind;

    BookField(String jsonName, ValueKind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    @Override
    public ValueKind kind() {
        return kind;
    }

    public static Optional<BookField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }
}
