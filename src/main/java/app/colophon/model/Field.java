package app.colophon.model;

/** A metadata field that carries a {@link Source}: one of {@link BookField} or {@link FileField}. */
public interface Field {

    /** The name used in JSON, in {@code sources} maps and as the command line's {@code --<field>} option. */
    String jsonName();

    ValueKind kind();

    /** Relationships are compared and replaced as a whole list; scalars are single text values. */
    default boolean isRelationship() {
        return kind() != ValueKind.TEXT;
    }
}
