package app.colophon.model;

/** The Java type a field's value has: TEXT is a {@code String}, the rest are {@code List}s of the named element. */
public enum ValueKind {
    TEXT(String.class),
    CONTRIBUTORS(Contributor.class),
    SERIES(SeriesEntry.class),
    STRINGS(String.class),
    IDENTIFIERS(Identifier.class);

    private final Class<?> elementType;

    ValueKind(Class<?> elementType) {
        this.elementType = elementType;
    }

    public Class<?> elementType() {
        return elementType;
    }
}
