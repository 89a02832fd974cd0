package app.colophon.model;

import java.util.Locale;

public enum IdentifierType {
    ISBN13, ISBN10, ASIN, UUID, URI, OTHER;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentifierType fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
