package app.colophon.store;

import app.colophon.model.Contributor;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.model.ValueKind;

/**
 * One object of a relationship column ({@code {"name": …, "role": …}}, {@code {"name": …, "number": …}},
 * {@code {"type": …, "value": …}}) as its keys are read, whichever JSON reader reads them; then the model's element.
 */
final class Element {

    private String name;
    private String role;
    private String fileAs;
    private Double number;
    private String type;
    private String value;

    /** Takes one key of the object; unknown keys are ignored. A value of the wrong type is a ClassCastException. */
    void put(String key, Object v) {
        switch (key) {
            case "name" -> name = (String) v;
            case "role" -> role = (String) v;
            case "fileAs" -> fileAs = (String) v;
            case "number" -> number = (Double) v;
            case "type" -> type = (String) v;
            case "value" -> value = (String) v;
            default -> { }
        }
    }

    Object build(ValueKind kind) {
        return switch (kind) {
            case CONTRIBUTORS -> new Contributor(name, role, fileAs);
            case SERIES -> new SeriesEntry(name, number);
            case IDENTIFIERS -> new Identifier(IdentifierType.fromJsonName(type), value);
            default -> throw new IllegalArgumentException(kind + " has no objects");
        };
    }
}
