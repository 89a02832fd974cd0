package app.colophon.model;

import java.util.Objects;

/** A book identifier; ISBNs are stored without hyphens, schemes other than the known ones keep their prefix in the value. */
public record Identifier(IdentifierType type, String value) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
