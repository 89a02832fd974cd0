package app.colophon.model;

import java.util.Arrays;
import java.util.Optional;

public enum FileField implements Field {
    PUBLISHER("publisher", ValueKind.TEXT),
    RELEASE_DATE("releaseDate", ValueKind.TEXT),
    LANGUAGE("language", ValueKind.TEXT),
    IDENTIFIERS("identifiers", ValueKind.IDENTIFIERS),
    NARRATORS("narrators", ValueKind.STRINGS),
    /** Where the cover image lives inside the file (reader-specific reference), not the image itself. */
    COVER("cover", ValueKind.TEXT);

    private final String jsonName;
    private final ValueKind kind;

    FileField(String jsonName, ValueKind kind) {
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

    public static Optional<FileField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }
}
