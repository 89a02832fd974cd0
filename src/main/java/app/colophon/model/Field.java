package app.colophon.model;

/**
 * A metadata field that carries a {@link Source}: one of {@link BookField} or {@link FileField}. {@code T} is the
 * type of its value — {@code String} for text, a {@code List} for relationships — so that a wrong value does not
 * compile. Each field is declared once, in its family's class, with everything the rest of the program asks of it:
 * its JSON name (also the command line's option and, in snake case, its database columns), its label in the
 * window, and its kind.
 */
public sealed interface Field<T> permits DeclaredField {

    /** The constant's name, e.g. {@code SORT_TITLE}. */
    String name();

    /** Position in its family's declaration order. */
    int ordinal();

    /** The name used in JSON, in {@code sources} maps and as the command line's {@code --<field>} option. */
    String jsonName();

    /** The database column holding the value; {@code <column>_src} holds its source. */
    default String column() {
        return Columns.snakeCase(jsonName());
    }

    /** What the window calls it. */
    String label();

    ValueKind kind();

    /** Whether the window edits it on several lines (a description). */
    boolean multiline();

    /** Relationships are compared and replaced as a whole list; scalars are single text values. */
    default boolean isRelationship() {
        return kind() != ValueKind.TEXT;
    }

    /** camelCase → snake_case, the one rule from JSON names to column names. */
    final class Columns {
        private Columns() {
        }

        static String snakeCase(String camel) {
            StringBuilder out = new StringBuilder();
            for (char c : camel.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    out.append('_').append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
